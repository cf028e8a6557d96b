"""The current six-digit TOTP code (RFC 6238, SHA-1, 30 s) of a base32 secret, for the scripts that sign in through the
second factor (scripts/bench-web.sh, scripts/multi-node.sh). Usage: python3 scripts/lib/totp.py SECRET"""
import base64, hmac, struct, sys, time

secret = sys.argv[1]
key = base64.b32decode(secret + "=" * (-len(secret) % 8))
mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), "sha1").digest()
offset = mac[-1] & 15
print("%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))

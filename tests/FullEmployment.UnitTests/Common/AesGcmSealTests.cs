using System.Security.Cryptography;
using System.Text;
using FullEmployment.Application.Common;
using Shouldly;
using Xunit;

namespace FullEmployment.UnitTests.Common;

public sealed class AesGcmSealTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(AesGcmSeal.KeyLength);

    [Fact]
    public void A_sealed_value_opens_to_its_plaintext_and_equal_plaintexts_seal_differently()
    {
        var plaintext = Encoding.UTF8.GetBytes("620102199001011234");

        var first = AesGcmSeal.Seal(Key, plaintext);
        var second = AesGcmSeal.Seal(Key, plaintext);

        first.Length.ShouldBe(plaintext.Length + AesGcmSeal.Overhead);
        first.ShouldNotBe(second);
        AesGcmSeal.Open(Key, first).ShouldBe(plaintext);
        AesGcmSeal.Open(Key, second).ShouldBe(plaintext);
    }

    [Fact]
    public void Opening_fails_on_a_wrong_key_a_changed_byte_other_associated_data_or_a_short_value()
    {
        var sealedBytes = AesGcmSeal.Seal(Key, [1, 2, 3], "row-1"u8);

        Should.Throw<CryptographicException>(() => AesGcmSeal.Open(RandomNumberGenerator.GetBytes(AesGcmSeal.KeyLength), sealedBytes, "row-1"u8));
        Should.Throw<CryptographicException>(() => AesGcmSeal.Open(Key, sealedBytes, "row-2"u8));
        for (var i = 0; i < sealedBytes.Length; i++)
        {
            var changed = (byte[])sealedBytes.Clone();
            changed[i] ^= 0x01;
            Should.Throw<CryptographicException>(() => AesGcmSeal.Open(Key, changed, "row-1"u8));
        }

        Should.Throw<CryptographicException>(() => AesGcmSeal.Open(Key, sealedBytes.AsSpan(0, AesGcmSeal.Overhead - 1)));
        AesGcmSeal.Open(Key, sealedBytes, "row-1"u8).ShouldBe([1, 2, 3]);
    }
}

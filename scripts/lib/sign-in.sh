# Signs in through the web pages as a new officer does: the password, the second-factor enrolment (a code computed from
# the secret the page shows, scripts/lib/totp.py), then the change of the initial password. Sourced by
# scripts/bench-web.sh and scripts/soak.sh.
#
#   cookie=$(sign_in BASE_URL USER INITIAL_PASSWORD NEW_PASSWORD WORK_FOLDER)
#
# Prints the session's Cookie header; exits non-zero, saying why on stderr, when a step fails.
sign_in() {
  local base=$1 user=$2 first=$3 password=$4 folder=$5
  local jar=$folder/sign-in-cookies body=$folder/sign-in-body headers=$folder/sign-in-headers
  local root; root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  page() { curl -s -o "$body" -D "$headers" -w '%{http_code}' -c "$jar" -b "$jar" "$@"; }
  form_token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$body" | head -1 | sed 's/.*value="//;s/"$//'; }
  location() { tr -d '\r' <"$headers" | awk -F': ' 'tolower($1) == "location" { print $2 }'; }
  rm -f "$jar"
  page "$base/Account/Login" >/dev/null
  page "$base/Account/Login" --data-urlencode "Input.UserName=$user" --data-urlencode "Input.Password=$first" \
    --data-urlencode "__RequestVerificationToken=$(form_token)" >/dev/null
  local next; next=$(location)
  [[ $next == /Account/EnrolSecondFactor* ]] || { echo "sign-in: expected the second-factor enrolment, got '$next'" >&2; return 1; }
  page "$base$next" >/dev/null
  local secret; secret=$(grep -o 'data-testid="totp-secret">[A-Z2-7]*<' "$body" | sed 's/.*>\([A-Z2-7]*\)</\1/')
  page "$base$next" --data-urlencode "Code=$(python3 "$root/scripts/lib/totp.py" "$secret")" \
    --data-urlencode "__RequestVerificationToken=$(form_token)" >/dev/null
  local continue_url; continue_url=$(grep -o 'href="[^"]*" data-testid="continue"' "$body" | sed 's/href="//;s/" data-testid.*//;s/&amp;/\&/g')
  [[ -n $continue_url ]] || { echo "sign-in: the second-factor code was not accepted" >&2; return 1; }
  page "$base$continue_url" >/dev/null
  page "$base/Account/ChangePassword" >/dev/null
  page "$base/Account/ChangePassword" --data-urlencode "Input.CurrentPassword=$first" --data-urlencode "Input.NewPassword=$password" \
    --data-urlencode "Input.ConfirmPassword=$password" --data-urlencode "__RequestVerificationToken=$(form_token)" >/dev/null
  awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF == 7) printf "%s=%s; ", $6, $7 }' "$jar"
}

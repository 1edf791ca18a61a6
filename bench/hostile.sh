#!/usr/bin/env bash
# A hostile-input drill: starts the sandbox and the Micro WAR (embedded H2 under bench/target,
# reachable by this script too), sets up a victim (an account with a workspace) and an attacker,
# then sends every kind of input docs/security.md says is refused: forged, replayed and oversize
# callbacks (EventBridge, SNS, the fulfillment URL), malformed JSON and oversize bodies, XSS names,
# another customer's ids, path probes and parallel password guesses. It prints, per kind, the
# probes sent, those refused (a 4xx, or for a name shown on a page: shown escaped) and the state
# changes they caused: the rows of every table but the sign-in counts, before and after, and the
# victim's own view of its account through the API. It exits with 1 unless every probe was
# refused and nothing changed.
#
#   ./mvnw -B -DskipTests package && bash bench/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18489}
WORK=bench/target/hostile
H2_JAR=$(ls ~/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar)
SECRET=hostile-drill-events-secret
TOPIC=arn:aws:sns:us-east-1:000000000000:aws-mp-subscription-notification-billing-center-product
DB_URL="jdbc:h2:file:$PWD/$WORK/billing;AUTO_SERVER=TRUE"
source bench/servers.sh
start_servers -Dbilling.aws.events.secret="$SECRET" -Dbilling.aws.sns.topic-arns="$TOPIC" \
  -Dbilling.metering.enabled=false \
  -Dbilling.site.us1.key=hostile-site-key-us1 -Dbilling.security.pbkdf2.iterations=10000

# Every table's row count but the sign-in counts (a refused guess is counted there, on purpose).
snapshot() {
  local tables union
  tables=$(java -cp "$H2_JAR" org.h2.tools.Shell -url "$DB_URL" -user billing -password billing \
    -sql "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'
          AND table_type = 'BASE TABLE' AND table_name NOT IN ('LOGIN_THROTTLE')
          ORDER BY table_name" | awk 'NR > 1 && $1 ~ /^[A-Z_]+$/ { print $1 }')
  union=$(for t in $tables; do printf "SELECT '%s', COUNT(*) FROM \"%s\" UNION ALL " "$t" "$t"; done)
  java -cp "$H2_JAR" org.h2.tools.Shell -url "$DB_URL" -user billing -password billing \
    -sql "${union% UNION ALL }" | grep -v 'rows,'
  for path in account workspaces cloud-accounts audit notices bills; do
    curl -s -u "$VICTIM:$PASSWORD" "$BASE/api/v1/$path" | sed 's/"at":"[^"]*"//g'
  done
}

PASSWORD=Hostile-drill-2026
VICTIM=victim$RANDOM$RANDOM
ATTACKER=attacker$RANDOM$RANDOM
GUESSED=guessed$RANDOM$RANDOM
for user in "$VICTIM" "$ATTACKER" "$GUESSED"; do
  curl -fs -o /dev/null -H 'Content-Type: application/json' -X POST "$BASE/api/v1/accounts" \
    -d "{\"username\":\"$user\",\"loginAccount\":\"$user@example.org\",\"password\":\"$PASSWORD\"}"
done
VICTIM_WS=$(curl -fs -u "$VICTIM:$PASSWORD" -H 'Content-Type: application/json' -X POST \
  "$BASE/api/v1/workspaces" -d '{"name":"Victim prod","siteCode":"us1","language":"en"}' |
  sed 's/.*"id":\([0-9]*\).*/\1/')
XSS='<img src=x onerror=alert(1)><script>alert(2)</script>'
curl -fs -o /dev/null -u "$ATTACKER:$PASSWORD" -H 'Content-Type: application/json' -X POST \
  "$BASE/api/v1/workspaces" -d "{\"name\":\"$XSS\",\"siteCode\":\"us1\",\"language\":\"en\"}"
# A buyer of the attacker's in the sandbox, set up through the fulfillment URL (its registration
# and cloud account are made here, before the snapshot): its set-up reference, from the cookie.
BUYER=$(curl -fs -H 'Content-Type: application/json' -X POST "$SANDBOX/aws-sandbox/api/buyers" \
  -d "{\"awsAccountId\": \"$(printf '%012d' $RANDOM$RANDOM)\"}")
TOKEN=$(printf '%s' "$BUYER" | sed 's/.*"registrationToken":"\([^"]*\)".*/\1/')
REFERENCE=$(curl -s -D - -o /dev/null -X POST --data-urlencode "x-amzn-marketplace-token=$TOKEN" \
  "$BASE/marketplace/aws/fulfillment" | tr -d '\r' | sed -n 's/^Set-Cookie: BC_SETUP=\([^;]*\);.*/\1/p')
[ -n "$REFERENCE" ] || { echo "no set-up reference from the fulfillment URL" >&2; exit 1; }
# A workspace of the attacker's whose name would end the Overview chart's inline script, with
# usage this hour so that the chart shows it.
SCRIPT_NAME='</script><script>alert(3)</script>'
SCRIPT_WS=$(curl -fs -u "$ATTACKER:$PASSWORD" -H 'Content-Type: application/json' -X POST \
  "$BASE/api/v1/workspaces" -d "{\"name\":\"$SCRIPT_NAME\",\"siteCode\":\"us1\",\"language\":\"en\"}" |
  sed 's/.*"id":\([0-9]*\).*/\1/')
HOUR=$(date -u +%Y-%m-%dT%H:00:00Z)
curl -fs -o /dev/null -H 'Content-Type: application/json' -H 'X-Site-Key: hostile-site-key-us1' \
  -X POST "$BASE/api/v1/usage" \
  -d "{\"records\":[{\"id\":\"h-script\",\"workspaceId\":$SCRIPT_WS,\"billingItem\":\"data-points\",\"hour\":\"$HOUR\",\"quantity\":3}]}"
BEFORE=$(snapshot)

declare -A SENT REFUSED
probe() { # kind, expected statuses (regex), curl arguments...
  local kind=$1 expected=$2; shift 2
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 "$@" || echo 000)
  SENT[$kind]=$(( ${SENT[$kind]:-0} + 1 ))
  if [[ $status =~ ^($expected)$ ]]; then
    REFUSED[$kind]=$(( ${REFUSED[$kind]:-0} + 1 ))
  else
    echo "NOT REFUSED: $kind -> $status: $*" >&2
  fi
}
# A body of $1 bytes of 'x' between $2 and $3, in a file (a command line holds at most 128 KiB).
big() { local f; f=$(mktemp -p "$WORK"); { printf '%s' "$2"; head -c "$1" /dev/zero | tr '\0' 'x'; printf '%s' "$3"; } > "$f"; echo "@$f"; }
EVENTS="$BASE/marketplace/aws/events"
JSON=(-H 'Content-Type: application/json')
EVENT='{"version":"0","id":"e-hostile","detail-type":"License Deprovisioned - Manufacturer","source":"aws.agreement-marketplace","account":"000000000000","time":"2026-12-03T10:00:00Z","region":"us-east-1","resources":[],"detail":{"license":{"arn":"arn:aws:license-manager::111122223333:license:l-0"},"product":{"code":"billing-center-product"},"agreement":{"id":"agmt-x"},"acceptor":{"accountId":"111122223333"}}}'

# Forged, replayed and oversize callbacks.
probe "EventBridge: no or wrong secret" 401 -X POST "${JSON[@]}" -d "$EVENT" "$EVENTS"
probe "EventBridge: no or wrong secret" 401 -X POST "${JSON[@]}" -H "X-Marketplace-Events-Secret: guess" -d "$EVENT" "$EVENTS"
probe "EventBridge: no or wrong secret" 401 -X POST "${JSON[@]}" -H "X-Marketplace-Events-Secret: ${SECRET}x" -d "$EVENT" "$EVENTS"
probe "EventBridge: malformed or oversize" 400 -X POST "${JSON[@]}" -H "X-Marketplace-Events-Secret: $SECRET" -d '{"id": ' "$EVENTS"
probe "EventBridge: malformed or oversize" 400 -X POST "${JSON[@]}" -H "X-Marketplace-Events-Secret: $SECRET" -d '[]' "$EVENTS"
probe "EventBridge: malformed or oversize" 400 -X POST "${JSON[@]}" -H "X-Marketplace-Events-Secret: $SECRET" -d "${EVENT/\"time\"/\"when\"}" "$EVENTS"
probe "EventBridge: malformed or oversize" 413 -X POST "${JSON[@]}" -H "X-Marketplace-Events-Secret: $SECRET" --data-binary "$(big 300000 '{"x":"' '"}')" "$EVENTS"
probe "EventBridge: malformed or oversize" 415 -X POST -H 'Content-Type: text/plain' -H "X-Marketplace-Events-Secret: $SECRET" -d "$EVENT" "$EVENTS"
probe "EventBridge: malformed or oversize" 405 "$EVENTS"
SNS="$BASE/marketplace/aws/sns"
SNS_MESSAGE='{"Type":"Notification","MessageId":"m-1","TopicArn":"'$TOPIC'","Message":"{\"action\":\"unsubscribe-success\",\"customer-identifier\":\"c-1\",\"product-code\":\"billing-center-product\"}","Timestamp":"2026-12-03T10:00:00.000Z","SignatureVersion":"2","Signature":"Zm9yZ2Vk","SigningCertURL":"CERT"}'
probe "SNS: forged or malformed" 400 -X POST -H 'Content-Type: text/plain' -d "${SNS_MESSAGE/CERT/https://evil.example.com/cert.pem}" "$SNS"
probe "SNS: forged or malformed" 400 -X POST -H 'Content-Type: text/plain' -d "${SNS_MESSAGE/CERT/https://sns.s3.amazonaws.com/cert.pem}" "$SNS"
probe "SNS: forged or malformed" 400 -X POST -H 'Content-Type: text/plain' -d "${SNS_MESSAGE/CERT/http://sns.us-east-1.amazonaws.com/cert.pem}" "$SNS"
probe "SNS: forged or malformed" '400|403' -X POST -H 'Content-Type: text/plain' -d "$(printf '%s' "${SNS_MESSAGE/CERT/https://sns.us-east-1.amazonaws.com/c.pem}" | sed "s|$TOPIC|arn:aws:sns:us-east-1:1:other|")" "$SNS"
probe "SNS: forged or malformed" 400 -X POST -H 'Content-Type: text/plain' -d '{"Type": ' "$SNS"
probe "SNS: forged or malformed" 413 -X POST -H 'Content-Type: text/plain' --data-binary "$(big 300000 '' '')" "$SNS"
FULFIL="$BASE/marketplace/aws/fulfillment"
probe "Fulfillment: forged or oversize" 400 -X POST -d 'x-amzn-marketplace-token=forged-token' "$FULFIL"
probe "Fulfillment: forged or oversize" 400 -X POST -d 'other=1' "$FULFIL"
probe "Fulfillment: forged or oversize" 413 -X POST --data-binary "$(big 20000 'x-amzn-marketplace-token=' '')" "$FULFIL"
probe "Fulfillment: forged or oversize" 415 -X POST "${JSON[@]}" -d '{"x-amzn-marketplace-token":"t"}' "$FULFIL"
probe "Fulfillment: forged or oversize" 411 -X POST -H 'Transfer-Encoding: chunked' -H 'Content-Type: application/x-www-form-urlencoded' -d 'x-amzn-marketplace-token=t' "$FULFIL"
probe "Fulfillment: forged or oversize" 405 "$FULFIL"
# A forged set-up reference gets the page that says the link is not valid, and no form.
SENT["Set-up page: forged reference"]=1
if curl -s -b 'BC_SETUP=forged-reference' "$BASE/setup.xhtml?lang=en" | grep -q 'id="setup-closed"'; then
  REFUSED["Set-up page: forged reference"]=1
else
  echo "NOT REFUSED: a forged set-up reference opened the set-up" >&2
fi

# Mailed links: the token leaves the URL at the first request (303 to the page without it).
link_probe() { # page, parameter
  local answer location
  answer=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$BASE$1?lang=en&$2=forged-token-0123456789")
  SENT["Mailed links: token kept in the URL"]=$(( ${SENT["Mailed links: token kept in the URL"]:-0} + 1 ))
  location=${answer#* }
  if [[ ${answer%% *} == 303 && $location != *forged-token* ]]; then
    REFUSED["Mailed links: token kept in the URL"]=$(( ${REFUSED["Mailed links: token kept in the URL"]:-0} + 1 ))
  else
    echo "NOT REFUSED: $1 kept its token: $answer" >&2
  fi
}
link_probe /reset-password.xhtml token
link_probe /locked.xhtml t
# Reverse binding: a real set-up reference sent in a URL (as a link to a signed-in customer)
# opens nothing; only the browser the fulfillment URL answered has it, in a cookie.
SENT["Set-up page: a reference in a URL"]=1
if curl -s "$BASE/setup.xhtml?lang=en&ref=$REFERENCE" | grep -q 'id="setup-closed"'; then
  REFUSED["Set-up page: a reference in a URL"]=1
else
  echo "NOT REFUSED: a set-up reference in a URL opened the set-up" >&2
fi
# Months outside the account's life, and an SNS certificate off its topic's regional host.
probe "Bills: a month outside the account's life" 400 -u "$VICTIM:$PASSWORD" "$BASE/api/v1/bills?month=0001-01"
probe "Bills: a month outside the account's life" 400 -u "$VICTIM:$PASSWORD" "$BASE/api/v1/bills?month=%2B999999999-12"
probe "SNS: forged or malformed" 400 -X POST -H 'Content-Type: text/plain' -d "${SNS_MESSAGE/CERT/https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-x.pem}" "$SNS"

# Malformed JSON, oversize bodies, hostile names.
probe "API: malformed or oversize" 400 -X POST "${JSON[@]}" -d '{"username": ' "$BASE/api/v1/accounts"
probe "API: malformed or oversize" 400 -X POST "${JSON[@]}" -u "$ATTACKER:$PASSWORD" -d '{"name": 5, "siteCode": []}' "$BASE/api/v1/workspaces"
probe "API: malformed or oversize" 413 -X POST "${JSON[@]}" -u "$ATTACKER:$PASSWORD" --data-binary "$(big 6000000 '{"name":"' '"}')" "$BASE/api/v1/workspaces"
probe "API: malformed or oversize" 401 -X POST "${JSON[@]}" -H 'X-Site-Key: guess' -d '{"records":[]}' "$BASE/api/v1/usage"
probe "API: malformed or oversize" 400 -X POST "${JSON[@]}" -H 'X-Site-Key: hostile-site-key-us1' -d '{"records": [' "$BASE/api/v1/usage"
probe "API: malformed or oversize" 422 -X POST "${JSON[@]}" -H 'X-Site-Key: hostile-site-key-us1' -d "{\"records\":[{\"id\":\"h-1\",\"workspaceId\":$VICTIM_WS,\"billingItem\":\"data-points\",\"hour\":\"2026-12-03T10:30:00Z\",\"quantity\":-5}]}" "$BASE/api/v1/usage"
probe "API: cross-site call" 403 -X POST "${JSON[@]}" -u "$VICTIM:$PASSWORD" -H 'Origin: https://evil.example' -d '{"name":"x","siteCode":"us1","language":"en"}' "$BASE/api/v1/workspaces"
probe "Names: XSS" 400 -X POST "${JSON[@]}" -d "{\"username\":\"<script>\",\"loginAccount\":\"x@example.org\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/accounts"
probe "Names: XSS" 400 -X POST "${JSON[@]}" -u "$ATTACKER:$PASSWORD" -d "{\"name\":\"a\\u0000b\",\"siteCode\":\"us1\",\"language\":\"en\"}" "$BASE/api/v1/workspaces"
# The attacker's own workspace named with markup (made before the snapshot) shows as text.
JAR=$WORK/attacker.jar
LOGIN=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login.xhtml?lang=en")
VIEW_STATE=$(printf '%s' "$LOGIN" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/')
curl -s -o /dev/null -c "$JAR" -b "$JAR" "$BASE/login.xhtml" --data-urlencode "login=login" \
  --data-urlencode "login:name=$ATTACKER" --data-urlencode "login:password=$PASSWORD" \
  --data-urlencode "login:submit=" --data-urlencode "jakarta.faces.ViewState=$VIEW_STATE"
curl -s -b "$JAR" "$BASE/workspaces.xhtml" > "$WORK/workspaces.html"
curl -s -b "$JAR" "$BASE/overview.xhtml?lang=en" > "$WORK/overview.html"
SENT["Names: XSS"]=$(( ${SENT["Names: XSS"]} + 1 ))
if grep -q 'u003c/script' "$WORK/overview.html" && ! grep -qF "$SCRIPT_NAME" "$WORK/overview.html"; then
  REFUSED["Names: XSS"]=$(( ${REFUSED["Names: XSS"]:-0} + 1 ))
else
  echo "NOT REFUSED: a name ended the Overview chart's script" >&2
fi
SENT["Names: XSS"]=$(( ${SENT["Names: XSS"]} + 1 ))
if grep -q '&lt;img src=x onerror=alert(1)&gt;' "$WORK/workspaces.html" \
  && ! grep -q '<img src=x onerror' "$WORK/workspaces.html"; then
  REFUSED["Names: XSS"]=$(( ${REFUSED["Names: XSS"]:-0} + 1 ))
else
  echo "NOT REFUSED: the markup of a name reached the page as markup" >&2
fi

# Another customer's ids.
for path in "workspaces/$VICTIM_WS" "workspaces/$VICTIM_WS/usage" "workspaces/$VICTIM_WS/settlement-options"; do
  probe "Another customer's ids" 404 -u "$ATTACKER:$PASSWORD" "$BASE/api/v1/$path"
done
probe "Another customer's ids" 404 -X POST "${JSON[@]}" -u "$ATTACKER:$PASSWORD" -d '{"method":"none"}' "$BASE/api/v1/workspaces/$VICTIM_WS/settlement"
probe "Another customer's ids" 404 -X POST "${JSON[@]}" -u "$ATTACKER:$PASSWORD" -d '{}' "$BASE/api/v1/workspaces/$VICTIM_WS/commercial-plan"

# Path probes: without credentials, never the account.
for path in "/api/v1/../v1/account" "/api/v1/account;x=1" "/api/v1/%2e%2e/v1/account" \
  "/api/v1/account%2f" "//api/v1/account" "/API/v1/account" "/api/v1/account." \
  "/marketplace/../api/v1/account" "/marketplace/%2e%2e/api/v1/account" "/health/../api/v1/account" \
  "/aws-sandbox/../api/v1/account" "/api/v1/account/"; do
  probe "Path probes (no credentials)" '4[0-9][0-9]' --path-as-is "$BASE$path"
done

# Parallel password guesses from one address, at a third account (so that the victim's own view,
# read from this same address, is not held back after them).
seq 1 50 | xargs -P 50 -I{} curl -s -o /dev/null -w '%{http_code}\n' -u "$GUESSED:wrong-{}" \
  "$BASE/api/v1/account" > "$WORK/guesses.txt"
CHECKED=$(grep -c '^401$' "$WORK/guesses.txt" || true)
SENT["Parallel password guesses"]=50
# A checked guess is refused too (401); the point is how few are checked.
REFUSED["Parallel password guesses"]=$(grep -c '^\(401\|429\)$' "$WORK/guesses.txt" || true)
sleep 1

AFTER=$(snapshot)
CHANGED=$(diff <(printf '%s\n' "$BEFORE") <(printf '%s\n' "$AFTER") | grep -c '^[<>]' || true)
printf '\n%-36s %6s %8s\n' "probe" "sent" "refused"
total_sent=0; total_refused=0
for kind in "EventBridge: no or wrong secret" "EventBridge: malformed or oversize" \
  "SNS: forged or malformed" "Fulfillment: forged or oversize" "Set-up page: forged reference" \
  "Mailed links: token kept in the URL" "Set-up page: a reference in a URL" \
  "Bills: a month outside the account's life" \
  "API: malformed or oversize" "API: cross-site call" "Names: XSS" "Another customer's ids" \
  "Path probes (no credentials)" "Parallel password guesses"; do
  printf '%-36s %6d %8d\n' "$kind" "${SENT[$kind]:-0}" "${REFUSED[$kind]:-0}"
  total_sent=$(( total_sent + ${SENT[$kind]:-0} )); total_refused=$(( total_refused + ${REFUSED[$kind]:-0} ))
done
printf '%-36s %6d %8d\n' "all" "$total_sent" "$total_refused"
echo "parallel guesses whose password was checked (401): $CHECKED of 50 (at most 5)"
echo "state changed (rows of every table but sign-in counts, and the victim's API view): $CHANGED"
if [ "$CHANGED" -ne 0 ]; then diff <(printf '%s\n' "$BEFORE") <(printf '%s\n' "$AFTER") | head -20; fi
[ "$CHANGED" -eq 0 ] && [ "$CHECKED" -le 5 ] && [ "$total_refused" -eq "$total_sent" ]

#!/usr/bin/env bash
# Deploys ear/target/billing-center.ear on Payara Server 6 (full), with the AWS Marketplace sandbox
# WAR beside it at /aws-sandbox, configured through the server's environment as
# docs/payara-server.md says; checks, over HTTP, the login page, /openapi, /health and an
# EJB-backed API call; then runs the seed's end-to-end browser
# scenario against it (AwsSettlementBrowserIT: the sandbox listing, subscribe, the fulfillment URL,
# set-up, Commercial Plan, binding a second workspace, Cloud Account) and stops the domain.
# Needs the EAR built first (./mvnw -B package, or the README's Test command). The distribution
# comes from Maven Central (fish.payara.distributions:payara, zip) through the Maven wrapper.
# Environment: PAYARA_PORTBASE (default 28000: HTTP on +80, admin on +48); PAYARA_DB_URL (a
# PostgreSQL JDBC URL, user postgres; default: the embedded H2 file); SMOKE_BROWSER=false skips the
# browser scenario.
set -uo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
portbase=${PAYARA_PORTBASE:-28000}
http_port=$((portbase + 80))
work=target/payara-server
domain=billing-smoke
ear=ear/target/billing-center.ear
passed=0
failed=0

[ -f "$ear" ] || { echo "No $ear: build it first (./mvnw -B package)."; exit 1; }

# This throw-away domain's JVMs (asadmin's, keytool's, the server's) run for a minute: C1 alone,
# as in the tests' servers (it.jvm.options), costs half the CPU of their start.
export AS_EXTRA_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
export JAVA_TOOL_OPTIONS="-XX:TieredStopAtLevel=1"

rm -rf "$work" && mkdir -p "$work"
./mvnw -q -B dependency:copy -Dartifact="fish.payara.distributions:payara:${version}:zip" \
  -DoutputDirectory="$work" || { echo "Could not fetch Payara Server $version"; exit 1; }
unzip -q "$work/payara-${version}.zip" -d "$work"
asadmin="$work/payara6/bin/asadmin"

cleanup() {
  "$asadmin" stop-domain "$domain" >/dev/null 2>&1 || true
}
trap cleanup EXIT

check() { # name, command...
  local name=$1
  shift
  if "$@"; then
    echo "PASS $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name"
    failed=$((failed + 1))
  fi
}

"$asadmin" create-domain --nopassword --portbase "$portbase" "$domain" >/dev/null || exit 1
admin=("$asadmin" --port $((portbase + 48)))
base="http://localhost:${http_port}"

# Configuration: the same MicroProfile Config keys as everywhere, as environment variables of the
# server process (docs/payara-server.md, step 2: BILLING_DB_URL for billing.db.url, and so on), so
# that the domain starts once with them.
secret="smoke-events-secret-$RANDOM$RANDOM$RANDOM"
export BILLING_AWS_ENDPOINT_OVERRIDE="$base/aws-sandbox"
export BILLING_AWS_LISTING_URL="$base/aws-sandbox/listing"
export BILLING_AWS_PRODUCT_CODE=billing-center-product
export BILLING_AWS_ACCESS_KEY_ID=sandbox
export BILLING_AWS_SECRET_ACCESS_KEY=sandbox
export BILLING_AWS_EVENTS_SECRET="$secret"
export SANDBOX_EVENTS_SECRET="$secret"
export SANDBOX_ENABLED=true
export SANDBOX_FULFILLMENT_URL="$base/marketplace/aws/fulfillment"
export SANDBOX_EVENTS_URL="$base/marketplace/aws/events"
if [ -n "${PAYARA_DB_URL:-}" ]; then
  export BILLING_DB_URL="$PAYARA_DB_URL"
  export BILLING_DB_USER=postgres
  export BILLING_DB_PASSWORD=postgres
  export BILLING_DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource
fi
"$asadmin" start-domain "$domain" || exit 1
"${admin[@]}" deploy --contextroot / "$ear" || { tail -50 "$work/payara6/glassfish/domains/$domain/logs/server.log"; exit 1; }
"${admin[@]}" deploy --contextroot /aws-sandbox --name aws-marketplace-sandbox \
  system-tests/target/runtime/aws-marketplace-sandbox.war || exit 1
user="smoke-$RANDOM$RANDOM"
password="Smoke-test-2026"

check "login page" bash -c "curl -sf '$base/login.xhtml' | grep -q 'Log in to the Billing Center'"
check "anonymous visitor is sent to the login page" \
  bash -c "curl -s -o /dev/null -w '%{redirect_url}' '$base/' | grep -q '/login.xhtml'"
check "openapi lists the endpoints" bash -c "curl -sf '$base/openapi' | grep -q '/api/v1/account:'"
check "health is UP" bash -c "curl -sf '$base/health' | grep -q '\"status\":\"UP\"'"
check "registration through the EJB (201)" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' \
  -H 'Content-Type: application/json' \
  -d '{\"username\":\"$user\",\"loginAccount\":\"$user@example.com\",\"password\":\"$password\"}' \
  '$base/api/v1/accounts')\" = 201 ]"
check "HTTP Basic on /api/v1 reads the account back" \
  bash -c "curl -sf -u '$user:$password' '$base/api/v1/account' | grep -q '\"username\":\"$user\"'"
check "no credentials gets 401 JSON" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' '$base/api/v1/account')\" = 401 ]"

check "the sandbox listing answers" bash -c "curl -sf '$base/aws-sandbox/listing' > /dev/null"
if [ "${SMOKE_BROWSER:-true}" != false ]; then
  # The whole system-tests module's build, its failsafe run limited to the browser scenario, with
  # the tests' shared server being this one (it.server.url) instead of a Payara Micro.
  browser_scenario() {
    ./mvnw -B verify -pl system-tests -am -Dspotless.check.skip=true -Dtest=NONE \
      -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=AwsSettlementBrowserIT \
      -Dit.server.url="$base/" > "$work/browser-scenario.log" 2>&1 && return 0
    grep -E "Tests run|FAIL|ERROR" "$work/browser-scenario.log" | head -40
    return 1
  }
  check "browser: sandbox listing to a bound workspace (AwsSettlementBrowserIT)" browser_scenario
fi

if [ "$failed" -gt 0 ]; then
  tail -80 "$work/payara6/glassfish/domains/$domain/logs/server.log"
fi
echo "Payara Server EAR smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

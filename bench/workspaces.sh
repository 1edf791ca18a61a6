#!/usr/bin/env bash
# Workspace Management with 100,000 workspaces in one account.
#
# Starts the Micro WAR on Payara Micro (embedded H2 under bench/target, or PostgreSQL when
# BENCH_DB_URL is set, e.g. jdbc:postgresql://127.0.0.1:5432/billing_bench), registers one account,
# inserts 100,000 workspaces for it with one SQL statement, then times repeated requests of the first
# and a middle page of the Workspace Management page and of GET /api/v1/workspaces, and prints the
# median and p95 per request (curl's time_total on localhost: the server's time plus well under a
# millisecond of loopback).
#
#   bash bench/workspaces.sh            # build first if needed: ./mvnw -B -DskipTests package
#   BENCH_WORKSPACES=20000 BENCH_REPEAT=30 bash bench/workspaces.sh
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${BENCH_WORKSPACES:-100000}
REPEAT=${BENCH_REPEAT:-50}
PORT=${BENCH_PORT:-18480}
WORK=bench/target
RUNTIME=system-tests/target/runtime
H2_JAR=$(ls ~/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar)

[ -f "$RUNTIME/micro.war" ] || ./mvnw -q -B -DskipTests package
rm -rf "$WORK" && mkdir -p "$WORK"

if [ -n "${BENCH_DB_URL:-}" ]; then
  DB_URL=$BENCH_DB_URL; DB_USER=${BENCH_DB_USER:-postgres}; DB_PASSWORD=${BENCH_DB_PASSWORD:-postgres}
  DS=org.postgresql.ds.PGSimpleDataSource
else
  DB_URL="jdbc:h2:file:$PWD/$WORK/billing;AUTO_SERVER=TRUE"; DB_USER=billing; DB_PASSWORD=billing
  DS=org.h2.jdbcx.JdbcDataSource
fi

java -Xmx768m -Dbilling.db.url="$DB_URL" -Dbilling.db.user="$DB_USER" \
  -Dbilling.db.password="$DB_PASSWORD" -Dbilling.db.datasource-class="$DS" \
  -Dbilling.aws.product-code=billing-center-product \
  -jar "$RUNTIME/payara-micro.jar" --nocluster --port "$PORT" \
  --deploy "$RUNTIME/micro.war:/" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
BASE=http://localhost:$PORT
for _ in $(seq 1 120); do
  curl -fs "$BASE/health" > /dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/health" > /dev/null || { echo "server did not start; see $WORK/server.log"; exit 1; }

USER_NAME=bench-$(date +%s)
PASSWORD=Bench-mark-2026
curl -fs -H 'Content-Type: application/json' -X POST "$BASE/api/v1/accounts" \
  -d "{\"username\":\"$USER_NAME\",\"loginAccount\":\"$USER_NAME@example.com\",\"password\":\"$PASSWORD\"}" > /dev/null

# Ids far above the application's sequence; sites, plans and settlement spread like real data.
if [ -n "${BENCH_DB_URL:-}" ]; then
  DB_NAME=${DB_URL##*/}
  psql -q -h 127.0.0.1 -U "$DB_USER" -d "$DB_NAME" -c "
    INSERT INTO workspace (id, owner_id, name, site_code, language_code, plan, settlement_method,
                           status, created_at, version)
    SELECT 100000000 + x, a.id, 'workspace ' || lpad(x::text, 6, '0'),
           (ARRAY['cn1','cn2','us1','eu1','ap1'])[1 + x % 5], CASE WHEN x % 3 = 0 THEN 'ZH' ELSE 'EN' END,
           CASE WHEN x % 4 = 0 THEN 'FREE' ELSE 'COMMERCIAL' END, 'billing-center', 'ACTIVE',
           now(), 1
    FROM generate_series(1, $COUNT) x, billing_account a WHERE a.username = '$USER_NAME';
    ANALYZE workspace;"
else
  java -cp "$H2_JAR" org.h2.tools.Shell -url "$DB_URL" -user "$DB_USER" -password "$DB_PASSWORD" -sql "
    INSERT INTO workspace (id, owner_id, name, site_code, language_code, plan, settlement_method,
                           status, created_at, version)
    SELECT 100000000 + x, a.id, 'workspace ' || LPAD(CAST(x AS VARCHAR), 6, '0'),
           CASEWHEN(MOD(x, 5) = 0, 'cn1', CASEWHEN(MOD(x, 5) = 1, 'us1', 'eu1')),
           CASEWHEN(MOD(x, 3) = 0, 'ZH', 'EN'), CASEWHEN(MOD(x, 4) = 0, 'FREE', 'COMMERCIAL'),
           'billing-center', 'ACTIVE', CURRENT_TIMESTAMP, 1
    FROM SYSTEM_RANGE(1, $COUNT) r(x), billing_account a WHERE a.username = '$USER_NAME';
    ANALYZE;" > /dev/null
fi
TOTAL=$(curl -fs -u "$USER_NAME:$PASSWORD" "$BASE/api/v1/workspaces?size=1" | sed 's/.*"total":\([0-9]*\).*/\1/')
echo "workspaces of the account: $TOTAL"

# Log in through the page's form (Faces view state and session cookie in a jar).
JAR=$WORK/cookies
LOGIN=$(curl -fs -c "$JAR" -b "$JAR" "$BASE/login.xhtml?lang=en")
VIEW_STATE=$(printf '%s' "$LOGIN" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/')
curl -fs -c "$JAR" -b "$JAR" -o /dev/null "$BASE/login.xhtml" \
  --data-urlencode "login=login" --data-urlencode "login:name=$USER_NAME" \
  --data-urlencode "login:password=$PASSWORD" --data-urlencode "login:submit=" \
  --data-urlencode "jakarta.faces.ViewState=$VIEW_STATE"
curl -fs -b "$JAR" "$BASE/workspaces.xhtml?page=1" > "$WORK/first-page.html"; grep -q "workspace 000001" "$WORK/first-page.html" \
  || { echo "the first page does not show workspace 000001 (see $WORK/first-page.html)"; exit 1; }

MIDDLE=$(( (TOTAL / 20) / 2 ))
FIRST_OF_MIDDLE=$(printf 'workspace %06d' $(( (MIDDLE - 1) * 20 + 1 )))
# Whole pages go to files before grep: under pipefail, grep -q closing the pipe at its first match
# makes curl fail (exit 23) on a large page.
curl -fs -b "$JAR" "$BASE/workspaces.xhtml?page=$MIDDLE" > "$WORK/middle-page.html"; grep -q "$FIRST_OF_MIDDLE" "$WORK/middle-page.html" \
  || { echo "the middle page does not show $FIRST_OF_MIDDLE (see $WORK/middle-page.html)"; exit 1; }
measure() { # label, curl arguments...
  local label=$1; shift
  for _ in $(seq 1 5); do curl -fs -o /dev/null "$@"; done   # warm-up
  for _ in $(seq 1 "$REPEAT"); do curl -fs -o /dev/null -w '%{time_total}\n' "$@"; done \
    | sort -n | awk -v label="$label" '{ t[NR] = $1 * 1000 } END {
        p95 = int(NR * 0.95 + 0.999); printf "%-58s median %6.1f ms   p95 %6.1f ms   (n=%d)\n",
        label, t[int((NR + 1) / 2)], t[p95], NR }'
}
measure "page  workspaces.xhtml first page (20 rows)" -b "$JAR" "$BASE/workspaces.xhtml?page=1"
measure "page  workspaces.xhtml middle page $MIDDLE" -b "$JAR" "$BASE/workspaces.xhtml?page=$MIDDLE"
measure "api   GET /api/v1/workspaces?page=1&size=20" -u "$USER_NAME:$PASSWORD" "$BASE/api/v1/workspaces?page=1&size=20"
measure "api   GET /api/v1/workspaces?page=$MIDDLE&size=20" -u "$USER_NAME:$PASSWORD" "$BASE/api/v1/workspaces?page=$MIDDLE&size=20"
measure "api   same, sorted by name descending" -u "$USER_NAME:$PASSWORD" "$BASE/api/v1/workspaces?page=$MIDDLE&size=20&sort=name&order=desc"
measure "api   filtered by site us1 and name '0042'" -u "$USER_NAME:$PASSWORD" "$BASE/api/v1/workspaces?siteCode=us1&name=0042"

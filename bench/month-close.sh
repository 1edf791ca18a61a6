#!/usr/bin/env bash
# Closing a month at size on PostgreSQL: ACCOUNTS customers (default 10,000) with 5 workspaces and
# 4 billing items each and every day of last month in the roll-up (usage_day: ACCOUNTS x 600 rows,
# seeded by SQL), then one closing run (POST /api/v1/bills/closing-runs, as the hourly schedule
# runs it) makes every bill final: lines priced, CSV kept, a notice written. Prints the run's time,
# the time per 1,000 bills as they were made (from their finalized_at: flat if it grows linearly)
# and what was written.
#
#   ./mvnw -B -DskipTests package && bash bench/month-close.sh [accounts]
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres); (re)creates billing_bench_close.
set -euo pipefail
cd "$(dirname "$0")/.."

ACCOUNTS=${1:-10000}
PORT=${BENCH_PORT:-18493}
KEY=bench-operator-key-0123456789
DB=billing_bench_close
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB
source bench/servers.sh
WORK=bench/target/month-close
# The schedules are off: the one run timed is the one started below (close day 1: last month due).
start_servers -Dbilling.db.datasource-class=org.postgresql.ds.PGSimpleDataSource \
  -Dbilling.db.user=postgres -Dbilling.db.password=postgres -Dbilling.operator.key="$KEY" \
  -Dbilling.metering.enabled=false -Dbilling.bills.closing.enabled=false \
  -Dbilling.alarms.enabled=false -Dbilling.bills.close-day=1

MONTH_START=$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m-01)
MONTH=${MONTH_START:0:7}
started=$(date +%s.%N)
psql -h 127.0.0.1 -U postgres -q -d "$DB" -v ON_ERROR_STOP=1 <<SQL
INSERT INTO billing_account (id, username, login_account, password_hash, created_at,
    password_changed_at, version)
  SELECT a, 'close-' || a, 'close-' || a || '@example.org', 'not-a-hash',
    TIMESTAMP '$MONTH_START' - INTERVAL '30 days', TIMESTAMP '$MONTH_START' - INTERVAL '30 days', 1
  FROM generate_series(1, $ACCOUNTS) a;
INSERT INTO workspace (id, owner_id, name, site_code, language_code, plan, settlement_method,
    status, created_at, version)
  SELECT (a - 1) * 5 + w, a, 'ws-' || a || '-' || w, 'us1', 'EN', 'COMMERCIAL', 'billing-center',
    'ACTIVE', TIMESTAMP '$MONTH_START' - INTERVAL '30 days', 1
  FROM generate_series(1, $ACCOUNTS) a, generate_series(1, 5) w;
INSERT INTO usage_day (workspace_id, billing_item, usage_day, period_id, owner_id, site_code,
    settlement_method, cloud_account_id, kind, quantity)
  SELECT w.id, i.item, d::date, w.id, w.owner_id, 'us1', 'billing-center', NULL, 'SETTLED',
    24 * (1 + (w.id + i.n) % 7)
  FROM workspace w,
    (VALUES (1, 'data-points'), (2, 'log-volume'), (3, 'traces'), (4, 'synthetic-tests')) i(n, item),
    generate_series(DATE '$MONTH_START', DATE '$MONTH_START' + INTERVAL '1 month' - INTERVAL '1 day',
      INTERVAL '1 day') d;
ANALYZE;
SQL
seeded=$(date +%s.%N)
rows=$(psql -h 127.0.0.1 -U postgres -At -d "$DB" -c "SELECT COUNT(*) FROM usage_day")
printf "seeded %'d accounts, %'d workspaces, %'d roll-up rows of %s in %.0f s\n" \
  "$ACCOUNTS" $((ACCOUNTS * 5)) "$rows" "$MONTH" "$(echo "$seeded - $started" | bc)"

run=$(curl -fs --max-time 3600 -X POST -H "X-Operator-Key: $KEY" "$BASE/api/v1/bills/closing-runs")
echo "closing run: $run"
psql -h 127.0.0.1 -U postgres -At -d "$DB" -F ' ' <<SQL
SELECT 'bills final: ' || COUNT(*) || ', lines: ' || (SELECT COUNT(*) FROM bill_line)
  || ', notices: ' || (SELECT COUNT(*) FROM notice WHERE kind = 'bill.ready')
  || ', CSV bytes: ' || SUM(LENGTH(csv))
  || ', first to last: ' || ROUND(EXTRACT(EPOCH FROM MAX(finalized_at) - MIN(finalized_at)), 1) || ' s'
  FROM bill WHERE bill_month = DATE '$MONTH_START';
SELECT 'bills ' || (k * 1000 + 1) || '-' || ((k + 1) * 1000) || ': '
  || ROUND(EXTRACT(EPOCH FROM MAX(t) - MIN(t)), 1) || ' s'
  FROM (SELECT finalized_at t, (ROW_NUMBER() OVER (ORDER BY finalized_at) - 1) / 1000 k
        FROM bill WHERE bill_month = DATE '$MONTH_START') s
  GROUP BY k ORDER BY k;
SQL

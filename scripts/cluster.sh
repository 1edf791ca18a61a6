#!/usr/bin/env bash
# Starts the Billing Center as a cluster on this machine: N Payara Micro instances of the Micro WAR
# (one data grid, sessions replicated) over one PostgreSQL database, behind nginx (round robin, no
# sticky sessions), with the AWS Marketplace sandbox on a Payara Micro of its own. Ctrl-C stops all.
#
#   ./mvnw -B -DskipTests package && bash scripts/cluster.sh [INSTANCES]   # default 3
#   open http://localhost:8080/                                            # through nginx
#
# Environment: CLUSTER_PORT (nginx; default 8080; instances on the next ports, the sandbox on
# CLUSTER_PORT + 50), CLUSTER_DB (default jdbc:postgresql://127.0.0.1:5432/billing_cluster, created
# when missing), CLUSTER_DB_USER/CLUSTER_DB_PASSWORD (postgres/postgres), CLUSTER_WORK (logs; default
# target/cluster). Needs nginx (apt-get install -y nginx-light) and PostgreSQL.
#
# Sourced (by bench/cluster.sh), it only defines the functions.

RUNTIME=system-tests/target/runtime
: "${CLUSTER_PORT:=8080}"
: "${CLUSTER_DB:=jdbc:postgresql://127.0.0.1:5432/billing_cluster}"
: "${CLUSTER_DB_USER:=postgres}"
: "${CLUSTER_DB_PASSWORD:=postgres}"
: "${CLUSTER_WORK:=target/cluster}"
CLUSTER_PIDS=()
SANDBOX_URL=http://localhost:$((CLUSTER_PORT + 50))
GRID_PORT=$((CLUSTER_PORT + 60))

# Creates the database when it is missing (psql on the server the URL names).
cluster_database() {
  local hostport=${CLUSTER_DB#jdbc:postgresql://}; hostport=${hostport%%/*}
  local name=${CLUSTER_DB##*/}
  local host=${hostport%%:*} port=${hostport##*:}
  if ! psql -h "$host" -p "$port" -U "$CLUSTER_DB_USER" -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$name'" postgres | grep -q 1; then
    psql -h "$host" -p "$port" -U "$CLUSTER_DB_USER" -q -c "CREATE DATABASE $name" postgres
  fi
}

# start_instance I MEMBERS: instance I (1-based) of a data grid of MEMBERS instances.
start_instance() {
  local i=$1 members=$2 tcpip="" j
  for j in $(seq 1 "$members"); do tcpip+="${tcpip:+,}127.0.0.1:$((GRID_PORT + j))"; done
  java -Xmx768m \
    -Dbilling.db.url="$CLUSTER_DB" -Dbilling.db.user="$CLUSTER_DB_USER" \
    -Dbilling.db.password="$CLUSTER_DB_PASSWORD" \
    -Dbilling.db.datasource-class=org.postgresql.ds.PGSimpleDataSource \
    -Dbilling.aws.endpoint-override="$SANDBOX_URL/aws-sandbox" \
    -Dbilling.aws.listing-url="$SANDBOX_URL/aws-sandbox/listing" \
    -Dbilling.aws.access-key-id=sandbox -Dbilling.aws.secret-access-key=sandbox \
    -Dbilling.security.trusted-proxies=127.0.0.1 -Dhazelcast.socket.bind.any=false \
    ${CLUSTER_JAVA_OPTS:-} \
    -jar "$RUNTIME/payara-micro.jar" --port "$((CLUSTER_PORT + i))" \
    --name "instance-$i" --clustername billing-center-local --clustermode "tcpip:$tcpip" \
    --interfaces 127.0.0.1 --startport "$((GRID_PORT + i))" --nohostaware \
    --systemProperties config/local-run.properties \
    --deploy "$RUNTIME/micro.war:/" >> "$CLUSTER_WORK/instance-$i.log" 2>&1 &
  CLUSTER_PIDS[$i]=$!
}

# await_instance I: until instance I answers /health.
await_instance() {
  for _ in $(seq 1 180); do
    curl -fs "http://localhost:$((CLUSTER_PORT + $1))/health" > /dev/null 2>&1 && return 0
    sleep 1
  done
  echo "instance $1 did not start; see $CLUSTER_WORK/instance-$1.log" >&2
  return 1
}

# start_nginx NAME LISTEN_PORT INSTANCE...: nginx from config/cluster/nginx.conf.template.
start_nginx() {
  local name=$1 port=$2 prefix upstreams="" i
  shift 2
  prefix=$(realpath -m "$CLUSTER_WORK/nginx-$name")
  mkdir -p "$prefix"
  for i in "$@"; do
    upstreams+="    server 127.0.0.1:$((CLUSTER_PORT + i)) max_fails=1 fail_timeout=10s;"$'\n'
  done
  UPSTREAMS="$upstreams" awk -v prefix="$prefix" -v listen="127.0.0.1:$port" '
    { gsub("@PREFIX@", prefix); gsub("@LISTEN@", listen) }
    /@UPSTREAMS@/ { printf "%s", ENVIRON["UPSTREAMS"]; next }
    { print }' config/cluster/nginx.conf.template > "$prefix/nginx.conf"
  local user=""
  [ "$(id -u)" = 0 ] && user=" user root;"
  /usr/sbin/nginx -p "$prefix" -c "$prefix/nginx.conf" -g "daemon off;$user" \
    > "$prefix/nginx.out" 2>&1 &
  CLUSTER_PIDS+=($!)
}

stop_cluster() {
  kill "${CLUSTER_PIDS[@]}" 2>/dev/null
  wait "${CLUSTER_PIDS[@]}" 2>/dev/null || true
}

# start_cluster N: the sandbox, N instances (the first alone, so that it creates the schema), nginx.
start_cluster() {
  local n=$1 i
  [ -f "$RUNTIME/micro.war" ] || ./mvnw -q -B -DskipTests package
  [ -x /usr/sbin/nginx ] || { echo "nginx is missing: apt-get install -y nginx-light" >&2; return 1; }
  mkdir -p "$CLUSTER_WORK"
  cluster_database
  trap stop_cluster EXIT
  local app=http://localhost:$CLUSTER_PORT
  java -Xmx256m -Dsandbox.fulfillment-url="$app/marketplace/aws/fulfillment" \
    -Dsandbox.events-url="$app/marketplace/aws/events" -Dsandbox.sns-url="$app/marketplace/aws/sns" \
    -jar "$RUNTIME/payara-micro.jar" --nocluster --port "$((CLUSTER_PORT + 50))" \
    --systemProperties config/local-run.properties \
    --deploy "$RUNTIME/aws-marketplace-sandbox.war:/aws-sandbox" > "$CLUSTER_WORK/sandbox.log" 2>&1 &
  CLUSTER_PIDS[0]=$!
  start_instance 1 "$n"
  await_instance 1
  for i in $(seq 2 "$n"); do start_instance "$i" "$n"; done
  for i in $(seq 2 "$n"); do await_instance "$i"; done
  start_nginx all "$CLUSTER_PORT" $(seq 1 "$n")
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  cd "$(dirname "$0")/.."
  start_cluster "${1:-3}"
  echo "Billing Center: http://localhost:$CLUSTER_PORT/ (nginx) over ${1:-3} instances on ports" \
    "$((CLUSTER_PORT + 1))-$((CLUSTER_PORT + ${1:-3})); AWS Marketplace sandbox:" \
    "$SANDBOX_URL/aws-sandbox/listing; logs in $CLUSTER_WORK. Ctrl-C stops all."
  wait
fi

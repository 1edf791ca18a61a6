# Sourced by the benchmarks that need AWS Marketplace: starts the sandbox on a Payara Micro of its
# own (AWS is another service, not a thread of ours) on PORT + 1 and the Micro WAR on PORT, with the
# database DB_URL and any further -D options given, logs under WORK, stops both on exit, and waits
# until both answer. Sets BASE and SANDBOX.
#
#   PORT=18481 WORK=bench/target/x DB_URL=jdbc:h2:... start_servers -Dkey=value ...
start_servers() {
  local runtime=system-tests/target/runtime
  [ -f "$runtime/micro.war" ] || ./mvnw -q -B -DskipTests package
  rm -rf "$WORK" && mkdir -p "$WORK"
  BASE=http://localhost:$PORT
  SANDBOX=http://localhost:$((PORT + 1))
  java -Xmx256m -Dsandbox.enabled=true -Dsandbox.fulfillment-url="$BASE/marketplace/aws/fulfillment" \
    -jar "$runtime/payara-micro.jar" --nocluster --port "$((PORT + 1))" \
    --deploy "$runtime/aws-marketplace-sandbox.war:/aws-sandbox" > "$WORK/sandbox.log" 2>&1 &
  SANDBOX_PID=$!
  java -Xmx768m -Dbilling.db.url="$DB_URL" \
    -Dbilling.aws.endpoint-override="$SANDBOX/aws-sandbox" -Dbilling.aws.access-key-id=sandbox \
    -Dbilling.aws.secret-access-key=sandbox \
    -Dbilling.aws.product-code=billing-center-product "$@" \
    -jar "$runtime/payara-micro.jar" --nocluster --port "$PORT" \
    --deploy "$runtime/micro.war:/" > "$WORK/server.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER $SANDBOX_PID 2>/dev/null || true; wait $SERVER $SANDBOX_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -fs "$BASE/health" > /dev/null 2>&1 &&
      curl -fs "$SANDBOX/aws-sandbox/health" > /dev/null 2>&1 && return 0
    sleep 1
  done
  echo "The servers did not start; see $WORK/*.log" >&2
  return 1
}

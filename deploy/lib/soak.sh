# deploy/bench soak [--minutes N] [--concurrency N] [--restart MODULE] [--seed N]: sourced by deploy/bench.
# Builds the services and the benchmark programs, starts Keycloak on a throw-away data directory, and runs
# SoakBenchmark, which starts the four services itself (on the ports of deploy/run, with the gateway's rate limits
# raised), drives mixed traffic through the gateway, restarts one service midway and reports errors by status,
# latency per minute and every process's RSS. Keycloak is stopped at the end.

# Build the services when a package is missing or older than its sources (as deploy/run does).
for module in document-service search-service stats-service gateway; do
  jar="$REPO_DIR/$module/target/quarkus-app/quarkus-run.jar"
  if jar_is_stale "$jar" "$module"; then
    log "building the services (mvn package -DskipTests)"
    mvn_batch -q package -DskipTests -pl document-service,search-service,stats-service,gateway -am >&2 \
      || die "build of the services failed"
    break
  fi
done
log "building the benchmark programs"
mvn_batch -q -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2 \
  || die "build of benchmarks/ failed"
classpath="$REPO_DIR/benchmarks/target/classes:$(cat "$REPO_DIR/benchmarks/target/classpath.txt")"

for port in 8180 9180 8080 8081 8082 8083; do
  port_in_use "$port" && die "port $port is in use (is deploy/run up?): the soak needs the ports of deploy/run"
done
data=$(mktemp -d "${TMPDIR:-/tmp}/speech-archive-soak.XXXXXX")
KC_PID=
cleanup() {
  [ -n "$KC_PID" ] && { kill "$KC_PID" 2>/dev/null; wait "$KC_PID" 2>/dev/null; }
  # the services' logs outlive the throw-away data: they explain the errors the report counts
  if [ -d "$data/logs" ]; then
    rm -rf "$REPO_DIR/benchmarks/target/soak-logs" && mkdir -p "$REPO_DIR/benchmarks/target"
    cp -r "$data/logs" "$REPO_DIR/benchmarks/target/soak-logs" && log "service logs kept in benchmarks/target/soak-logs"
  fi
  rm -rf "$data"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "starting Keycloak on 127.0.0.1:8180 (data and logs in $data)"
start_keycloak 8180 9180 "$data/keycloak"
wait_http http://127.0.0.1:9180/health/ready 600 "$KC_PID" || { tail -n 20 "$data/keycloak/keycloak.log" >&2; die "Keycloak did not start"; }
log "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx512m -cp "$classpath" org.cppcc.archive.bench.SoakBenchmark \
  --repo "$REPO_DIR" --data "$data" --keycloak-pid "$KC_PID" "$@"
log "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"

# deploy/bench start [--rounds 3]: how long each service takes to be ready and how much memory it holds idle.
# Sourced by deploy/bench after common.sh.
#
# Starts Keycloak once, then per round, on a throw-away data directory and free ports: document-service (which imports
# the seed on its first start), search-service, stats-service and the gateway, one after the other, each alone in
# starting, once the machine is quiet (the CPUs at least 90% idle over half a second, or after 60 s: what the ones
# started before it still do, Keycloak and their JIT compilers included, is not its start). For each it measures the
# time from spawning its JVM to the first 200 of /q/health/ready (polled every 20 ms; the gateway is ready once its
# upstreams answer), and Quarkus's own "started in". Once all are up and the consumers have applied the seed, the
# processes idle for 15 s and their resident memory (VmRSS) is read. Round 1 starts on a fresh data directory (the
# seed is imported and indexed); later rounds restart on the same data, as a restart does. The JVM options are
# deploy/run's ($SERVICE_JAVA_OPTS and, on JDK 25+, each service's AOT cache, trained first when missing: see
# train_aot_caches in common.sh); BENCH_JAVA_OPTS replaces them, to compare (e.g. without the cache:
# BENCH_JAVA_OPTS="-XX:+UseSerialGC -Xms32m -Xmx2g").

bench_start() {
  local rounds=3
  while [ $# -gt 0 ]; do
    case "$1" in
      --rounds) rounds=$2; shift 2 ;;
      *) die "deploy/bench start: unknown option $1" ;;
    esac
  done
  local modules=(document-service search-service stats-service gateway) module jar needs_build=false
  for module in "${modules[@]}"; do
    jar="$REPO_DIR/$module/target/quarkus-app/quarkus-run.jar"
    jar_is_stale "$jar" "$module" && needs_build=true
  done
  if $needs_build; then
    ensure_node
    log "building the services (mvn package -DskipTests)"
    mvn_batch -q package -DskipTests -pl document-service,search-service,stats-service,gateway -am >&2 || die "build failed"
  fi
  local apps=("${modules[@]/#/$REPO_DIR/}") java_opts
  apps=("${apps[@]/%//target/quarkus-app}")
  [ -n "${BENCH_JAVA_OPTS+set}" ] || train_aot_caches "${apps[@]}"
  java_opts=${BENCH_JAVA_OPTS-$(service_java_opts "${apps[0]}" | sed 's/ -XX:AOTCache=.*/ -XX:AOTCache=<its app.aot>/')}

  BENCH_DIR=$(mktemp -d "${TMPDIR:-/tmp}/speech-archive-bench-start.XXXXXX")
  BENCH_PIDS=()
  trap bench_start_stop EXIT
  trap 'exit 130' INT TERM
  local kc_port kc_mgmt
  kc_port=$(free_port 18180); kc_mgmt=$(free_port $((kc_port + 1000)))
  log "starting Keycloak on 127.0.0.1:$kc_port"
  start_keycloak "$kc_port" "$kc_mgmt" "$BENCH_DIR/keycloak"
  local kc_pid=$KC_PID
  wait_http "http://127.0.0.1:$kc_mgmt/health/ready" 600 "$KC_PID" \
    || { tail -n 20 "$BENCH_DIR/keycloak/keycloak.log" >&2; die "Keycloak did not start"; }
  export KEYCLOAK_URL=http://127.0.0.1:$kc_port
  local prefix port next=18080
  for module in "${modules[@]}"; do
    prefix=$(service_env_prefix "$module")
    port=$(free_port "$next")
    local management=$(free_port $((port + 1)))
    export "${prefix}_PORT=$port" "${prefix}_MANAGEMENT_PORT=$management"
    next=$((management + 1))
  done
  export DOCUMENT_URL=http://127.0.0.1:$DOCUMENT_PORT SEARCH_URL=http://127.0.0.1:$SEARCH_PORT
  export STATS_URL=http://127.0.0.1:$STATS_PORT
  export DOCUMENT_DATA_DIR=$BENCH_DIR/data/document SEARCH_DATA_DIR=$BENCH_DIR/data/search
  export STATS_DATA_DIR=$BENCH_DIR/data/stats
  log "JVM options: ${java_opts:-(none)}; load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

  local round report=()
  for ((round = 1; round <= rounds; round++)); do
    local pids=() started ready quarkus rss
    for module in "${modules[@]}"; do
      prefix=$(service_env_prefix "$module")
      local port_var=${prefix}_PORT
      port=${!port_var}
      wait_for_idle_cpu 60
      started=$(date +%s%N)
      # shellcheck disable=SC2086
      (cd "$BENCH_DIR" && exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS-$(service_java_opts "$REPO_DIR/$module/target/quarkus-app")} -jar "$REPO_DIR/$module/target/quarkus-app/quarkus-run.jar" \
        >"$BENCH_DIR/$module.$round.log" 2>&1) &
      pids+=("$!"); BENCH_PIDS+=("$!")
      until curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$port/q/health/ready"; do
        kill -0 "${pids[-1]}" 2>/dev/null || { tail -n 20 "$BENCH_DIR/$module.$round.log" >&2; die "$module exited"; }
        [ $(( ($(date +%s%N) - started) / 1000000000 )) -lt 300 ] || die "$module not ready in 300 s"
        sleep 0.02
      done
      ready=$(( ($(date +%s%N) - started) / 1000000 ))
      quarkus=$(sed -n 's/.* started in \([0-9.]*\)s\..*/\1/p' "$BENCH_DIR/$module.$round.log" | head -n1)
      report+=("$round $module $ready ${quarkus:-?}")
    done
    sleep 15 # the consumers apply the seed (the first round), then everything idles
    local i=0
    for module in "${modules[@]}"; do
      rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/${pids[i]}/status")
      report+=("$round $module rss $rss")
      i=$((i + 1))
    done
    kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null || true
  done

  echo "== start and memory: ${rounds} round(s), JVM options: ${java_opts:-(none)}"
  printf '%-16s %-28s %-28s %s\n' service "ready after JVM spawn (ms)" "Quarkus 'started in' (s)" "RSS idle (MB)"
  for module in "${modules[@]}"; do
    local readies=() quarkuses=() rsses=()
    for line in "${report[@]}"; do
      set -- $line
      [ "$2" = "$module" ] || continue
      if [ "$3" = rss ]; then rsses+=("$4"); else readies+=("$3"); quarkuses+=("$4"); fi
    done
    printf '%-16s %-28s %-28s %s\n' "$module" "${readies[*]}" "${quarkuses[*]}" "${rsses[*]}"
  done
  echo "(round 1 imports and indexes the seed on fresh data; later rounds restart on the same data)"
  kill "$kc_pid" 2>/dev/null
}

# wait_for_idle_cpu SECONDS: returns once the CPUs were at least 90% idle over half a second, or after SECONDS.
wait_for_idle_cpu() {
  local deadline=$((SECONDS + $1)) before after
  while [ $SECONDS -lt "$deadline" ]; do
    before=$(awk '/^cpu / {print $2 + $3 + $4 + $5 + $6 + $7 + $8, $5}' /proc/stat)
    sleep 0.5
    after=$(awk '/^cpu / {print $2 + $3 + $4 + $5 + $6 + $7 + $8, $5}' /proc/stat)
    # shellcheck disable=SC2086
    set -- $before $after
    [ $(( ($4 - $2) * 100 )) -ge $(( ($3 - $1) * 90 )) ] && return 0
  done
}

bench_start_stop() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$BENCH_DIR"
}

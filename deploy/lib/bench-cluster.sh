# deploy/bench cluster: what a second replica buys on this machine. Sourced by deploy/bench, after common.sh.
#
# Starts the topology of deploy/cluster on a throw-away data directory, with the gateways' per-client rate limits
# lifted (GATEWAY_RATE_LIMIT_*: the limiter still runs, in Redis, it just never refuses), and puts one more HAProxy in
# front of it with four frontends, so that one replica and two are measured through the same kind of hop:
#   search, 1 replica    HAProxy → search-1             GET /api/v1/search?q=… (the service checks the token itself)
#   search, 2 replicas   HAProxy → search-1, search-2   the same request; both on the same 3-node OpenSearch
#   gateway, 1 replica   HAProxy → gateway-1            GET /api/v1/speeches/{id} (the gateway checks the token, forwards
#   gateway, 2 replicas  HAProxy → gateway-1, gateway-2 to a document-service: both gateways share both of those)
# Once the machine has settled (load average below 2, or 3 minutes), Debian's wrk drives each at the given
# concurrency, first 30 s each to warm up, then for ROUNDS rounds (the four in turn in each round), and the figures
# are printed per round and as the median of the rounds. The time each kind of process takes to be replaced
# after SIGKILL is the cluster suite's to measure (deploy/test --cluster prints it).
#
#   deploy/bench cluster [--concurrency 16] [--duration 10] [--rounds 5] [--query 协商]

bench_cluster() {
  local concurrency=16 duration=10 rounds=5 query=协商
  while [ $# -gt 0 ]; do
    case $1 in
      --concurrency) concurrency=$2; shift 2 ;;
      --duration) duration=$2; shift 2 ;;
      --rounds) rounds=$2; shift 2 ;;
      --query) query=$2; shift 2 ;;
      *) die "usage: deploy/bench cluster [--concurrency N] [--duration SECONDS] [--rounds N] [--query TEXT]" ;;
    esac
  done
  ensure_debian_package /usr/bin/wrk wrk
  ensure_debian_package /usr/bin/jq jq

  BENCH_DIR=$(mktemp -d "${TMPDIR:-/tmp}/speech-archive-bench-cluster.XXXXXX")
  chmod 755 "$BENCH_DIR"
  BENCH_PIDS=()
  trap bench_cluster_stop EXIT
  trap 'exit 130' INT TERM

  log "starting deploy/cluster in $BENCH_DIR/cluster (gateways' rate limits lifted)"
  GATEWAY_RATE_LIMIT_ADMIN=100000000 GATEWAY_RATE_LIMIT_EDITOR=100000000 GATEWAY_RATE_LIMIT_READER=100000000 \
    GATEWAY_RATE_LIMIT_ANALYST=100000000 setsid bash "$DEPLOY_DIR/cluster" --data "$BENCH_DIR/cluster" \
    >"$BENCH_DIR/cluster.log" 2>&1 </dev/null &
  BENCH_PIDS+=("$!")
  local cluster_pid=$!
  until [ -f "$BENCH_DIR/cluster/cluster.env" ]; do
    kill -0 "$cluster_pid" 2>/dev/null || { tail -n 30 "$BENCH_DIR/cluster.log" >&2; die "deploy/cluster did not start"; }
    sleep 1
  done
  local ENTRY_URL KEYCLOAK_URL
  eval "$(grep -E '^(ENTRY_URL|KEYCLOAK_URL)=' "$BENCH_DIR/cluster/cluster.env")"
  port_of() { sed -E 's|^http://[^:]+:([0-9]+)/.*|\1|' "$BENCH_DIR/cluster/procs/$1.ready"; }

  local base one_search two_searches one_gateway two_gateways
  base=$(free_port 18700)
  one_search=$base two_searches=$((base + 1)) one_gateway=$((base + 2)) two_gateways=$((base + 3))
  {
    haproxy_config "$one_gateway" "$(port_of gateway-1)"
    haproxy_balance gateways-2 "$two_gateways" /q/health/live "$(port_of gateway-1)" "$(port_of gateway-2)"
    haproxy_balance search-1 "$one_search" /q/health/ready "$(port_of search-1)"
    haproxy_balance search-2 "$two_searches" /q/health/ready "$(port_of search-1)" "$(port_of search-2)"
  } | grep -v '^    log ' | sed '/option httplog/d' >"$BENCH_DIR/haproxy.cfg" # no access log on the measured path
  start_haproxy "$BENCH_DIR/haproxy.cfg" || die "HAProxy did not start"
  BENCH_PIDS+=("$HAPROXY_PID")

  # The token lives 5 minutes (the realm's access-token lifespan): a fresh one for each run.
  bench_token() {
    curl -fsS -u portal:portal-dev-secret -d grant_type=client_credentials \
      "$KEYCLOAK_URL/realms/speech-archive/protocol/openid-connect/token" | jq -r .access_token
  }
  local speech
  speech=$(curl -fsS -H "Authorization: Bearer $(bench_token)" "$ENTRY_URL/api/v1/speeches?size=1" | jq -r '.items[0].id')
  local search_path="/api/v1/search?q=$(jq -rn --arg q "$query" '$q|@uri')" speech_path="/api/v1/speeches/$speech"
  for port in "$one_search" "$two_searches" "$one_gateway" "$two_gateways"; do
    wait_http "http://127.0.0.1:$port/q/health/live" 60 || die "the benchmark's HAProxy does not reach port $port"
  done
  # Just started, the JVMs are still compiling and the feed consumers catching up: wait for the machine to settle.
  local settle=$((SECONDS + 180))
  while [ $SECONDS -lt $settle ] && awk '{ exit !($1 > 2) }' /proc/loadavg; do sleep 5; done
  log "all up; load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; wrk -c$concurrency -d${duration}s"
  local names=("search, 1 replica" "search, 2 replicas" "gateway, 1 replica" "gateway, 2 replicas")
  local urls=("http://127.0.0.1:$one_search$search_path" "http://127.0.0.1:$two_searches$search_path"
    "http://127.0.0.1:$one_gateway$speech_path" "http://127.0.0.1:$two_gateways$speech_path")
  local results="$BENCH_DIR/results.tsv" round i line
  : >"$results"
  # Warm-up, not counted: each path for 30 s at the same concurrency, so every replica's JIT has compiled the hot code
  # (with two replicas each gets half the requests, and would warm up half as fast)
  for i in 0 1 2 3; do
    BENCH_TOKEN=$(bench_token) wrk -t2 -c"$concurrency" -d30s -s "$DEPLOY_DIR/lib/bench-gateway.lua" "${urls[i]}" >/dev/null
  done
  for ((round = 1; round <= rounds; round++)); do
    for i in 0 1 2 3; do
      line=$(BENCH_TOKEN=$(bench_token) wrk -t2 -c"$concurrency" -d"${duration}s" -s "$DEPLOY_DIR/lib/bench-gateway.lua" \
        "${urls[i]}" | grep '^wrk-result')
      printf '%s\t%s\t%s\n' "$i" "$round" "$line" >>"$results"
      printf 'round %d  %-20s %s\n' "$round" "${names[i]}" "$(bench_cluster_median <<<"$line")"
    done
  done

  echo
  echo "cluster benchmark: concurrency $concurrency, ${duration} s per run, median of $rounds rounds (2 cores: the replicas share them)"
  for i in 0 1 2 3; do
    printf '  %-20s %s (all rounds)\n' "${names[i]}" "$(awk -F'\t' -v i="$i" '$1 == i { print $3 }' "$results" \
      | bench_cluster_median)"
  done
  log "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# bench_cluster_median: of the wrk-result lines on stdin (one line: its own figures), the median throughput, p50 and
# p99 (each on its own) and the errors of all.
bench_cluster_median() {
  awk '{
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    n++; rps[n] = v["requests"] / (v["duration_us"] / 1e6); p50[n] = v["p50_us"] / 1000; p99[n] = v["p99_us"] / 1000
    errors += v["connect_errors"] + v["read_errors"] + v["write_errors"] + v["status_errors"] + v["timeouts"] }
    function median(a,    k, j, t) {
      for (k = 1; k <= n; k++) for (j = k + 1; j <= n; j++) if (a[j] < a[k]) { t = a[k]; a[k] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    END { printf "%8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d", median(rps), median(p50),
      median(p99), errors }'
}

bench_cluster_stop() {
  local i
  for ((i = ${#BENCH_PIDS[@]} - 1; i >= 0; i--)); do kill -TERM -- "-${BENCH_PIDS[i]}" 2>/dev/null \
    || kill -TERM "${BENCH_PIDS[i]}" 2>/dev/null || true; done
  for ((i = ${#BENCH_PIDS[@]} - 1; i >= 0; i--)); do wait "${BENCH_PIDS[i]}" 2>/dev/null || true; done
  if [ -n "${BENCH_KEEP_LOGS:-}" ]; then
    log "logs kept in $BENCH_DIR"
  else
    rm -rf "$BENCH_DIR"
  fi
}

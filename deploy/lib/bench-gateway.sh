# deploy/bench gateway: what a request costs through the gateway, beside the same request sent to document-service
# directly and through nginx as a plain proxy (the floor of what any proxy hop costs). Sourced by deploy/bench,
# after common.sh and after the benchmark programs are built ($classpath).
#
# Starts only what the measured path needs, on free ports (so it runs beside deploy/run, deploy/test or another
# benchmark): Keycloak (tokens), document-service on a throw-away H2 file (its seed compilation is imported on
# start), the gateway with its per-client rate limits lifted by configuration (GATEWAY_RATE_LIMIT_*; the limiter
# still runs, it just never refuses), and Debian's nginx (installed when missing and we are root) proxying to
# document-service with upstream keep-alive. GatewayBenchmark then drives Debian's wrk against the three.
#
# Environment: BENCH_GATEWAY_JAVA_OPTS goes to the gateway's JVM, e.g.
#   BENCH_GATEWAY_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/gateway.jfr,settings=profile deploy/bench gateway
# BENCH_GATEWAY_APP=DIR runs the gateway packaged in DIR (a quarkus-app directory, e.g. a copy of an older build)
# instead of this checkout's, for a before/after comparison on the same machine.
# BENCH_KEEP_LOGS=1 keeps the throw-away directory (logs, nginx configuration) after the run.
# BENCH_KEYCLOAK_URL=http://127.0.0.1:8180 uses a Keycloak that is already up with the speech-archive realm (e.g.
# deploy/run's) instead of starting one.

bench_gateway() {
  ensure_debian_package /usr/bin/wrk wrk
  ensure_debian_package /usr/sbin/nginx nginx
  local nginx_bin=/usr/sbin/nginx

  local module jar needs_build=false
  for module in document-service gateway; do
    jar="$REPO_DIR/$module/target/quarkus-app/quarkus-run.jar"
    jar_is_stale "$jar" "$module" && needs_build=true
  done
  if $needs_build; then
    log "building document-service and the gateway (mvn package -DskipTests)"
    mvn_batch -q package -DskipTests -pl document-service,gateway -am >&2 || die "build failed"
  fi

  BENCH_DIR=$(mktemp -d "${TMPDIR:-/tmp}/speech-archive-bench-gateway.XXXXXX")
  chmod 755 "$BENCH_DIR"
  BENCH_PIDS=()
  trap bench_gateway_stop EXIT
  trap 'exit 130' INT TERM

  local kc_port kc_mgmt doc_port doc_mgmt gw_port gw_mgmt nginx_port nowhere
  if [ -n "${BENCH_KEYCLOAK_URL:-}" ]; then
    log "using the Keycloak at $BENCH_KEYCLOAK_URL (realm speech-archive)"
    export KEYCLOAK_URL=${BENCH_KEYCLOAK_URL%/}
  else
    kc_port=$(free_port 18180); kc_mgmt=$(free_port $((kc_port + 1000)))
    log "starting Keycloak on 127.0.0.1:$kc_port"
    start_keycloak "$kc_port" "$kc_mgmt" "$BENCH_DIR/keycloak"
    BENCH_PIDS+=("$KC_PID")
    wait_http "http://127.0.0.1:$kc_mgmt/health/ready" 600 "$KC_PID" \
      || { tail -n 20 "$BENCH_DIR/keycloak/keycloak.log" >&2; die "Keycloak did not start"; }
    export KEYCLOAK_URL=http://127.0.0.1:$kc_port
  fi

  doc_port=$(free_port 18081); doc_mgmt=$(free_port 19081)
  log "starting document-service on 127.0.0.1:$doc_port"
  (cd "$BENCH_DIR" && DOCUMENT_PORT=$doc_port DOCUMENT_MANAGEMENT_PORT=$doc_mgmt DOCUMENT_DATA_DIR=$BENCH_DIR/document \
    exec "$JAVA_HOME/bin/java" -jar "$REPO_DIR/document-service/target/quarkus-app/quarkus-run.jar" \
    >"$BENCH_DIR/document-service.log" 2>&1) &
  BENCH_PIDS+=("$!")
  local doc_pid=$!
  wait_http "http://127.0.0.1:$doc_port/q/health/ready" 300 "$!" \
    || { tail -n 20 "$BENCH_DIR/document-service.log" >&2; die "document-service did not start"; }

  # Search and stats are not on the measured path; the gateway's routes to them point at a port nothing listens on.
  gw_port=$(free_port $((doc_port + 1))); gw_mgmt=$(free_port $((doc_mgmt + 1))); nowhere=$(free_port 18999)
  log "starting the gateway on 127.0.0.1:$gw_port (rate limits lifted)"
  # shellcheck disable=SC2086
  (cd "$BENCH_DIR" && GATEWAY_PORT=$gw_port GATEWAY_MANAGEMENT_PORT=$gw_mgmt DOCUMENT_URL=http://127.0.0.1:$doc_port \
    SEARCH_URL=http://127.0.0.1:$nowhere STATS_URL=http://127.0.0.1:$nowhere \
    GATEWAY_RATE_LIMIT_ADMIN=100000000 GATEWAY_RATE_LIMIT_EDITOR=100000000 \
    GATEWAY_RATE_LIMIT_READER=100000000 GATEWAY_RATE_LIMIT_ANALYST=100000000 \
    exec "$JAVA_HOME/bin/java" ${BENCH_GATEWAY_JAVA_OPTS:-} -jar "${BENCH_GATEWAY_APP:-$REPO_DIR/gateway/target/quarkus-app}/quarkus-run.jar" \
    >"$BENCH_DIR/gateway.log" 2>&1) &
  BENCH_PIDS+=("$!")
  local gw_pid=$!
  # liveness: readiness includes the upstreams, two of which are deliberately absent
  wait_http "http://127.0.0.1:$gw_port/q/health/live" 300 "$!" \
    || { tail -n 20 "$BENCH_DIR/gateway.log" >&2; die "the gateway did not start"; }

  nginx_port=$(free_port 18090)
  mkdir -p "$BENCH_DIR/nginx/temp"
  chmod 777 "$BENCH_DIR/nginx/temp"
  cat >"$BENCH_DIR/nginx/nginx.conf" <<NGINX
# A plain reverse proxy in front of document-service: what a proxy hop costs at least.
worker_processes auto;
pid $BENCH_DIR/nginx/nginx.pid;
error_log $BENCH_DIR/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log $BENCH_DIR/nginx/access.log;
  client_body_temp_path $BENCH_DIR/nginx/temp/body;
  proxy_temp_path $BENCH_DIR/nginx/temp/proxy;
  fastcgi_temp_path $BENCH_DIR/nginx/temp/fastcgi;
  uwsgi_temp_path $BENCH_DIR/nginx/temp/uwsgi;
  scgi_temp_path $BENCH_DIR/nginx/temp/scgi;
  upstream document { server 127.0.0.1:$doc_port; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://document;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
NGINX
  log "starting nginx on 127.0.0.1:$nginx_port"
  "$nginx_bin" -p "$BENCH_DIR/nginx" -c "$BENCH_DIR/nginx/nginx.conf" -g 'daemon off;' \
    >"$BENCH_DIR/nginx/stdout.log" 2>&1 &
  BENCH_PIDS+=("$!")
  local nginx_pid=$! up=false
  for _ in $(seq 1 50); do port_in_use "$nginx_port" && { up=true; break; }; sleep 0.2; done
  $up || { cat "$BENCH_DIR/nginx/error.log" "$BENCH_DIR/nginx/stdout.log" >&2; die "nginx did not start"; }

  log "all up; load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
  "$JAVA_HOME/bin/java" -Xmx256m -cp "$classpath" org.cppcc.archive.bench.GatewayBenchmark \
    --keycloak "$KEYCLOAK_URL" --direct "http://127.0.0.1:$doc_port" --nginx "http://127.0.0.1:$nginx_port" \
    --gateway "http://127.0.0.1:$gw_port" \
    --wrk-script "$DEPLOY_DIR/lib/bench-gateway.lua" \
    --service-pid "$doc_pid" --nginx-pid "$nginx_pid" --gateway-pid "$gw_pid" "$@"
  log "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
}

bench_gateway_stop() {
  local i
  for ((i = ${#BENCH_PIDS[@]} - 1; i >= 0; i--)); do kill "${BENCH_PIDS[i]}" 2>/dev/null || true; done
  for ((i = ${#BENCH_PIDS[@]} - 1; i >= 0; i--)); do wait "${BENCH_PIDS[i]}" 2>/dev/null || true; done
  if [ -n "${BENCH_KEEP_LOGS:-}" ]; then
    log "logs kept in $BENCH_DIR"
  else
    rm -rf "$BENCH_DIR"
  fi
}

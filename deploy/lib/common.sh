# Shared shell functions for deploy/run and deploy/test. Source it; do not execute it.

DEPLOY_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO_DIR=$(cd "$DEPLOY_DIR/.." && pwd)
CACHE_DIR=${SPEECH_ARCHIVE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/speech-archive}
KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-26.5.6}
# The JVM options deploy/run starts each service with (deploy/bench start measures them). Without them a JVM on this
# machine commits 1/64 of the memory for its heap at once (~380 MB on 24 GiB). The serial collector: two cores are
# better spent on requests than on concurrent collector threads. 2 GB at most: stats-service holds its figures in
# memory and spent most of its time collecting at 20,000 speeches with 512 MB.
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS--XX:+UseSerialGC -Xms32m -Xmx2g}

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }

# Exports JAVA_HOME pointing at a JDK 21+: the caller's JAVA_HOME when it is new enough,
# else the newest JDK under /usr/lib/jvm.
find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    export JAVA_HOME; return
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*; do
    [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$dir; best_major=$major
    fi
  done
  [ -n "$best" ] || die "no JDK 21+ found: set JAVA_HOME or install one under /usr/lib/jvm"
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

mvn_batch() { (cd "$REPO_DIR" && mvn -B -ntp "$@"); }

# wait_http URL SECONDS [PID]: polls until URL answers 2xx; fails early when PID dies.
wait_http() {
  local url=$1 seconds=$2 pid=${3:-} deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      log "process $pid exited while waiting for $url"; return 1
    fi
    [ $SECONDS -lt $deadline ] || { log "timed out after ${seconds}s waiting for $url"; return 1; }
    sleep 1
  done
}

# Unpacks keycloak-quarkus-dist (fetched through Maven) into the cache once, and runs its
# build step once, so that every later start is an optimized one. Locked, because deploy/run
# and deploy/test may both get here at the same time.
keycloak_home() {
  local home="$CACHE_DIR/keycloak-$KEYCLOAK_VERSION"
  mkdir -p "$CACHE_DIR"
  (
    flock 9
    if [ ! -f "$home/.built" ]; then
      local tgz="$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
      if [ ! -f "$tgz" ]; then
        log "fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION through Maven"
        mvn_batch -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" >&2 \
          || die "could not fetch Keycloak"
      fi
      rm -rf "$home" "$home.tmp" && mkdir -p "$home.tmp"
      tar -xzf "$tgz" -C "$home.tmp" --strip-components=1 || die "could not unpack $tgz"
      log "building Keycloak (once)"
      "$home.tmp/bin/kc.sh" build --db=dev-file --health-enabled=true >"$CACHE_DIR/keycloak-build.log" 2>&1 \
        || die "Keycloak build failed, see $CACHE_DIR/keycloak-build.log"
      touch "$home.tmp/.built" && mv "$home.tmp" "$home"
    fi
  ) 9>"$CACHE_DIR/.keycloak.lock" || exit 1
  echo "$home"
}

# start_keycloak PORT MANAGEMENT_PORT DATA_DIR: starts Keycloak in the background, as a child of
# the calling shell, with the speech-archive realm (imported when DATA_DIR has none yet); sets KC_PID.
start_keycloak() {
  local port=$1 mgmt_port=$2 data=$3 home
  home=$(keycloak_home) || return 1
  mkdir -p "$data" "$home/data/import"
  cp "$DEPLOY_DIR/keycloak/speech-archive-realm.json" "$home/data/import/"
  KC_BOOTSTRAP_ADMIN_USERNAME=${KEYCLOAK_ADMIN:-admin} \
  KC_BOOTSTRAP_ADMIN_PASSWORD=${KEYCLOAK_ADMIN_PASSWORD:-keycloak-dev} \
  "$home/bin/kc.sh" start --optimized --import-realm \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$port" \
    --http-management-port="$mgmt_port" --hostname="http://127.0.0.1:$port" \
    --db-url="jdbc:h2:file:$data/keycloakdb;NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE" \
    >"$data/keycloak.log" 2>&1 &
  KC_PID=$!
}

# Directory of Debian's PostgreSQL server binaries, installing the package when it is missing
# and we are root.
postgres_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    [ "$(id -u)" = 0 ] || die "PostgreSQL server is not installed; install Debian's postgresql package"
    log "installing Debian's postgresql package"
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 \
      || die "could not install postgresql"
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  fi
  echo "$bin"
}

# start_postgres PORT DATA_DIR DATABASE USER: a private throw-away cluster on 127.0.0.1:PORT, owned by
# the postgres system user when we are root (initdb refuses to run as root). Prints nothing; the
# cluster is stopped with stop_postgres DATA_DIR.
start_postgres() {
  local port=$1 data=$2 db=$3 user=$4 bin as=()
  bin=$(postgres_bin) || return 1
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  mkdir -p "$data"
  [ "$(id -u)" = 0 ] && chown postgres "$data"
  if [ ! -f "$data/PG_VERSION" ]; then
    "${as[@]}" "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1 \
      || { cat "$data.initdb.log" >&2; return 1; }
  fi
  "${as[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >&2 || return 1
  "${as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qAt -c "select 1 from pg_roles where rolname='$user'" \
    | grep -q 1 || "${as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "create role $user login password '$user'"
  "${as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qAt -c "select 1 from pg_database where datname='$db'" \
    | grep -q 1 || "${as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "create database $db owner $user encoding 'UTF8'"
}

stop_postgres() {
  local data=$1 bin as=()
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  [ -f "$data/postmaster.pid" ] && "${as[@]}" "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1
  return 0
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port PREFERRED: PREFERRED when nothing listens there, else the next free one above it.
free_port() {
  local port=$1
  while port_in_use "$port"; do port=$((port + 1)); done
  echo "$port"
}

# ensure_debian_package FILE PACKAGE...: installs Debian's PACKAGEs when FILE is missing and we are root.
ensure_debian_package() {
  local file=$1; shift
  [ -e "$file" ] && return 0
  [ "$(id -u)" = 0 ] || die "$file is missing; install Debian's package(s) $*"
  log "installing Debian's package(s) $*"
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2 \
    || die "could not install $*"
}

# node and npm: the gateway's build installs the console's pinned npm libraries with npm ci, and the tests run
# npm tools.
ensure_node() {
  command -v node >/dev/null && command -v npm >/dev/null && return 0
  ensure_debian_package /usr/bin/npm nodejs npm
}

# The npm tools the tests use (Spectral for the OpenAPI lint, playwright-core for the browser test), pinned,
# installed once into $CACHE_DIR/node (not the repository); prints their node_modules directory. Locked,
# because two deploy/test runs may get here at the same time.
NODE_TOOLS="@stoplight/spectral-cli@6.16.3 playwright-core@1.65.1"
node_tools() {
  local dir="$CACHE_DIR/node"
  ensure_node
  mkdir -p "$dir"
  (
    flock 9
    if [ "$(cat "$dir/.installed" 2>/dev/null)" != "$NODE_TOOLS" ]; then
      log "installing $NODE_TOOLS into $dir"
      [ -f "$dir/package.json" ] || echo '{"private": true}' >"$dir/package.json"
      # shellcheck disable=SC2086
      (cd "$dir" && npm install --no-audit --no-fund --loglevel=error --save-exact $NODE_TOOLS >&2) \
        || die "npm install failed"
      echo "$NODE_TOOLS" >"$dir/.installed"
    fi
  ) 9>"$CACHE_DIR/.node.lock" || exit 1
  echo "$dir/node_modules"
}

# start_redis PORT DATA_DIR: a private Redis on 127.0.0.1:PORT in the background, as a child of the calling shell,
# until it answers PING; sets REDIS_PID. It persists nothing (no snapshots, no append-only file): it only holds token
# buckets, each a minute's worth of state, and a Redis that comes back empty merely hands every client one full bucket.
# Memory is capped; every bucket carries a TTL, and the ones evicted first (volatile-ttl) are those closest to full.
start_redis() {
  local port=$1 data=$2 deadline=$((SECONDS + 30))
  ensure_debian_package /usr/bin/redis-server redis-server # redis-cli comes with it (redis-tools)
  mkdir -p "$data"
  redis-server --bind 127.0.0.1 --port "$port" --dir "$data" --save '' --appendonly no \
    --maxmemory 64mb --maxmemory-policy volatile-ttl --logfile "$data/redis.log" &
  REDIS_PID=$!
  until [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ]; do
    kill -0 "$REDIS_PID" 2>/dev/null || { cat "$data/redis.log" >&2; log "redis-server exited"; return 1; }
    [ $SECONDS -lt $deadline ] || { log "redis-server did not answer on port $port"; return 1; }
    sleep 0.2
  done
}

# haproxy_config PORT GATEWAY_PORT...: prints the balancer's configuration, 127.0.0.1:PORT in front of the gateways on
# 127.0.0.1:GATEWAY_PORT... A gateway leaves the rotation when its liveness check (HEALTH_PATH, default
# /q/health/live, checked every 2 s, up to 5 s each) fails twice, and comes back on the first success. Not its
# readiness: that includes the upstreams, so one service without a ready replica would take every gateway out and
# the balancer would refuse the healthy routes too, while a gateway answers those itself with 503 + Retry-After.
# A request that could not be connected is tried on another gateway (option redispatch); one of the idempotent methods (RFC 9110 §9.2.2) is tried again, on another gateway,
# also when the gateway closed the connection without an answer (it died) or did not answer in time. The server
# timeout exceeds the gateway's own long-poll timeout, so a long poll is answered by the gateway, not cut off here.
haproxy_config() {
  local port=$1 health=${HEALTH_PATH:-/q/health/live} n=0 gateway
  shift
  cat <<CONFIG
global
    maxconn 4096

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s
    timeout http-keep-alive 60s
    timeout check 5s

frontend api
    bind 127.0.0.1:$port
    default_backend gateways

backend gateways
    balance roundrobin
    option httpchk
    http-check send meth GET uri $health
    http-check expect status 200
    default-server check inter 2s fall 2 rise 1
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response response-timeout
    acl idempotent method GET HEAD OPTIONS PUT DELETE
    http-request disable-l7-retry unless idempotent
CONFIG
  for gateway in "$@"; do
    n=$((n + 1))
    echo "    server gateway$n 127.0.0.1:$gateway"
  done
}

# start_haproxy CONFIG_FILE: checks the configuration, then runs haproxy in the foreground of a background job (a
# child of the calling shell, so that it stops with it); sets HAPROXY_PID.
start_haproxy() {
  local config=$1
  ensure_debian_package /usr/sbin/haproxy haproxy
  haproxy -c -q -f "$config" >&2 || { log "invalid haproxy configuration $config"; return 1; }
  haproxy -db -f "$config" >"$config.log" 2>&1 &
  HAPROXY_PID=$!
}

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
# else the newest JDK under /usr/lib/jvm; and JAVA_MAJOR, its feature version.
find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    JAVA_MAJOR=$(java_major "$JAVA_HOME")
    if [ "$JAVA_MAJOR" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME JAVA_MAJOR; return
    fi
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
  export JAVA_HOME=$best JAVA_MAJOR=$best_major
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

# keycloak_home [DB]: unpacks keycloak-quarkus-dist (fetched through Maven) into the cache once per kind of build, and
# runs its build step once, so that every later start is an optimized one. DB dev-file (default): one node on its own
# H2 file, as deploy/run and deploy/test run it; postgres: clustered nodes (embedded Infinispan, discovering each other
# through the database) as deploy/cluster runs them. Locked, because deploy/run and deploy/test may both get here at
# the same time.
keycloak_home() {
  local db=${1:-dev-file} home="$CACHE_DIR/keycloak-$KEYCLOAK_VERSION" build=(--db=dev-file)
  if [ "$db" = postgres ]; then
    home+=-postgres build=(--db=postgres --cache=ispn)
  fi
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
      log "building Keycloak for $db (once)"
      "$home.tmp/bin/kc.sh" build "${build[@]}" --health-enabled=true >"$home.build.log" 2>&1 \
        || die "Keycloak build failed, see $home.build.log"
      touch "$home.tmp/.built" && mv "$home.tmp" "$home"
    fi
  ) 9>"$CACHE_DIR/.keycloak.lock" || exit 1
  echo "$home"
}

# start_keycloak PORT MANAGEMENT_PORT DATA_DIR [OPTION...]: starts Keycloak in the background, as a child of the
# calling shell, with the speech-archive realm (imported when its database has none yet); sets KC_PID. Without
# OPTIONs: the dev-file build on an H2 file under DATA_DIR, its own URL as the issuer. With OPTIONs (--db-url=…,
# --hostname=…): the postgres build with those, as deploy/cluster starts each node.
start_keycloak() {
  local port=$1 mgmt_port=$2 data=$3 home options
  shift 3
  if [ $# = 0 ]; then
    home=$(keycloak_home) || return 1
    options=(--hostname="http://127.0.0.1:$port"
      --db-url="jdbc:h2:file:$data/keycloakdb;NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE")
  else
    home=$(keycloak_home postgres) || return 1
    options=("$@")
  fi
  mkdir -p "$data" "$home/data/import"
  cp "$DEPLOY_DIR/keycloak/speech-archive-realm.json" "$home/data/import/"
  KC_BOOTSTRAP_ADMIN_USERNAME=${KEYCLOAK_ADMIN:-admin} \
  KC_BOOTSTRAP_ADMIN_PASSWORD=${KEYCLOAK_ADMIN_PASSWORD:-keycloak-dev} \
  "$home/bin/kc.sh" start --optimized --import-realm \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$port" --http-management-port="$mgmt_port" \
    "${options[@]}" >>"$data/keycloak.log" 2>&1 &
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
  postgres_database "$port" "$db" "$user"
}

# postgres_database PORT DATABASE USER: creates the role USER (password USER) and its DATABASE in the cluster
# start_postgres started on PORT, when they are missing.
postgres_database() {
  local port=$1 db=$2 user=$3 bin as=()
  bin=$(postgres_bin) || return 1
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
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

# package_services JAR...: packages the services (mvn package -DskipTests, extra Maven arguments in PACKAGE_ARGS) when a
# JAR (relative to the repository, its module the first directory) is stale (jar_is_stale), then trains the AOT cache
# of each target/quarkus-app that lacks a current one (train_aot_caches).
package_services() {
  local jar module modules="document-service,search-service,stats-service,gateway" stale=false apps=()
  for jar in "$@"; do
    module=${jar%%/*}
    jar_is_stale "$REPO_DIR/$jar" "$module" && stale=true
    [ "$jar" = "$module/target/quarkus-app/quarkus-run.jar" ] && apps+=("$REPO_DIR/$module/target/quarkus-app")
  done
  if $stale; then
    ensure_node # the gateway's build installs the console's pinned npm libraries
    log "building the services (mvn package -DskipTests ${PACKAGE_ARGS:-})"
    # shellcheck disable=SC2086
    mvn_batch -q package -DskipTests ${PACKAGE_ARGS:-} -pl "$modules" -am >&2 || die "build failed"
  fi
  train_aot_caches "${apps[@]}"
}

# jar_is_stale JAR MODULE: whether JAR, built by MODULE, is missing or older than what it is built from: MODULE's
# sources and POM, the parent POM, and the sources and POMs of the project's modules that MODULE's POM names (the
# shared libraries: http-contract, change-feed-client, chinese-analysis, ...).
jar_is_stale() {
  local jar=$1 module=$2 dependency
  local paths=("$REPO_DIR/$module/src/main" "$REPO_DIR/$module/pom.xml" "$REPO_DIR/pom.xml")
  [ -f "$jar" ] || return 0
  for dependency in $(sed -n 's|.*<artifactId>\([a-z0-9-]*\)</artifactId>.*|\1|p' "$REPO_DIR/$module/pom.xml"); do
    if [ "$dependency" != "$module" ] && [ -f "$REPO_DIR/$dependency/pom.xml" ]; then
      paths+=("$REPO_DIR/$dependency/src/main" "$REPO_DIR/$dependency/pom.xml")
    fi
  done
  [ -n "$(find "${paths[@]}" -newer "$jar" -print -quit 2>/dev/null)" ]
}

# document-service → DOCUMENT, gateway → GATEWAY: the prefix of a service's environment variables.
service_env_prefix() { local name=${1%-service}; echo "${name^^}"; }

# train_aot_caches APP_DIR...: on JDK 25+, gives each packaged service (a quarkus-app directory) an AOT cache of the
# classes its start loads and links and the methods it compiles (JEP 514/515), app.aot, made by one training run: the
# service started alone on free ports and throw-away data (the seed imported, its routes and clients set up; Keycloak
# and the other services absent, which they tolerate), stopped once it serves. Skips a directory whose cache is newer
# than its jar. A cache from another build or JDK is refused by the JVM with a warning and the service starts without
# it, so a stale one costs only the gain.
train_aot_caches() {
  [ "${JAVA_MAJOR:-0}" -ge 25 ] || return 0
  local app module prefix port management work pid
  for app in "$@"; do
    [ -f "$app/app.aot" ] && [ "$app/app.aot" -nt "$app/quarkus-run.jar" ] && continue
    module=$(basename "$(dirname "$(dirname "$app")")")
    prefix=$(service_env_prefix "$module")
    port=$(free_port 18900); management=$(free_port $((port + 1)))
    work=$(mktemp -d "${TMPDIR:-/tmp}/speech-archive-aot.XXXXXX")
    log "training the AOT cache of $module (one start, about 10 s)"
    # shellcheck disable=SC2086
    (cd "$work" && exec env "${prefix}_PORT=$port" "${prefix}_MANAGEMENT_PORT=$management" \
      "${prefix}_DATA_DIR=$work/data" KEYCLOAK_URL=http://127.0.0.1:1 DOCUMENT_URL=http://127.0.0.1:1 \
      SEARCH_URL=http://127.0.0.1:1 STATS_URL=http://127.0.0.1:1 \
      "$JAVA_HOME/bin/java" $SERVICE_JAVA_OPTS -XX:AOTCacheOutput="$work/app.aot" -jar "$app/quarkus-run.jar" \
      >"$work/training.log" 2>&1) &
    pid=$!
    if wait_http "http://127.0.0.1:$port/q/health/live" 120 "$pid"; then
      kill -TERM "$pid"
      wait "$pid" 2>/dev/null || true # the cache is written as the JVM exits
      if [ -s "$work/app.aot" ]; then mv "$work/app.aot" "$app/app.aot"; else log "no AOT cache for $module"; fi
    else
      kill -KILL "$pid" 2>/dev/null || true
      log "the training run of $module did not start, see $work/training.log; it runs without an AOT cache"
      continue
    fi
    rm -rf "$work"
  done
}

# service_java_opts APP_DIR: the JVM options of the service packaged in APP_DIR: SERVICE_JAVA_OPTS, and its AOT cache
# when train_aot_caches made one for this build (on JDK 25+).
service_java_opts() {
  local app=$1
  printf '%s' "$SERVICE_JAVA_OPTS"
  if [ -f "$app/app.aot" ] && [ "$app/app.aot" -nt "$app/quarkus-run.jar" ] \
      && [ "${JAVA_MAJOR:-0}" -ge 25 ]; then
    printf ' -XX:AOTCache=%s' "$app/app.aot"
  fi
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
# 127.0.0.1:GATEWAY_PORT..., and the defaults every haproxy_balance section after it shares. A gateway leaves the
# rotation when its liveness check (HEALTH_PATH, default /q/health/live, checked every 2 s, up to 5 s each) fails
# twice, and comes back on the first success. Not its readiness: that includes the upstreams, so one service without a
# ready replica would take every gateway out and the balancer would refuse the healthy routes too, while a gateway
# answers those itself with 503 + Retry-After.
# A request that could not be connected is tried on another server (option redispatch); a read (GET, HEAD, OPTIONS:
# the safe methods, RFC 9110 §9.2.1) is tried again, on another server, also when the server closed the connection
# without an answer (it died) or did not answer in time. A write is not: it may have been applied before the server
# died, and sent again its If-Match names the version it just replaced (a 412 for a write that succeeded); it gets the
# 503 below, which says a write may or may not have been applied, as the gateway's own does. The server timeout
# exceeds the gateway's own long-poll timeout, so a long poll is answered by the gateway, not cut off here. What the
# balancer itself answers when no server could (502, 503, 504) goes out as 503 + Retry-After in problem+json, what
# clients are told to retry on; the servers' own answers (the services' carry an X-Request-Id) pass unchanged. Every
# request is logged (start_haproxy: next to the configuration), with the flags that say which side ended it.
haproxy_config() {
  local port=$1 status
  shift
  cat <<CONFIG
global
    maxconn 4096
    log stdout format raw local0

defaults
    mode http
    log global
    option httplog
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s
    # One request per client connection. HAProxy 2.6 answers nothing when a server dies under a request that is not
    # the first on its client connection: it closes the connection, for the client to send the request again as
    # after a race with an idle close (http_ana.c, abort_keep_alive); but a write may have been applied, and clients
    # rightly send only reads again (Java's HttpClient: GET), so a write would end with no answer. As the first
    # request it gets the 503 below. The answers say Connection: close, so clients open a new connection each time.
    option httpclose
    timeout check 5s
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response response-timeout
    default-server check inter 2s fall 2 rise 1
CONFIG
  for status in 502 503 504; do
    echo "    http-error status $status content-type application/problem+json string" \
      "'{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"No server could answer; try again. A write may or may not have been applied: read before sending it again.\"}'"
  done
  haproxy_balance gateways "$port" "${HEALTH_PATH:-/q/health/live}" "$@"
}

# haproxy_balance NAME PORT HEALTH_PATH SERVER...: prints one more frontend on 127.0.0.1:PORT and its backend of
# servers on 127.0.0.1, each SERVER a port, or PORT/CHECK_PORT when its health is served on another port (Keycloak's
# management interface). Appended to haproxy_config's output.
haproxy_balance() {
  local name=$1 port=$2 health=$3 n=0 server
  shift 3
  cat <<CONFIG

frontend $name
    bind 127.0.0.1:$port
    # An HTTP/2 upgrade (h2c, which Java's HttpClient asks for by default) would turn the connection into a tunnel to
    # one server: no balancing per request, no retry, and a dropped connection when that server dies. Refused here,
    # so the server answers in HTTP/1.1 and every request is the balancer's.
    http-request del-header Upgrade if { req.hdr(Upgrade) -i h2c }
    http-request del-header HTTP2-Settings
    http-after-response set-status 503 if { status 502 504 } !{ res.hdr(X-Request-Id) -m found }
    http-after-response set-header Retry-After 1 if { status 503 } !{ res.hdr(Retry-After) -m found }
    default_backend $name

backend $name
    balance roundrobin
    option httpchk
    http-check send meth GET uri $health
    http-check expect status 200
    http-request disable-l7-retry unless { method GET HEAD OPTIONS }
CONFIG
  for server in "$@"; do
    n=$((n + 1))
    if [ "${server#*/}" != "$server" ]; then
      echo "    server ${name}$n 127.0.0.1:${server%/*} port ${server#*/}"
    else
      echo "    server ${name}$n 127.0.0.1:$server"
    fi
  done
}

# start_haproxy CONFIG_FILE: checks the configuration, then runs haproxy in the foreground of a background job (a
# child of the calling shell, so that it stops with it); sets HAPROXY_PID. Returns once every frontend listens.
start_haproxy() {
  local config=$1 port deadline=$((SECONDS + 10))
  ensure_debian_package /usr/sbin/haproxy haproxy
  haproxy -c -q -f "$config" >&2 || { log "invalid haproxy configuration $config"; return 1; }
  haproxy -db -f "$config" >"$config.log" 2>&1 &
  HAPROXY_PID=$!
  for port in $(sed -n 's/^ *bind 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$config"); do
    until port_in_use "$port"; do
      kill -0 "$HAPROXY_PID" 2>/dev/null || { log "haproxy exited, see $config.log"; return 1; }
      [ $SECONDS -lt $deadline ] || { log "haproxy does not listen on $port, see $config.log"; return 1; }
      sleep 0.2
    done
  done
}

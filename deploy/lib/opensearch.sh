#!/usr/bin/env bash
# OpenSearch for search-service's second backend: fetched through Maven, with Lucene's common analysis (cjk…) and
# the archive's own analysis plugin (opensearch-analysis-plugin) installed, started as N nodes on free ports.
#
# Sourced (after common.sh): start_opensearch DIR [NODES] sets OPENSEARCH_URL; stop_opensearch DIR.
# Run: deploy/lib/opensearch.sh start DIR [NODES] prints the URL once the cluster is yellow or green;
#      deploy/lib/opensearch.sh restart DIR NODE starts node NODE (0, 1…) again; deploy/lib/opensearch.sh stop DIR. (search-service's tests start their node this way.)
#
# OpenSearch 2.19 needs Java 17 (with 25 it fails on the security manager) and refuses to run as root: as root
# the nodes run as uid/gid 65534, owning their data, log and config directories.

OPENSEARCH_VERSION=${OPENSEARCH_VERSION:-2.19.6}
OPENSEARCH_JAVA_HOME=${OPENSEARCH_JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
OPENSEARCH_HEAP=${OPENSEARCH_HEAP:-512m}
OPENSEARCH_UID=65534
# How long a node may take to join (a loaded machine has needed more than 3 minutes for three nodes).
OPENSEARCH_START_SECONDS=${OPENSEARCH_START_SECONDS:-180}

# The distribution (the integration-test zip: the server and transport-netty4 only) unpacked into the cache once,
# with the analysis-common module added. Locked: several builds may get here at once.
opensearch_home() {
  local home="$CACHE_DIR/opensearch-$OPENSEARCH_VERSION" m2="$HOME/.m2/repository/org/opensearch"
  mkdir -p "$CACHE_DIR"
  (
    flock 9
    if [ ! -f "$home/.ready" ]; then
      local zip="$m2/distribution/integ-test-zip/opensearch/$OPENSEARCH_VERSION/opensearch-$OPENSEARCH_VERSION.zip"
      local common="$m2/plugin/analysis-common/$OPENSEARCH_VERSION/analysis-common-$OPENSEARCH_VERSION.jar"
      if [ ! -f "$zip" ] || [ ! -f "$common" ]; then
        log "fetching OpenSearch $OPENSEARCH_VERSION and its analysis-common module through Maven"
        mvn_batch -q dependency:get -Dtransitive=false \
          -Dartifact="org.opensearch.distribution.integ-test-zip:opensearch:$OPENSEARCH_VERSION:zip" >&2 \
          && mvn_batch -q dependency:get -Dtransitive=false \
            -Dartifact="org.opensearch.plugin:analysis-common:$OPENSEARCH_VERSION" >&2 \
          || die "could not fetch OpenSearch"
      fi
      ensure_debian_package /usr/bin/unzip unzip
      rm -rf "$home" "$home.tmp" && mkdir -p "$home.tmp"
      (cd "$home.tmp" && unzip -q "$zip") || die "could not unpack $zip"
      local top
      top=$(ls "$home.tmp")
      mv "$home.tmp/$top"/* "$home.tmp/" && rmdir "$home.tmp/$top"
      mkdir -p "$home.tmp/modules/analysis-common"
      cp "$common" "$home.tmp/modules/analysis-common/"
      cat >"$home.tmp/modules/analysis-common/plugin-descriptor.properties" <<EOF
description=Adds analysis components (cjk, word delimiters, stemmers...) to OpenSearch
version=$OPENSEARCH_VERSION
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisPlugin
java.version=11
opensearch.version=$OPENSEARCH_VERSION
extended.plugins=
has.native.controller=false
EOF
      chmod -R a+rX "$home.tmp"
      touch "$home.tmp/.ready" && mv "$home.tmp" "$home"
    fi
  ) 9>"$CACHE_DIR/.opensearch.lock" || exit 1
  echo "$home"
}

# The archive's analysis plugin, as the build packaged it (OPENSEARCH_PLUGIN_ZIP; built here when it is missing).
opensearch_plugin_zip() {
  local zip=${OPENSEARCH_PLUGIN_ZIP:-}
  [ -n "$zip" ] && [ -f "$zip" ] && { echo "$zip"; return; }
  zip=$(ls "$REPO_DIR"/opensearch-analysis-plugin/target/cppcc-analysis-*.zip 2>/dev/null | head -n1)
  if [ -z "$zip" ]; then
    log "building the archive's OpenSearch analysis plugin"
    mvn_batch -q -pl opensearch-analysis-plugin -am package -DskipTests >&2 || die "could not build the plugin"
    zip=$(ls "$REPO_DIR"/opensearch-analysis-plugin/target/cppcc-analysis-*.zip | head -n1)
  fi
  echo "$zip"
}

# Runs a command as the nodes' user: uid 65534 when we are root (OpenSearch refuses root), else ourselves.
as_opensearch() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=$OPENSEARCH_UID --regid=$OPENSEARCH_UID --clear-groups "$@"
  else
    "$@"
  fi
}

# start_opensearch DIR [NODES]: a cluster of NODES (default 1) under DIR (its own copy of the distribution with the
# plugin installed, and one directory per node), each node on a free HTTP and transport port, bound to 127.0.0.1,
# with a heap of OPENSEARCH_HEAP; waits until the cluster is yellow or green and sets OPENSEARCH_URL (every node's
# HTTP address, comma-separated). Each node's pid is in DIR/node-N/opensearch.pid.
start_opensearch() {
  local dir=$1 nodes=${2:-1} base plugin home i
  [ "$OPENSEARCH_JAVA_HOME" != /usr/lib/jvm/java-17-openjdk-amd64 ] || ensure_debian_package "$OPENSEARCH_JAVA_HOME/bin/java" openjdk-17-jre-headless
  [ -x "$OPENSEARCH_JAVA_HOME/bin/java" ] || die "OpenSearch needs a Java 17 at $OPENSEARCH_JAVA_HOME"
  base=$(opensearch_home) || return 1
  plugin=$(opensearch_plugin_zip) || return 1
  mkdir -p "$dir" && chmod 755 "$dir"
  home="$dir/home"
  if [ ! -d "$home/plugins/cppcc-analysis" ]; then
    rm -rf "$home"
    cp -al "$base" "$home" 2>/dev/null || cp -a "$base" "$home"
    OPENSEARCH_JAVA_HOME=$OPENSEARCH_JAVA_HOME "$home/bin/opensearch-plugin" install --batch "file://$plugin" \
      >"$dir/plugin-install.log" 2>&1 || { cat "$dir/plugin-install.log" >&2; return 1; }
    chmod -R a+rX "$home"
  fi

  local http=() transport=() port=9250
  for ((i = 0; i < nodes; i++)); do
    port=$(free_port "$port"); http+=("$port"); port=$((port + 1))
    port=$(free_port "$port"); transport+=("$port"); port=$((port + 1))
  done
  local seeds="" managers=""
  for ((i = 0; i < nodes; i++)); do
    seeds+="${seeds:+, }\"127.0.0.1:${transport[$i]}\""
    managers+="${managers:+, }\"node-$i\""
  done

  OPENSEARCH_URL=""
  for ((i = 0; i < nodes; i++)); do
    local node="$dir/node-$i"
    mkdir -p "$node/data" "$node/logs"
    rm -rf "$node/config" && cp -r "$home/config" "$node/config"
    {
      echo "cluster.name: speech-archive"
      echo "node.name: node-$i"
      echo "path.data: $node/data"
      echo "path.logs: $node/logs"
      echo "network.host: 127.0.0.1"
      echo "http.port: ${http[$i]}"
      echo "transport.port: ${transport[$i]}"
      # A shared machine's disk may be fuller than the default watermarks allow; shards must still be allocated.
      echo "cluster.routing.allocation.disk.threshold_enabled: false"
      if [ "$nodes" = 1 ]; then
        echo "discovery.type: single-node"
      else
        echo "discovery.seed_hosts: [$seeds]"
        echo "cluster.initial_cluster_manager_nodes: [$managers]"
      fi
    } >"$node/config/opensearch.yml"
    # Relative paths in jvm.options are the working directory's: make them the node's own.
    sed -i -e "s|^-Xms.*|-Xms$OPENSEARCH_HEAP|" -e "s|^-Xmx.*|-Xmx$OPENSEARCH_HEAP|" \
      -e "s|logs/gc.log|$node/logs/gc.log|" -e "s|HeapDumpPath=data|HeapDumpPath=$node/data|" \
      -e "s|ErrorFile=logs/|ErrorFile=$node/logs/|" "$node/config/jvm.options"
    if [ "$(id -u)" = 0 ]; then chown -R $OPENSEARCH_UID:$OPENSEARCH_UID "$node"; fi
    launch_opensearch_node "$dir" "$i" || { tail -n 40 "$node/logs/"*.log >&2; return 1; }
    OPENSEARCH_URL+="${OPENSEARCH_URL:+,}http://127.0.0.1:${http[$i]}"
  done
  export OPENSEARCH_URL
  local deadline=$((SECONDS + OPENSEARCH_START_SECONDS))
  until curl -fsS --max-time 5 "http://127.0.0.1:${http[0]}/_cluster/health?wait_for_status=yellow&wait_for_nodes=$nodes&timeout=4s" \
      -o /dev/null 2>/dev/null; do
    for ((i = 0; i < nodes; i++)); do
      local pidfile="$dir/node-$i/opensearch.pid"
      if { [ -f "$pidfile" ] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null; } \
          || grep -qE '^ERROR:|uncaught exception' "$dir/node-$i/logs/stdout.log"; then
        log "OpenSearch node-$i exited"; tail -n 40 "$dir/node-$i/logs/"*.log >&2; return 1
      fi
    done
    [ $SECONDS -lt $deadline ] || { log "OpenSearch did not become yellow in $OPENSEARCH_START_SECONDS s"; tail -n 40 "$dir"/node-*/logs/*.log >&2; return 1; }
    sleep 1
  done
  # A node deletes its own pid file when it stops, even when its JVM then lingers: stop_opensearch reads this copy.
  for ((i = 0; i < nodes; i++)); do cp "$dir/node-$i/opensearch.pid" "$dir/node-$i/node.pid"; done
}

# launch_opensearch_node DIR I: starts node I of the cluster start_opensearch set up under DIR. -d: the launcher returns
# at once; the node writes its pid file once it has bootstrapped.
launch_opensearch_node() {
  local dir=$1 node="$1/node-$2"
  (cd "$node" && OPENSEARCH_JAVA_HOME=$OPENSEARCH_JAVA_HOME OPENSEARCH_PATH_CONF="$node/config" \
    as_opensearch "$dir/home/bin/opensearch" -d -p "$node/opensearch.pid" >"$node/logs/stdout.log" 2>&1)
}

# restart_opensearch_node DIR I: starts node I again (after a crash, say) and waits until the cluster has all its
# nodes again, as start_opensearch waits for them.
restart_opensearch_node() {
  local dir=$1 node="$1/node-$2" nodes http deadline=$((SECONDS + OPENSEARCH_START_SECONDS))
  nodes=$(ls -d "$dir"/node-* | wc -l)
  http=$(sed -n 's/^http.port: //p' "$node/config/opensearch.yml")
  rm -f "$node/opensearch.pid"
  launch_opensearch_node "$dir" "$2" || return 1
  until curl -fsS --max-time 5 "http://127.0.0.1:$http/_cluster/health?wait_for_nodes=$nodes&timeout=4s" \
      -o /dev/null 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { log "OpenSearch node-$2 did not rejoin in $OPENSEARCH_START_SECONDS s"; return 1; }
    sleep 1
  done
  cp "$node/opensearch.pid" "$node/node.pid"
}

# stop_opensearch DIR: stops the nodes start_opensearch started under DIR (by their pids) and waits for them: a node
# is given 10 s to stop (a JVM has been seen to linger after its node closed), then killed.
stop_opensearch() {
  local dir=$1 node pidfile pid
  for node in "$dir"/node-*; do
    # node.pid once the cluster formed; before, only the node's own pid file says where it runs
    pidfile=$node/node.pid
    [ -f "$pidfile" ] || pidfile=$node/opensearch.pid
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$node/node.pid"
  done
  return 0
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  source "$(dirname "$0")/common.sh"
  case "${1:-}" in
    start) start_opensearch "$2" "${3:-1}" && echo "$OPENSEARCH_URL" ;;
    restart) restart_opensearch_node "$2" "$3" ;;
    stop) stop_opensearch "$2" ;;
    *) echo "usage: $0 start DIR [NODES] | restart DIR NODE | stop DIR" >&2; exit 2 ;;
  esac
fi

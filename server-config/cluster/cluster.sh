#!/usr/bin/env bash
# Runs a BidIQ cluster on this machine: N Open Liberty nodes (ports BASE_PORT+1 .. BASE_PORT+N) and, when nginx is
# installed, a load balancer on LB_PORT.
#
#   server-config/cluster/cluster.sh start [N]    start N nodes (default 2) and nginx; returns once all answer
#   server-config/cluster/cluster.sh stop         stop every node and nginx
#   server-config/cluster/cluster.sh status       list the nodes and whether they answer
#   server-config/cluster/cluster.sh kill-node K  kill node K's JVM at once (kill -9), to test failover
#
# Each node gets REDIS_URL, PNCP_BASE_URL, S3_*, REPORT_URL_TTL, REPORTS_DIR, DATABASE_*, INDEX_* and ADMIN_TOKEN from
# this script's environment. With DATABASE_URL the nodes share that PostgreSQL (the index); without it each node keeps
# its own embedded index under DATA_DIR/nodeK.
# Without object storage, give the nodes a shared REPORTS_DIR (it defaults to one under target/cluster here).
# WAR (default target/bidiq.war) and WLP_DIR (default target/liberty/wlp) are built if missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BASE_PORT="${BASE_PORT:-9080}"
LB_PORT="${LB_PORT:-8080}"
WLP="${WLP_DIR:-$ROOT/target/liberty/wlp}"
WAR="${WAR:-$ROOT/target/bidiq.war}"
STATE="${CLUSTER_DIR:-$ROOT/target/cluster}"
START_TIMEOUT="${START_TIMEOUT:-180}"

log() { echo "[cluster] $*"; }

nodes() {
  ls -d "$WLP"/usr/servers/bidiq-node* 2>/dev/null | xargs -r -n1 basename | sort -V
}

build_if_missing() {
  if [[ ! -f "$WAR" || ! -x "$WLP/bin/server" ]]; then
    log "building the WAR and the Liberty runtime (mvn package liberty:create)"
    (cd "$ROOT" && mvn -q -B -ntp package liberty:create liberty:install-feature -DskipTests)
  fi
}

env_line() {
  local name="$1"
  if [[ -n "${!name:-}" ]]; then printf '%s=%s\n' "$name" "${!name}"; fi
}

start_node() {
  local k="$1" name="bidiq-node$1" port=$((BASE_PORT + $1))
  local dir="$WLP/usr/servers/$name"
  mkdir -p "$dir/apps"
  cp "$ROOT/server-config/liberty/server.xml" "$dir/server.xml"
  cp "$WAR" "$dir/apps/bidiq.war"
  {
    echo "HTTP_PORT=$port"
    echo "BIDIQ_NODE=node$k"
    echo "REPORTS_DIR=${REPORTS_DIR:-$STATE/reports}"
    echo "DATA_DIR=${DATA_DIR:-$STATE/data}/node$k"
    # Nodes listen on loopback only, behind the local balancer, whose X-Forwarded-For they trust for per-client limits.
    echo "HTTP_HOST=${HTTP_HOST:-127.0.0.1}"
    echo "HTTP_TRUSTED_PROXIES=${HTTP_TRUSTED_PROXIES:-127.0.0.1}"
    for v in REDIS_URL PNCP_BASE_URL S3_ENDPOINT S3_REGION S3_BUCKET S3_ACCESS_KEY S3_SECRET_KEY S3_PATH_STYLE \
             REPORT_URL_TTL SEARCH_RESULT_TTL_MINUTES PNCP_BACKOFF_INITIAL_MS PNCP_BACKOFF_MAX_MS \
             PNCP_REQUEST_TIMEOUT_SECONDS SSE_HEARTBEAT_SECONDS DATABASE_URL DATABASE_USER DATABASE_PASSWORD \
             INDEX_ENABLED INDEX_INTERVAL_MINUTES INDEX_HISTORY_DAYS INDEX_UFS INDEX_MODALIDADES INDEX_WINDOW_DAYS \
             INDEX_OVERLAP_DAYS INDEX_CONCURRENCY INDEX_LEASE_SECONDS INDEX_MAX_AGE_MINUTES ADMIN_TOKEN \
             SEARCH_MAX_RUNNING SEARCH_MAX_QUEUED SEARCH_MAX_PER_CLIENT SEARCH_MAX_PER_MINUTE SEARCH_MAX_PER_DAY \
             PNCP_MAX_REQUESTS_PER_SEARCH SSE_MAX_STREAMS SSE_MAX_STREAMS_PER_CLIENT \
             CLUSTER_LEASE CLUSTER_MAINTENANCE_PERIOD REDIS_PROBE_PERIOD PROGRESS_MAX_LAG_EVENTS; do
      env_line "$v"
    done
  } > "$dir/server.env"
  chmod 600 "$dir/server.env"
  "$WLP/bin/server" start "$name" > "$STATE/$name.start.log" 2>&1 || {
    log "node $k failed to start; see $STATE/$name.start.log"; return 1; }
  log "node $k starting on port $port"
}

wait_for() {
  local url="$1" deadline=$((SECONDS + START_TIMEOUT))
  until curl -sf -o /dev/null "$url"; do
    if (( SECONDS > deadline )); then log "timed out waiting for $url"; return 1; fi
    sleep 1
  done
}

start_nginx() {
  local n="$1" upstreams=""
  for k in $(seq 1 "$n"); do
    upstreams+="        server 127.0.0.1:$((BASE_PORT + k)) max_fails=1 fail_timeout=5s;"$'\n'
  done
  mkdir -p "$STATE/tmp"
  local template="$ROOT/server-config/nginx/bidiq.conf.template"
  UPSTREAMS="$upstreams" STATE_DIR="$STATE" LB="$LB_PORT" python3 - "$template" "$STATE/nginx.conf" <<'PY'
import os, sys
text = open(sys.argv[1]).read()
text = text.replace("__UPSTREAMS__", os.environ["UPSTREAMS"].rstrip("\n"))
text = text.replace("__STATE__", os.environ["STATE_DIR"]).replace("__LB_PORT__", os.environ["LB"])
open(sys.argv[2], "w").write(text)
PY
  nginx -c "$STATE/nginx.conf" -p "$STATE" 2> "$STATE/nginx-start.log" || {
    log "nginx failed to start:"; cat "$STATE/nginx-start.log" >&2; return 1; }
  wait_for "http://127.0.0.1:$LB_PORT/health/ready"
  log "nginx balancing on port $LB_PORT"
}

start() {
  local n="${1:-2}"
  build_if_missing
  mkdir -p "$STATE" "${REPORTS_DIR:-$STATE/reports}"
  stop_all quiet
  for k in $(seq 1 "$n"); do start_node "$k"; done
  for k in $(seq 1 "$n"); do
    wait_for "http://127.0.0.1:$((BASE_PORT + k))/health/ready"
    log "node $k ready: http://127.0.0.1:$((BASE_PORT + k))"
  done
  if command -v nginx >/dev/null 2>&1; then
    start_nginx "$n"
  else
    log "nginx not installed: no load balancer (apt-get install nginx-light to add one)"
  fi
}

stop_all() {
  if [[ -f "$STATE/nginx.pid" ]]; then
    kill "$(cat "$STATE/nginx.pid")" 2>/dev/null || true
    rm -f "$STATE/nginx.pid"
  fi
  for name in $(nodes); do
    "$WLP/bin/server" stop "$name" > /dev/null 2>&1 || true
    rm -rf "${WLP:?}/usr/servers/$name"
    [[ "${1:-}" == quiet ]] || log "stopped $name"
  done
}

status() {
  for name in $(nodes); do
    local port
    port=$(sed -n 's/^HTTP_PORT=//p' "$WLP/usr/servers/$name/server.env")
    if curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; then
      echo "$name port $port up"
    else
      echo "$name port $port down"
    fi
  done
}

kill_node() {
  local pidfile="$WLP/usr/servers/.pid/bidiq-node$1.pid"
  if [[ ! -f "$pidfile" ]]; then log "node $1 is not running"; return 1; fi
  kill -9 "$(cat "$pidfile")"
  rm -f "$pidfile"
  log "killed node $1"
}

case "${1:-}" in
  start) start "${2:-2}" ;;
  stop) stop_all ;;
  status) status ;;
  kill-node) kill_node "${2:?node number}" ;;
  *) echo "usage: $0 start [N] | stop | status | kill-node K" >&2; exit 2 ;;
esac

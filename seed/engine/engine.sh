#!/usr/bin/env bash
# The sandbox's local DynamoDB engine: dynalite from this folder's node_modules, on 127.0.0.1, with its
# data in seed/engine/data so tables survive restarts.
#
#   seed/engine/engine.sh start    install (npm ci) if needed, start unless already running, wait until ready
#   seed/engine/engine.sh stop     stop the engine this script started
#   seed/engine/engine.sh status   say whether it runs and where
#
# ACADEMY_SANDBOX_PORT picks the port (default 8000); the sandbox CLI reads the same variable, so
# both agree without passing --endpoint.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${ACADEMY_SANDBOX_PORT:-8000}"
host=127.0.0.1
data="$here/data"
pidfile="$here/engine.pid"
logfile="$here/engine.log"
endpoint="http://$host:$port"

# dynalite answers any request on / with "healthy: ..."; a plain GET is enough to know it listens.
probe() {
  node -e '
    const req = require("http").get(process.argv[1], { timeout: 1000 }, (res) => {
      let body = ""; res.on("data", (c) => (body += c));
      res.on("end", () => process.exit(body.startsWith("healthy") ? 0 : 1));
    });
    req.on("error", () => process.exit(1));
    req.on("timeout", () => { req.destroy(); process.exit(1); });' "$endpoint/" >/dev/null 2>&1
}

running_pid() {
  [[ -f "$pidfile" ]] || return 1
  local pid
  pid="$(cat "$pidfile")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

install() {
  command -v node >/dev/null || { echo "engine: Node.js is not installed; install Node.js 18 or later" >&2; exit 1; }
  # npm ci only when the lock file changed since the last install, so restarts stay fast and offline.
  if [[ ! -f "$here/node_modules/.package-lock.json" || "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]]; then
    echo "engine: installing dynalite into seed/engine/node_modules (npm ci)"
    (cd "$here" && timeout 300 npm ci --no-audit --no-fund --loglevel=error)
  fi
}

start() {
  install
  if pid="$(running_pid)" && probe; then
    echo "engine: already running at $endpoint (pid $pid)"
    return 0
  fi
  if probe; then
    echo "engine: something already answers at $endpoint; reusing it (not started by this script)"
    return 0
  fi
  mkdir -p "$data"
  nohup node "$here/node_modules/dynalite/cli.js" --host "$host" --port "$port" --path "$data" --createTableMs 0 \
    >"$logfile" 2>&1 </dev/null &
  echo $! >"$pidfile"
  for _ in $(seq 1 100); do
    if probe; then
      echo "engine: started at $endpoint (pid $(cat "$pidfile"), data in seed/engine/data)"
      return 0
    fi
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "engine: dynalite exited at start; its log (seed/engine/engine.log) says:" >&2
      cat "$logfile" >&2
      rm -f "$pidfile"
      exit 1
    fi
    sleep 0.1
  done
  echo "engine: not ready at $endpoint after 10 s; see seed/engine/engine.log" >&2
  exit 1
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$pidfile"
    echo "engine: not running (no engine started by this script)"
    return 0
  fi
  kill "$pid"
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; echo "engine: stopped (pid $pid)"; return 0; }
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  echo "engine: killed (pid $pid did not stop within 5 s)"
}

status() {
  if pid="$(running_pid)" && probe; then
    echo "engine: running at $endpoint (pid $pid)"
  elif probe; then
    echo "engine: something answers at $endpoint (not started by this script)"
  else
    echo "engine: not running at $endpoint; start it with seed/engine/engine.sh start"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: seed/engine/engine.sh start|stop|status" >&2; exit 2 ;;
esac

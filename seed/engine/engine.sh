#!/usr/bin/env bash
# The sandbox's local DynamoDB engine: dynalite from this folder's node_modules, on 127.0.0.1, with its
# data in seed/engine/data so tables survive restarts.
#
#   seed/engine/engine.sh start    install (npm ci) if needed, start unless already running, wait until ready
#   seed/engine/engine.sh stop     stop the engine this script started
#   seed/engine/engine.sh status   say whether it runs and where, or what holds its port instead
#   seed/engine/engine.sh reset    stop it, delete seed/engine/data, start it again if it ran
#
# ACADEMY_SANDBOX_PORT picks the port (default 8000); the sandbox CLI reads the same variable, so
# both agree without passing --endpoint. Delete seed/engine/data only through `reset`: dynalite keeps
# its files open, so deleting them under a running engine loses what it writes and can crash it.
set -euo pipefail

# The physical path: a checkout reached through a symlink is still one checkout with one engine.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
port="${ACADEMY_SANDBOX_PORT:-8000}"
host=127.0.0.1
data="$here/data"
pidfile="$here/engine.pid"
lockdir="$here/engine.lock" # held while an engine of this checkout starts: one engine per checkout, as there is one data folder
logfile="$here/engine.log"

# Digits only, leading zeros allowed as the CLI allows them (018801 is 18801), then spelled plainly.
digits="${port#"${port%%[!0]*}"}"
if ! [[ "$port" =~ ^[0-9]+$ ]] || ((${#digits} > 5)) || ((10#${digits:-0} < 1 || 10#${digits:-0} > 65535)); then
  echo "engine: ACADEMY_SANDBOX_PORT='$port' is not a port number (1 to 65535)" >&2
  exit 2
fi
port="$digits"
endpoint="http://$host:$port"

# A command of this engine as the user pastes it: with the port variable when it is not the default,
# so the pasted command acts on this engine and on no other (the CLI's hints do the same).
here_cmd() {
  if ((10#$port != 8000)); then port_cmd "$port" "$@"; else checkout_cmd "$@"; fi
}

# The same for the engine on port $1, wherever this command looked: always with the variable.
port_cmd() {
  printf 'ACADEMY_SANDBOX_PORT=%s ' "$1"
  shift
  checkout_cmd "$@"
}

checkout_cmd() { # $1: a file of this checkout; the rest: its arguments
  checkout_file "$1"
  shift
  if (($#)); then printf ' %s' "$@"; fi
}

# A file of this checkout as the user can type it where they stand: relative in the checkout's root,
# else absolute (run from elsewhere, a relative hint would name another checkout's file, or none).
root="$(cd "$here/../.." && pwd -P)"
checkout_file() {
  if [[ "$(pwd -P)" == "$root" ]]; then printf '%s' "$1"; else printf '%q' "$root/$1"; fi
}

need_node() {
  command -v node >/dev/null || { echo "engine: Node.js is not installed; install Node.js 18 or later" >&2; exit 1; }
}

# What listens at the endpoint: free, dynalite, dynamodb (another DynamoDB-compatible engine), or
# "other <what it answered>".
probe() {
  node "$here/probe.js" "$host" "$port"
}

# This checkout's engine, found from the processes themselves: a node process whose first argument
# is exactly this checkout's dynalite and whose --path is exactly its data folder (a pid file can be
# stale, edited, deleted or name a process that reused the number). Prints "PID PORT". Linux reads
# each process's exact arguments from /proc; elsewhere only the pid file's process is looked at.
find_engine() {
  local cmdline pid
  if [[ -r /proc/self/cmdline ]]; then
    for cmdline in /proc/[0-9]*/cmdline; do
      pid="${cmdline#/proc/}"
      engine_of "${pid%/cmdline}" && return 0
    done
    return 1
  fi
  [[ -f "$pidfile" ]] && pid="$(cat "$pidfile")" && [[ "$pid" =~ ^[1-9][0-9]{0,9}$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  local args
  args="$(ps -o args= -p "$pid" 2>/dev/null)" || return 1
  [[ "$args" == *" $here/node_modules/dynalite/cli.js "* && "$args" == *" --path $data "* && "$args" =~ \ --port\ ([0-9]+)\  ]] || return 1
  echo "$pid ${BASH_REMATCH[1]}"
}

engine_of() { # $1: a pid; prints "PID PORT" when it is this checkout's engine
  local -a argv
  mapfile -d '' -t argv <"/proc/$1/cmdline" 2>/dev/null || return 1
  ((${#argv[@]} >= 2)) && [[ "${argv[0]##*/}" == node* && "${argv[1]}" == "$here/node_modules/dynalite/cli.js" ]] || return 1
  local i found_port="" found_path=""
  for ((i = 2; i + 1 < ${#argv[@]}; i++)); do
    case "${argv[i]}" in
      --port) found_port="${argv[i + 1]}" ;;
      --path) found_path="${argv[i + 1]}" ;;
    esac
  done
  [[ "$found_path" == "$data" && "$found_port" =~ ^[1-9][0-9]{0,4}$ ]] || return 1
  echo "$1 $found_port"
}

running_pid() {
  local found
  found="$(find_engine)" || return 1
  echo "${found%% *}"
}

# The port the engine started here listens on, read from its own command line, not from a file.
started_port() {
  local found
  found="$(find_engine)" || return 1
  echo "${found##* }"
}

# The engine started here runs, on another port than this command's: its pid and data are not this port's.
elsewhere() {
  local other
  other="$(started_port)" && [[ "$other" != "$port" ]] && echo "$other"
}

port_taken() { # $1: the probe's "other ..." answer; $2: what to say first
  echo "engine: ${2:-}port $port on $host is taken by something that is not a DynamoDB (${1#other }); stop that" \
    "program, or give the engine and the CLI another port, e.g. $(port_cmd $((10#$port % 65535 + 1)) scripts/sandbox.sh)" >&2
}

# The engine started here may have died (killed, crashed, or its data folder deleted under it).
note_dead_engine() {
  local pid
  if pid="$(running_pid)"; then
    echo "$pid" >"$pidfile" # found from its process: the pid file says so again, whatever it said
    return 0
  fi
  [[ -f "$pidfile" ]] || return 0
  echo "engine: the engine started here (pid $(head -n 1 "$pidfile" | cut -c 1-20)) is no longer running; the end of seed/engine/engine.log:" >&2
  tail -n 3 "$logfile" 2>/dev/null | sed 's/^/  /' >&2 || true
  rm -f "$pidfile"
}

warn_data_deleted() {
  [[ -d "$data" ]] && return 0
  echo "engine: seed/engine/data was deleted while the engine ran: what it holds now is lost when it stops," \
    "and it may crash; run $(here_cmd seed/engine/engine.sh reset) (stop, delete, start) instead" >&2
}

# A DynamoDB answers at the endpoint: the engine started here ($1 says how it runs), or another one
# ($2: what start adds about reusing it).
say_dynamodb() {
  local pid
  if [[ -z "$(elsewhere)" ]] && pid="$(running_pid)"; then
    echo "engine: $1 at $endpoint (pid $pid)"
    warn_data_deleted
  else
    echo "engine: a DynamoDB not started by this script ${2:+already }answers at $endpoint${2:-}"
  fi
}

install() {
  need_node
  # npm ci only when the lock file changed since the last install, so restarts stay fast and offline.
  if [[ ! -f "$here/node_modules/.package-lock.json" || "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]]; then
    echo "engine: installing dynalite into seed/engine/node_modules (npm ci)"
    # npm is quiet until it is done (20 s and more on a busy machine): say every 5 s that it still
    # runs, until it ends or this script does.
    (
      local waited=0
      while sleep 5 && kill -0 $$ 2>/dev/null; do
        waited=$((waited + 5))
        echo "engine: still installing dynalite ($waited s)"
      done
    ) 9>&- &
    local beat=$!
    local status=0
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || status=$?
    kill "$beat" 2>/dev/null || true
    return "$status"
  fi
}

# Two starts at once (two ports, two terminals) would each see no engine of this checkout and start
# one each on the same data folder: a start holds the checkout's lock from its check to its pid file.
# reset holds it too, so it never stops an engine a start is still bringing up.
# The holder's pid is kept inside, so a lock left by a start that was killed is taken over at once.
locked=0
take_lock() {
  ((locked)) && return 0
  if [[ -e "$lockdir" && ! -d "$lockdir" ]]; then
    echo "engine: seed/engine/engine.lock is a file, not this script's lock folder; remove it and try again" >&2
    exit 1
  fi
  local holder
  for _ in $(seq 1 300); do
    if mkdir "$lockdir" 2>/dev/null; then
      locked=1
      echo $$ >"$lockdir/pid"
      trap 'rm -rf "$lockdir"' EXIT
      return 0
    fi
    holder="$(head -n 1 "$lockdir/pid" 2>/dev/null || true)"
    if [[ "$holder" =~ ^[1-9][0-9]{0,9}$ ]] && ! kill -0 "$holder" 2>/dev/null; then
      rm -rf "$lockdir" # its holder is gone
      continue
    fi
    sleep 0.1
  done
  echo "engine: another start or reset of this checkout's engine has held seed/engine/engine.lock for 30 s; if none runs," \
    "remove that folder and try again" >&2
  exit 1
}

start() {
  install
  take_lock
  note_dead_engine
  local found
  found="$(probe)"
  case "$found" in
    dynalite | dynamodb)
      say_dynamodb "already running" "; reusing it (ACADEMY_SANDBOX_PORT picks another port)"
      return 0
      ;;
    other*)
      port_taken "$found"
      exit 1
      ;;
  esac
  local other
  if other="$(elsewhere)"; then
    echo "engine: the engine started here already runs on port $other (pid $(running_pid)) with seed/engine/data;" \
      "two engines on one data folder would corrupt it: use that port, or stop it first with" \
      "$(port_cmd "$other" seed/engine/engine.sh stop)" >&2
    exit 1
  fi
  mkdir -p "$data"
  # Its own process group: Ctrl+C in the terminal that started it (or in scripts/sandbox.sh) stops the
  # command running there, not the engine.
  set -m
  nohup node "$here/node_modules/dynalite/cli.js" --host "$host" --port "$port" --path "$data" --createTableMs 0 \
    >"$logfile" 2>&1 </dev/null &
  set +m
  echo $! >"$pidfile"
  for _ in $(seq 1 100); do
    if [[ "$(probe)" == dynalite ]]; then
      echo "engine: started at $endpoint (pid $(cat "$pidfile"), data in seed/engine/data)"
      return 0
    fi
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      rm -f "$pidfile"
      if grep -q EADDRINUSE "$logfile"; then
        # Taken between the check above and the start.
        found="$(probe)"
        port_taken "${found/#free/other it closed again}"
      else
        echo "engine: dynalite exited at start; its log (seed/engine/engine.log) says:" >&2
        cat "$logfile" >&2
      fi
      exit 1
    fi
    sleep 0.1
  done
  echo "engine: not ready at $endpoint after 10 s; see seed/engine/engine.log" >&2
  exit 1
}

stop() {
  local pid other
  if other="$(elsewhere)"; then
    echo "engine: the engine started here runs on port $other, not $port; nothing stopped (to stop it:" \
      "$(port_cmd "$other" seed/engine/engine.sh stop))" >&2
    return 1
  fi
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
  need_node
  note_dead_engine
  local found
  found="$(probe)"
  case "$found" in
    dynalite | dynamodb) say_dynamodb "running" ;;
    other*)
      port_taken "$found" "not running; "
      return 3
      ;;
    *)
      local other
      if other="$(elsewhere)"; then
        echo "engine: not running at $endpoint; the engine started here runs on port $other (ACADEMY_SANDBOX_PORT=$other)"
      else
        echo "engine: not running at $endpoint; start it with $(here_cmd scripts/sandbox.sh start)"
      fi
      return 3
      ;;
  esac
}

reset() {
  take_lock
  local was_running=0 other
  if other="$(elsewhere)"; then
    echo "engine: the engine started here runs on port $other with seed/engine/data; nothing stopped or deleted" \
      "(to reset it: $(port_cmd "$other" seed/engine/engine.sh reset))" >&2
    return 1
  fi
  if running_pid >/dev/null; then
    was_running=1
    stop
  fi
  rm -rf "$data"
  echo "engine: deleted seed/engine/data (every table of every learner)"
  if ((was_running)); then start; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  reset) reset ;;
  *) echo "usage: seed/engine/engine.sh start|stop|status|reset" >&2; exit 2 ;;
esac

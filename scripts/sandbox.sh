#!/usr/bin/env bash
# The local sandbox in one command, on a fresh machine with .NET 10 and Node.js. `scripts/sandbox.sh help`
# says what it does; every word and option is checked before anything starts.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
launcher="$root/bin/academy-sandbox"
engine="$root/seed/engine/engine.sh"

usage() {
  cat <<'EOF'
usage: scripts/sandbox.sh [up] [OPTIONS]  start the local engine, create the learner's tables and items (up), show them
       scripts/sandbox.sh start           start the local engine only (installs dynalite with npm ci the first time)
       scripts/sandbox.sh stop            stop the local engine (its data stays in seed/engine/data)
       scripts/sandbox.sh status          say whether the engine runs, and what holds its port if it does not
       scripts/sandbox.sh reset           stop the engine, delete seed/engine/data, start it again if it ran
       scripts/sandbox.sh cli ARGS...     run academy-sandbox ARGS (plan, up, show, verify, adopt, export, down, report; `cli --help`)
       scripts/sandbox.sh help            this text

OPTIONS of up (--stack, --user, --project, --endpoint and --aws also choose what show reads):
  --stack S  --user U  --project DIR  --endpoint URL  --aws  --prune  --concurrency N
  `--user zed` and `--user=zed` mean the same. With --endpoint or --aws the local engine is not started.

ACADEMY_SANDBOX_PORT picks the local engine's port (default 8000), for the engine and the CLI alike.
Ctrl+C stops any step; run the command again to finish (up writes only what is still missing).
EOF
}

refuse() {
  echo "sandbox: $1; see scripts/sandbox.sh help" >&2
  exit 2
}

# Each step runs as a job in a process group of its own, so Ctrl+C (SIGINT to this script's group)
# reaches only this script, which stops the whole step at once, npm, dotnet build and the CLI alike,
# and says so once. `$!` is the newest step even when Ctrl+C lands between its start and the wait.
cancel() {
  trap '' INT TERM
  if [[ -n "${!:-}" ]]; then kill -KILL -- "-$!" 2>/dev/null || true; fi
  echo "cancelled; run the command again to finish" >&2
  exit "$1"
}
trap 'cancel 130' INT
trap 'cancel 143' TERM

step() {
  set -m
  "$@" </dev/null &
  set +m
  wait "$!"
}

command="${1:-up}"
case "$command" in
  help | -h | --help)
    usage
    exit 0
    ;;
  start | stop | status | reset)
    [[ $# -eq 1 ]] || refuse "'$command' takes no options (got: ${*:2})"
    step "$engine" "$command"
    exit 0
    ;;
  cli)
    shift
    step "$launcher" "$@"
    exit 0
    ;;
  up) [[ $# -eq 0 ]] || shift ;;
  -*) ;;
  *) refuse "unknown command '$command' (commands: up, start, stop, status, reset, cli, help)" ;;
esac

# up's options, checked here so a typo fails before the engine starts or anything builds; show gets the
# ones that choose the learner and the tables, in the same form.
up_args=()
show_args=()
local_engine=1
while (($# > 0)); do
  word="$1"
  shift
  name="${word%%=*}"
  case "$name" in
    --stack | --user | --project | --endpoint | --concurrency)
      if [[ "$word" == *=* ]]; then
        value="${word#*=}"
      elif (($# > 0)) && [[ "$1" != -* ]]; then
        value="$1"
        shift
      else
        refuse "$name needs a value"
      fi
      [[ -n "$value" ]] || refuse "$name needs a value"
      up_args+=("$name" "$value")
      if [[ "$name" != --concurrency ]]; then show_args+=("$name" "$value"); fi
      if [[ "$name" == --endpoint ]]; then local_engine=0; fi
      ;;
    --aws | --prune)
      [[ "$word" != *=* ]] || refuse "$name takes no value"
      up_args+=("$name")
      if [[ "$name" == --aws ]]; then
        show_args+=(--aws)
        local_engine=0
      fi
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *) refuse "unknown option '$word' for up" ;;
  esac
done

if ((local_engine)); then step "$engine" start; fi
step "$launcher" up ${up_args[@]+"${up_args[@]}"}
echo
step "$launcher" show ${show_args[@]+"${show_args[@]}"}

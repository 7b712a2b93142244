#!/usr/bin/env bash
# The local sandbox in one command, on a fresh machine with .NET 10 and Node.js:
#
#   scripts/sandbox.sh [OPTIONS]   install and start the local engine (dynalite, reused if running),
#                                  build academy-sandbox, `up` the learner, then `show` what the ETL sees
#   scripts/sandbox.sh stop        stop the local engine (its data stays in seed/engine/data)
#   scripts/sandbox.sh status      say whether the engine runs
#   scripts/sandbox.sh cli ARGS    run academy-sandbox ARGS (plan, up, show, verify) after building it
#
# OPTIONS go to `up` (e.g. --stack dev, --user alice, --prune); --stack, --user and --endpoint also go
# to `show`. ACADEMY_SANDBOX_PORT picks the engine's port (default 8000) for the engine and the CLI.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/.artifacts/sandbox"

build() {
  command -v dotnet >/dev/null || { echo "sandbox: the .NET SDK is not installed (dotnet not on PATH)" >&2; exit 1; }
  local log
  # quiet on success; the whole build log on failure
  if ! log="$(timeout 600 dotnet build seed/Academy.Sandbox/Academy.Sandbox.csproj -c Release -o "$out" -nologo 2>&1)"; then
    echo "$log" >&2
    echo "sandbox: building academy-sandbox failed (log above)" >&2
    exit 1
  fi
}

cli() {
  timeout 900 dotnet "$out/academy-sandbox.dll" "$@"
}

case "${1:-}" in
  stop | status)
    exec seed/engine/engine.sh "$1"
    ;;
  cli)
    shift
    build
    cli "$@"
    exit $?
    ;;
esac

# show takes the options that choose the learner and the engine; the rest are up's alone.
show_args=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --stack | --user | --endpoint | --project) show_args+=("${args[i]}" "${args[i + 1]:-}"); i=$((i + 1)) ;;
    --aws) show_args+=("--aws") ;;
  esac
done

seed/engine/engine.sh start
build
cli up "$@"
echo
cli show "${show_args[@]}"

#!/usr/bin/env bash
# Prints the warm-start time of `academy-sandbox plan` and `show` through bin/academy-sandbox (target:
# under 0.1 s, issue 18), and the same runs of the JIT build without the launcher, for comparison.
# Starts its own dynalite (in memory, on a free loopback port) for show and stops it at the end.
#
#   bash scripts/bench-startup.sh [RUNS]     (default 10; median, fastest and slowest of RUNS)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "bench-startup: RUNS must be a positive whole number, not '$runs'" >&2; exit 2; }
launcher=bin/academy-sandbox
dll=.artifacts/sandbox/academy-sandbox.dll

port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
endpoint="http://127.0.0.1:$port"
node seed/engine/node_modules/dynalite/cli.js --host 127.0.0.1 --port "$port" --createTableMs 0 >/dev/null 2>&1 &
engine=$!
trap 'kill "$engine" 2>/dev/null || true' EXIT
until [[ "$(node seed/engine/probe.js 127.0.0.1 "$port")" == dynalite ]]; do
  kill -0 "$engine" 2>/dev/null || { echo "bench-startup: dynalite did not start on port $port" >&2; exit 1; }
  sleep 0.1
done

"$launcher" plan --user bench >/dev/null # builds if the sources changed: not measured
"$launcher" up --user bench --endpoint "$endpoint" >/dev/null

# Median, fastest and slowest wall time of RUNS runs of the command, in seconds.
measure() {
  local times=() start
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null
    times+=($(($(date +%s%N) - start)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "%.2f s (fastest %.2f s, slowest %.2f s)", t[int((NR + 1) / 2)] / 1e9, t[1] / 1e9, t[NR] / 1e9 }'
}

echo "warm start, median of $runs runs, $(nproc) cores, load average $(cut -d" " -f1 /proc/loadavg 2>/dev/null || echo unknown), $(dotnet --version) SDK:"
echo "  academy-sandbox plan --user bench                  $(measure "$launcher" plan --user bench)"
echo "  academy-sandbox show --user bench --endpoint ...   $(measure "$launcher" show --user bench --endpoint "$endpoint")"
echo "  dotnet $dll plan (no launcher)    $(measure dotnet "$dll" plan --user bench)"
echo "  dotnet $dll show (no launcher)    $(measure dotnet "$dll" show --user bench --endpoint "$endpoint")"
echo "target: under 0.1 s through the launcher (the native build once it is there; the JIT build until then)"

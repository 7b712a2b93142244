#!/usr/bin/env bash
# Builds and tests every project whose packages restore, and says plainly which it skipped and why.
# The Pulumi projects need the Pulumi NuGet packages: from nuget.org, or from a folder of .nupkg files
# named by ACADEMY_NUGET_FOLDER (added to the restore as RestoreAdditionalProjectSources; .ci/run names
# ../shared/nuget when it exists). Where neither serves them they are skipped, everything else still runs.
#
# One restore of the solution, then one build, one test run and one format check over a solution
# filter of the projects that restored: loading the projects once per step, not once per project,
# keeps this to about 3.5 minutes on a 2-core machine (over a thousand tests). Progress lines say what runs and since
# when. The last two lines are the skipped projects with the reason, then the totals over all test
# projects: "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/.artifacts"
results="$out/test-results"
filter="$out/restored.slnf"
rm -rf "$results" && mkdir -p "$results"

passed=0 failed=0 skipped=0 broken=0
started=$SECONDS
say() { echo "== $* ($((SECONDS - started)) s)"; }

# Runs a long step (restore, build, tests), printing a line every 5 s so a slow machine is never
# mistaken for a hung one: nothing in this script is silent for longer.
with_heartbeat() { # $1 what; the rest: the command
  local what="$1" pid waited=0
  shift
  "$@" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    waited=$((waited + 1))
    if ((waited % 5 == 0)) && kill -0 "$pid" 2>/dev/null; then echo "   ... still $what ($((SECONDS - started)) s)"; fi
  done
  wait "$pid"
}

# The sandbox tests start a real local DynamoDB (dynalite) from the project-local engine folder.
if [ -f seed/engine/package-lock.json ] && [ ! -d seed/engine/node_modules ]; then
  say "installing the local DynamoDB engine (npm ci in seed/engine)"
  npm ci --prefix seed/engine --no-audit --no-fund --loglevel=error || broken=1
fi

# Independent clients the sandbox tests use: the AWS CLI v2 makes a learner's table and item by hand
# as the course material does (adopt), and headless Chromium looks at the course report's page.
# Each script does nothing when its tool is already installed.
for tool in awscli chromium; do
  if ! out_install=$(bash "scripts/install-$tool.sh" 2>&1); then
    echo "$out_install"; echo "   could not install $tool (scripts/install-$tool.sh)"; broken=1
  fi
done

restore_args=()
if [ -n "${ACADEMY_NUGET_FOLDER:-}" ]; then
  if [ ! -d "$ACADEMY_NUGET_FOLDER" ]; then
    echo "   ACADEMY_NUGET_FOLDER=$ACADEMY_NUGET_FOLDER is not a folder"
    exit 2
  fi
  nuget_folder=$(cd "$ACADEMY_NUGET_FOLDER" && pwd)
  restore_args+=("-p:RestoreAdditionalProjectSources=$nuget_folder")
  say "restoring Academy.sln (extra package folder: $nuget_folder)"
else
  say "restoring Academy.sln"
fi
restore() { dotnet restore Academy.sln "${restore_args[@]}" >"$out/restore.log" 2>&1; }
with_heartbeat restoring restore
restore_log=$(<"$out/restore.log")
projects=$(find infra seed tests -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' | sort)
restored=() skipped_names=() skipped_dirs=() reasons=()
for project in $projects; do
  name=$(basename "$project" .csproj)
  errors=$(grep -F "$root/$project : error" <<<"$restore_log" | sed 's/ \[.*\]$//' | sort -u)
  if [ -z "$errors" ]; then
    restored+=("$project")
    continue
  fi
  skipped_names+=("$name")
  skipped_dirs+=("$(dirname "$project")")
  if ! grep -qv "error NU1101: Unable to find package Pulumi" <<<"$errors"; then
    why="the Pulumi NuGet packages are not served by this machine's NuGet source (NU1101)"
    [ -n "${ACADEMY_NUGET_FOLDER:-}" ] || why+="; set ACADEMY_NUGET_FOLDER to a folder that holds them"
    [ -z "${ACADEMY_NUGET_FOLDER:-}" ] || why+=" nor by ACADEMY_NUGET_FOLDER"
    reasons+=("$why")
    echo "   SKIPPED $name: $why"
  else
    reasons+=("restore failed")
    echo "   SKIPPED $name: restore failed:"
    sed 's/^.* : error /     /' <<<"$errors" | head -5
    broken=1
  fi
done

# A solution filter of the restored projects, so each later step loads them once.
{
  echo '{ "solution": { "path": "../Academy.sln", "projects": ['
  for i in "${!restored[@]}"; do
    sep=","
    [ "$i" = $((${#restored[@]} - 1)) ] && sep=""
    echo "  \"${restored[i]}\"$sep"
  done
  echo '] } }'
} >"$filter"

say "building ${#restored[@]} projects (Release): $(printf '%s\n' "${restored[@]}" | xargs -n1 basename | sed 's/\.csproj$//' | paste -sd, - | sed 's/,/, /g')"
if ! with_heartbeat "building" dotnet build "$filter" --no-restore -c Release -nologo -v quiet -clp:ErrorsOnly -clp:NoSummary; then
  echo "   the build failed (errors above)"
  broken=1
fi

# The format check loads the projects itself and needs no build output: it runs beside the tests
# (which wait on the local engine much of the time) and reports after them.
format_log="$out/format.log"
(
  dotnet format "$filter" --no-restore --verify-no-changes || exit 1
  if [ "${#skipped_dirs[@]}" -gt 0 ]; then
    # Whitespace needs no restore, so the skipped projects are still held to it.
    dotnet format whitespace --folder . --include "${skipped_dirs[@]}" --verify-no-changes || exit 1
  fi
) >"$format_log" 2>&1 &
format_pid=$!
say "format check started beside the tests (dotnet format --verify-no-changes)"

if [ "$broken" = 0 ]; then
  say "testing"
  with_heartbeat testing dotnet test "$filter" --no-build -c Release -nologo -v quiet \
    --logger trx --results-directory "$results" || true
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    name=$(grep -o 'codeBase="[^"]*"' "$trx" | head -1 | sed 's/.*\/\([^/]*\)\.dll"/\1/')
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    count() { grep -o " $1=\"[0-9]*\"" <<<"$counters" | grep -o '[0-9]*'; }
    p=$(count passed) f=$(($(count failed) + $(count error) + $(count timeout) + $(count aborted))) s=$(count notExecuted)
    echo "   $name: $p passed, $f failed, $s skipped"
    passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
    if [ "$f" != 0 ]; then bash scripts/trx-failures.sh "$trx"; fi
  done
  tested=$(grep -l '<IsTestProject>true</IsTestProject>' "${restored[@]}" | wc -l)
  runs=$(find "$results" -name '*.trx' | wc -l)
  if [ "$runs" != "$tested" ]; then
    echo "   results from $runs of $tested test projects (build or test host failure above)"
    broken=1
  fi
fi

if kill -0 "$format_pid" 2>/dev/null; then say "waiting for the format check"; fi
if wait "$format_pid"; then
  say "format check: clean"
else
  cat "$format_log"
  say "format check: changes needed (above; fix with dotnet format)"
  broken=1
fi

[ "$broken" = 0 ] || echo "build, restore or format problems above: failing the run"
echo "test command: $((SECONDS - started)) s wall time"
if [ "${#skipped_names[@]}" -eq 0 ]; then
  echo "skipped projects: none"
else
  # One entry per reason, naming its projects: "A, B (reason)".
  line=""
  while IFS= read -r reason; do
    names=""
    for i in "${!skipped_names[@]}"; do
      if [ "${reasons[i]}" = "$reason" ]; then names+="${names:+, }${skipped_names[i]}"; fi
    done
    line+="${line:+; }$names ($reason)"
  done < <(printf '%s\n' "${reasons[@]}" | awk '!seen[$0]++')
  echo "skipped projects: $line; whitespace still checked"
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ "$broken" = 0 ] && [ "$passed" -gt 0 ]

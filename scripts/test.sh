#!/usr/bin/env bash
# Builds and tests every project whose packages restore, and says plainly which it skipped and why.
# The Pulumi projects need the Pulumi NuGet packages; where the NuGet source does not serve them
# (as on the course's offline build machines) they are skipped, everything else still runs.
# Ends with one line of totals over all test projects: "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/.artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"

passed=0 failed=0 skipped=0 broken=0
skipped_projects=()

# The sandbox tests start a real local DynamoDB (dynalite) from the project-local engine folder.
if [ -f seed/engine/package-lock.json ] && [ ! -d seed/engine/node_modules ]; then
  echo "== installing the local DynamoDB engine (npm ci in seed/engine)"
  npm ci --prefix seed/engine --no-audit --no-fund --loglevel=error || broken=1
fi

restore() { # $1 project; prints why it cannot restore; exit 2 = only the Pulumi packages are missing
  local out
  if out=$(dotnet restore "$1" 2>&1); then return 0; fi
  if grep -q "NU1101.*Pulumi" <<<"$out" && ! grep "error" <<<"$out" | grep -qv "Pulumi"; then
    echo "the Pulumi NuGet packages are not served by this machine's NuGet source (NU1101)"
    return 2
  fi
  echo "restore failed:"; echo "$out" | grep -E "error" | sort -u | head -5
  return 1
}

projects=$(find infra seed tests -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' | sort)
for project in $projects; do
  name=$(basename "$project" .csproj)
  why=$(restore "$project"); rc=$?
  if [ "$rc" != 0 ]; then
    echo "== SKIPPED $name: $why"
    skipped_projects+=("$name ($why)")
    [ "$rc" = 2 ] || broken=1
    continue
  fi
  if ! grep -q "<IsTestProject>true</IsTestProject>" "$project"; then
    echo "== building $name"
    dotnet build "$project" --no-restore -nologo -v quiet -clp:ErrorsOnly || broken=1
    continue
  fi
  echo "== testing $name"
  dotnet test "$project" --no-restore -nologo -v quiet \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || true
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "   no results from $name (build or test host failure)"; broken=1; continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  count() { grep -o " $1=\"[0-9]*\"" <<<"$counters" | grep -o '[0-9]*'; }
  p=$(count passed) f=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) )) s=$(count notExecuted)
  echo "   $name: $p passed, $f failed, $s skipped"
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done

echo "== format check (dotnet format --verify-no-changes) on the projects that restored"
for project in $projects; do
  name=$(basename "$project" .csproj)
  if printf '%s\n' "${skipped_projects[@]}" | grep -q "^$name "; then
    # Whitespace needs no restore, so the skipped Pulumi projects are still held to it.
    dotnet format whitespace --folder "$(dirname "$project")" --verify-no-changes || broken=1
  else
    dotnet format "$project" --no-restore --verify-no-changes || broken=1
  fi
done

for s in "${skipped_projects[@]}"; do echo "skipped project: $s"; done
[ "$broken" = 0 ] || echo "build, restore or format problems above: failing the run"
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ "$broken" = 0 ] && [ "$passed" -gt 0 ]

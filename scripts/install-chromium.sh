#!/usr/bin/env bash
# Installs Debian's chromium package, which the sandbox tests use as a real headless browser to look
# at the course report's HTML page (academy-sandbox report --html). Does nothing when it is there.
# Needs root (or sudo) and the Debian package source; the tests that need the browser say how to
# run this script when it is missing instead of passing without it.
set -euo pipefail
browser=/usr/bin/chromium
if [ -x "$browser" ]; then
  echo "chromium: $browser is installed ($("$browser" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

as_root=()
if [ "$(id -u)" != 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "error: $browser is missing and installing it needs root; run as root: apt-get update && apt-get install -y chromium" >&2
    exit 1
  fi
  as_root=(sudo)
fi

echo "== installing chromium (Debian package) for the report's browser tests"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium
"$browser" --version

#!/usr/bin/env bash
# Names each test that did not pass in a .trx file (dotnet test --logger trx), with the first lines of
# its message, so a failure seen only in CI, where the .trx files are gone afterwards, can be read from
# the log. scripts/test.sh calls it for each test project with failures. Usage: trx-failures.sh FILE.trx
set -euo pipefail
awk '
  function unescape(t) {
    gsub(/&#xD;/, "", t); gsub(/&#xA;/, "\n", t); gsub(/&lt;/, "<", t); gsub(/&gt;/, ">", t)
    gsub(/&quot;/, "\"", t); gsub(/&apos;/, "\047", t); gsub(/&amp;/, "\\&", t); return t
  }
  /<UnitTestResult / {
    failed = $0 ~ /outcome="(Failed|Error|Timeout|Aborted)"/
    if (failed) { match($0, /testName="[^"]*"/); print "      FAILED " unescape(substr($0, RSTART + 10, RLENGTH - 11)); lines = 0 }
  }
  failed && /<Message>/ { inside = 1; sub(/.*<Message>/, "") }
  failed && inside {
    done = sub(/<\/Message>.*/, "")
    if (lines < 8) print "        " unescape($0); lines++
    if (done) { inside = 0; if (lines > 8) print "        (" lines - 8 " more lines in the .trx file)"; failed = 0 }
  }
' "$1"

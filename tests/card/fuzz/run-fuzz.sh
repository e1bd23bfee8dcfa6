#!/usr/bin/env bash
# Runs the card-parser fuzz target for a given time: run-fuzz.sh FUZZER SECONDS [WORK_DIR].
# Starts from the committed seeds and regressions; a crash leaves its input in WORK_DIR and
# fails the run — copy it into tests/card/fuzz/regressions/ so the replay test keeps it fixed.
set -euo pipefail
fuzzer=${1:?usage: run-fuzz.sh FUZZER SECONDS [WORK_DIR]}
seconds=${2:?usage: run-fuzz.sh FUZZER SECONDS [WORK_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
work=${3:-$(mktemp -d)}
mkdir -p "$work/corpus" "$work/artifacts"
cp -n "$here"/corpus/* "$here"/regressions/* "$work/corpus/" 2>/dev/null || true
# One worker: the machine is shared; -rss_limit keeps a runaway allocation a finding, not a hang.
"$fuzzer" -max_total_time="$seconds" -max_len=4096 -rss_limit_mb=1024 -timeout=10 \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$work/corpus" 2>"$work/fuzz.log" || {
  tail -40 "$work/fuzz.log" >&2
  echo "run-fuzz: a finding; its input is in $work/artifacts/" >&2
  exit 1
}
grep -E '^(stat::number_of_executed_units|Done)' "$work/fuzz.log" || true
echo "run-fuzz: clean after ${seconds}s"

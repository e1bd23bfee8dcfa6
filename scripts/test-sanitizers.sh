#!/usr/bin/env bash
# The unit suites once more, built with AddressSanitizer and UndefinedBehaviorSanitizer (the CMake
# preset "asan", in build-asan/ beside the build folder): core and rules, the audit chain and
# users, the card's parsers and reader (recorded APDUs), the case book on SQLite and on PostgreSQL,
# the reports, the window's presenters and store worker. A leak, an overflow or undefined behaviour
# fails the suite that met it. scripts/test.sh runs this after the other tests, while its services
# (the test PostgreSQL) still run; alone, start them first or the PostgreSQL tests skip.
#
# usage: scripts/test-sanitizers.sh
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${MADOGUCHI_ASAN_BUILD_DIR:-${MADOGUCHI_BUILD_DIR:-$top/build}-asan}
suites=(core_cases_test core_bookings_test
        rules_deadlines_test rules_deadlines_section9_test rules_wareki_test rules_my_number_test rules_rule_book_test
        rules_visit_requirements_test
        audit_chain_test audit_store_test
        register_core_test register_store_test
        card_parsers_test
        db_store_test db_sqlite_test db_prepared_ahead_test
        postgres_users_audit_test postgres_reconnect_test
        reports_layout_test reports_daily_test reports_monthly_test
        gui_presenter_test)

launcher=()
command -v ccache >/dev/null || launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=)
cmake --preset asan -S "$top" -B "$build" "${launcher[@]}" >/dev/null
started=$SECONDS
cmake --build "$build" --parallel "$(nproc)" --target "${suites[@]}"
built=$SECONDS
[ -n "${MADOGUCHI_TEST_PG_URL:-}" ] \
  || echo "test-sanitizers.sh: MADOGUCHI_TEST_PG_URL is not set: the PostgreSQL suites skip (scripts/services/start-postgresql.sh)"

# Leaks are errors too; undefined behaviour already stops the program (-fno-sanitize-recover).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
export TZ=${TZ:-Asia/Tokyo}
logs=$build/sanitizer-logs
rm -rf "$logs"; mkdir -p "$logs"
run_suite() { # NAME: runs one suite, its output in the log folder; prints a line with the outcome
  local name=$1 program
  program=$(find "$build/tests" -name "$name" -type f -perm -u+x | head -1)
  if [ -z "$program" ]; then echo "FAIL $name (not built)"; return 1; fi
  local start=$SECONDS
  if (cd "$(dirname "$program")" && "$program" >"$logs/$name.log" 2>&1); then
    echo "ok   $name ($((SECONDS - start)) s)"
  else
    echo "FAIL $name ($((SECONDS - start)) s): $logs/$name.log"; return 1
  fi
}
export -f run_suite
export build logs
status=0
printf '%s\n' "${suites[@]}" | xargs -P "$(nproc)" -I{} bash -c 'run_suite {}' || status=1
if [ $status -ne 0 ]; then
  for f in "$logs"/*.log; do
    grep -qE "ERROR: (Address|Leak)Sanitizer|runtime error:|\[  FAILED  \]" "$f" && { echo "---- $f"; grep -E -A30 "ERROR: (Address|Leak)Sanitizer|runtime error:|\[  FAILED  \]" "$f" | head -60; }
  done
fi
echo "test-sanitizers.sh: build $((built - started)) s, suites $((SECONDS - built)) s"
exit $status

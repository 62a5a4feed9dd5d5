#!/bin/bash
# Fails unless the JUnit XML reports in REPORTS_DIR (ConsoleLauncher's legacy TEST-*.xml) show
# at least one test, and no failure, no error and no skipped test: a test skipped because it
# found no Windows (or a tool was missing) is a failure by the project's rule.
#
# usage: check-junit-reports.sh REPORTS_DIR
set -euo pipefail

if [ $# -ne 1 ]; then
	sed -n '2,6p' "$0" >&2
	exit 64
fi
reports=$1

shopt -s nullglob
files=("$reports"/TEST-*.xml)
if [ ${#files[@]} -eq 0 ]; then
	echo "check-junit-reports: no TEST-*.xml in $reports: the tests did not run" >&2
	exit 1
fi

# attribute NAME FILE: sum of NAME="N" over the file's <testsuite> elements
attribute() {
	grep -o "<testsuite [^>]*" "$2" | grep -o " $1=\"[0-9]*\"" | tr -dc '0-9\n' |
		awk '{ sum += $1 } END { print sum + 0 }'
}

tests=0 skipped=0 failures=0 errors=0
for file in "${files[@]}"; do
	tests=$((tests + $(attribute tests "$file")))
	skipped=$((skipped + $(attribute skipped "$file")))
	failures=$((failures + $(attribute failures "$file")))
	errors=$((errors + $(attribute errors "$file")))
done
summary="tests=$tests skipped=$skipped failures=$failures errors=$errors in ${files[*]}"
if [ "$tests" -eq 0 ] || [ "$skipped" -ne 0 ] || [ "$failures" -ne 0 ] || [ "$errors" -ne 0 ]; then
	echo "check-junit-reports: FAILED: $summary" >&2
	# name the culprits
	grep -h -B1 -E "<(skipped|failure|error)" "${files[@]}" | grep -o '<testcase [^>]*' >&2 || true
	exit 1
fi
echo "check-junit-reports: OK: $summary"

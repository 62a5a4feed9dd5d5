#!/bin/bash
# Every --json output of the command line on Linux, from the real ./ipcscope script on the built
# product, validated against its JSON Schema in docs/user/schemas with python3-jsonschema (draft
# 2020-12): list, processes, regions, modules and search of a helper that holds a POSIX segment.
# A document that breaks its schema is refused too, so the check can fail.
#
# usage: JAVA=/path/to/jdk/bin/java PROBE_JAR=... \
#        IPC_HELPER=bundles/org.ipcscope.tests.support/target/native/ipc_helper \
#        json-schema-test.sh REPOSITORY WORK_DIR SCREENSHOT_DIR
#
#   REPOSITORY       the checkout whose ./ipcscope, built product and docs/user/schemas are tested
#   WORK_DIR         the outputs and logs of the run (emptied first)
#   SCREENSHOT_DIR   unused (no display here); kept for the shared usage of these tests
#
# Exits 0 when every check passed, 1 when one failed, 64 on bad usage.
set -euo pipefail

SMOKE_DIR=$(dirname "$(realpath "$0")")
# shellcheck source=smoke-lib.sh
. "$SMOKE_DIR/smoke-lib.sh"

smoke_begin json-schema-test "$0" "$@"
repository=$(realpath "$1")
ipcscope="$repository/ipcscope"
schemas="$repository/docs/user/schemas"
export HOME="$SMOKE_WORK/home" IPCSCOPE_DAEMON=0
export JAVA_HOME
JAVA_HOME=$(dirname "$(dirname "$(realpath "$JAVA")")")
mkdir -p "$HOME"
SMOKE_REPORT="$SMOKE_WORK/report.txt"
# shellcheck disable=SC2034 # smoke-lib.sh's summary names it
SMOKE_SCREENSHOT="(none)"
: >"$SMOKE_REPORT"

# validate SCHEMA DOCUMENT: Debian's python3 with its jsonschema, whatever python the PATH has
validate() {
	/usr/bin/python3 - "$1" "$2" <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))), key=str)
for error in errors[:5]:
    print(f"{sys.argv[2]}: {list(error.absolute_path)}: {error.message}", file=sys.stderr)
sys.exit(1 if errors else 0)
PY
}

segment="ipcscope-json-test-$$"
smoke_start_shm_helper "$segment" 2048
pid=$SMOKE_HELPER_PID

# run_json NAME EXPECTED_EXIT ARGS...: the output in WORK_DIR/NAME.json
run_json() {
	local name=$1 expected=$2 code=0
	shift 2
	"$ipcscope" "$@" >"$SMOKE_WORK/$name.json" 2>"$SMOKE_WORK/$name.err" || code=$?
	smoke_check "$name: ./ipcscope $* exits $expected (got $code)" test "$code" -eq "$expected"
}

run_json list 0 list --json
run_json processes 0 processes --json
run_json regions 0 regions "$pid" --json
run_json modules 0 modules "$pid" --json
run_json search 0 search "$pid" "text:$segment" --json
run_json search-none 1 search "$pid" "text:$segment-absent-$$" --json
# a struct laid over the helper's (zeroed) segment and over its own memory at the segment's name
cat >"$SMOKE_WORK/overlay.h" <<'H'
#include <stdint.h>
enum mode { MODE_OFF, MODE_ON };
struct overlay { uint32_t counter; char text[16]; double value; enum mode mode; unsigned low : 3, high : 5; void *p; };
struct named { char name[16]; };
H
run_json struct 0 hex "/$segment" --struct "$SMOKE_WORK/overlay.h:struct overlay@8x2" --json
name_address=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["matches"][0]["address"])' \
	"$SMOKE_WORK/search.json")
run_json struct-dump 0 dump "$pid" "$name_address" --struct "$SMOKE_WORK/overlay.h:named" --json

smoke_check "list holds the helper's segment" grep -q "\"name\": \"/$segment\"" "$SMOKE_WORK/list.json"
uid=$(stat -c %u "/proc/$pid")
smoke_check "list gives the segment's owner as the number $uid in its values" \
	grep -q "\"name\": \"/$segment\".*\"values\": {\"uid\": $uid," "$SMOKE_WORK/list.json"
smoke_check "processes holds the helper" grep -q "{\"pid\": $pid, \"name\": \"ipc_helper\"" "$SMOKE_WORK/processes.json"
smoke_check "search found the segment's name in the helper's memory" grep -q '"address": "0x' "$SMOKE_WORK/search.json"
smoke_check "struct shows the second element's bitfield" grep -qF '"path": "[1].high", "type": "unsigned : 5"' \
	"$SMOKE_WORK/struct.json"
# the search matched the segment's name without its slash: the first 16 bytes of it, quoted
smoke_check "struct-dump shows the segment's name as the text" grep -qF "\"value\": \"\\\"${segment:0:16}\\\"\"" \
	"$SMOKE_WORK/struct-dump.json"
for pair in list:list processes:processes regions:regions modules:modules search:search search-none:search \
	struct:struct struct-dump:struct; do
	document=${pair%%:*}
	schema=${pair#*:}
	smoke_check "$document.json is valid against $schema.schema.json" validate "$schemas/$schema.schema.json" "$SMOKE_WORK/$document.json"
done

# tap --json: a shell writing to a pipe, captured; each line of the capture is one document
(for _ in $(seq 1 600); do echo tick; sleep 0.1; done | cat >/dev/null) &
ticker=$!
sleep 0.3
writer=$(pgrep -n -P "$ticker" -x bash || true)
run_json tap 0 tap --pid "${writer:-$ticker}" --json --count 3
kill "$ticker" 2>/dev/null || true
smoke_check "tap --json wrote a header and 3 records" test "$(wc -l <"$SMOKE_WORK/tap.json")" -eq 4
line=0
while IFS= read -r record; do
	line=$((line + 1))
	printf '%s\n' "$record" >"$SMOKE_WORK/tap-line$line.json"
	smoke_check "tap line $line is valid against traffic-line.schema.json" \
		validate "$schemas/traffic-line.schema.json" "$SMOKE_WORK/tap-line$line.json"
done <"$SMOKE_WORK/tap.json"

# the validation can fail: a field of the wrong type, and a document without its envelope
refused() { ! validate "$@" 2>/dev/null; }
sed 's/"format": 1/"format": "one"/' "$SMOKE_WORK/regions.json" >"$SMOKE_WORK/broken-regions.json"
smoke_check "a regions document whose format is a string is refused" \
	refused "$schemas/regions.schema.json" "$SMOKE_WORK/broken-regions.json"
sed 's/"values": {"uid": \([0-9]*\)/"values": {"uid": "\1"/' "$SMOKE_WORK/list.json" >"$SMOKE_WORK/broken-list.json"
smoke_check "a list document whose uid is a string is refused" \
	refused "$schemas/list.schema.json" "$SMOKE_WORK/broken-list.json"
/usr/bin/python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1]))["matches"], open(sys.argv[2], "w"))' \
	"$SMOKE_WORK/search.json" "$SMOKE_WORK/bare-search.json"
smoke_check "a bare array of matches (the old format) is refused" \
	refused "$schemas/search.schema.json" "$SMOKE_WORK/bare-search.json"
sed 's/"kind": "bitfield"/"kind": "bits"/' "$SMOKE_WORK/struct.json" >"$SMOKE_WORK/broken-struct.json"
smoke_check "a struct field of an unknown kind is refused" \
	refused "$schemas/struct.schema.json" "$SMOKE_WORK/broken-struct.json"
# the change line of --watch --json, as documented in json-formats.md
printf '%s\n' '{"time": "2026-01-02T03:04:05.678Z", "changes": [{"path": "counter", "offset": 0, "before": "41", "after": "42", "raw": "2a000000"}]}' \
	>"$SMOKE_WORK/struct-change.json"
smoke_check "the documented change line is valid" validate "$schemas/struct-change.schema.json" "$SMOKE_WORK/struct-change.json"

sed 's/"fd":/"handle":1,"fd":/' "$SMOKE_WORK/tap-line2.json" >"$SMOKE_WORK/broken-tap-line.json"
smoke_check "a traffic record with both fd and handle is refused" \
	refused "$schemas/traffic-line.schema.json" "$SMOKE_WORK/broken-tap-line.json"

smoke_end

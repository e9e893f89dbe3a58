#!/usr/bin/env bash
# examples/scale-out/dask_check.py on a 2-worker Dask LocalCluster (Debian's
# python3-distributed, the system python3): its answers to a JSONL corpus of
# NTREX-style segments are byte-identical to one fidelint process's.
# usage: dask_test.sh FIDELINT SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
py=/usr/bin/python3
if ! "$py" -c "import distributed" 2>/dev/null; then
	echo "SKIP: python3-distributed is not installed (scripts/install-deps.sh installs it)"
	exit 77
fi
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
# A corpus: the rows of the TSV test file as records, many times with
# distinct ids (and one record that is not JSON: answered with an error).
"$py" - "$src/tests/formats/ntrex-60-75.tsv" "$tmp/corpus.jsonl" <<'PY'
import csv, json, sys
rows = [r for r in csv.reader(open(sys.argv[1], encoding="utf-8"), delimiter="\t",
                              quoting=csv.QUOTE_NONE) if len(r) >= 3 and r[0] != "line"]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    n = 0
    for rep in range(12):
        for r in rows:
            n += 1
            out.write(json.dumps({"id": n, "source": r[1], "target": r[2], "lang": "pt-BR"},
                                 ensure_ascii=False) + "\n")
        if rep == 5:
            out.write("{not json\n")
PY
"$bin" check --input jsonl --fail-on never - <"$tmp/corpus.jsonl" >"$tmp/one.jsonl"
HOME=$tmp DASK_TEMPORARY_DIRECTORY=$tmp timeout 600 "$py" "$src/examples/scale-out/dask_check.py" \
	--workers 2 --chunk 40 --fidelint "$bin" "$tmp/corpus.jsonl" "$tmp/dask.jsonl" \
	-- --fail-on never 2>"$tmp/dask.log" || { echo "FAIL: dask_check.py: $(tail -5 "$tmp/dask.log")"; exit 1; }
lines=$(wc -l <"$tmp/one.jsonl")
[ "$lines" -gt 100 ] || { echo "FAIL: only $lines answers"; exit 1; }
cmp "$tmp/one.jsonl" "$tmp/dask.jsonl" || { echo "FAIL: the cluster's answers differ from one process's"; exit 1; }
echo "dask: ok ($lines answers, identical)"

#!/usr/bin/env bash
# The editorial report (fidelint report) of the bundled story, rendered in
# headless Chromium (Debian's chromium): the DOM holds the summary, the
# fact x translation matrix with the cells the story calls for, the texts
# with findings marked in place (right to left for Arabic), and no request
# leaves the page; a screenshot is taken.
# usage: editorial_test.sh FIDELINT SOURCE_DIR [SCREENSHOT.png]
set -euo pipefail
bin=$1
src=$2
shot=${3:-}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	echo "SKIP: chromium is not installed (scripts/install-deps.sh installs it)"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
S=$src/examples/meta-scale-ai
"$bin" report --facts "$S/facts.yaml" "$S/ar.mt.txt" "$S/pt.mt.txt" -o "$tmp/report.html" ||
	fail "fidelint report failed"
# no resource outside the page
if grep -Eqi '<(script|link|img|iframe)|src=|@import|url\(' "$tmp/report.html"; then
	fail "the page loads something"
fi
run_browser() {
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-dev-shm-usage --user-data-dir="$tmp/profile" "$@" 2>>"$tmp/browser.log"
}
run_browser --dump-dom "file://$tmp/report.html" >"$tmp/dom.html" ||
	fail "chromium could not render the page: $(tail -3 "$tmp/browser.log")"
python3 - "$tmp/dom.html" <<'PY' || exit 1
import sys
from html.parser import HTMLParser

class Dom(HTMLParser):
    """The matrix's cells by (fact, column) and the documents' attributes."""
    def __init__(self):
        super().__init__()
        self.cols, self.cells, self.docs, self.marks = [], {}, {}, 0
        self.fact = None; self.col = 0; self.cell = None; self.th_file = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "th" and "data-file" in a:
            self.cols.append(a["data-file"].rsplit("/", 1)[-1])
        elif tag == "tr" and "data-fact" in a:
            self.fact, self.col = a["data-fact"], 0
        elif tag == "td" and self.fact:
            self.cell = [a.get("data-state"), ""]
        elif tag == "section" and "doc" in a.get("class", ""):
            self.docs[a["id"]] = (a.get("lang"), a.get("dir"))
        elif tag == "mark":
            self.marks += 1
    def handle_data(self, d):
        if self.cell is not None:
            self.cell[1] += d
    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.cells[(self.fact, self.cols[self.col])] = tuple(self.cell)
            self.col += 1
            self.cell = None
        elif tag == "tr":
            self.fact = None

d = Dom()
d.feed(open(sys.argv[1], encoding="utf-8").read())
want = [
    (("entity:Surge", "ar.mt.txt"), "garbled", "Trupge"),
    (("entity:Surge", "pt.mt.txt"), "written", "Surge ×5"),
    (("entity:Scale AI", "pt.mt.txt"), "literal", "IA em escala"),
    (("entity:Scale AI", "ar.mt.txt"), "literal", "الذكاء"),
    (("entity:Play AI", "pt.mt.txt"), "missing", "missing"),
    (("entity:Outlier", "ar.mt.txt"), "missing", "missing"),
    (("entity:OpenAI", "pt.mt.txt"), "miscased", "OpenAi"),
    (("entity:Alexandr Wang", "ar.mt.txt"), "written", "وانغ"),
    (("entity:Chaya Nayak", "ar.mt.txt"), "rendered", "تشايا"),
]
bad = 0
for key, state, text in want:
    got = d.cells.get(key)
    if not got or got[0] != state or text not in got[1]:
        print("FAIL: cell %s: want %s with '%s', got %s" % (key, state, text, got))
        bad += 1
if len(d.cols) != 2 or len(d.cells) < 2 * 30:
    print("FAIL: matrix of %d columns, %d cells" % (len(d.cols), len(d.cells)))
    bad += 1
if d.docs.get("doc-0") != ("ar", "rtl") or d.docs.get("doc-1") != ("pt", "ltr"):
    print("FAIL: documents %s" % d.docs)
    bad += 1
if d.marks < 50:
    print("FAIL: %d findings marked in the texts" % d.marks)
    bad += 1
print("editorial DOM: %d cells, %d marks, %d checks failed" % (len(d.cells), d.marks, bad))
sys.exit(1 if bad else 0)
PY
run_browser --window-size=1280,1700 --screenshot="$tmp/report.png" "file://$tmp/report.html" >/dev/null ||
	fail "no screenshot: $(tail -3 "$tmp/browser.log")"
[ "$(head -c 4 "$tmp/report.png" | od -An -tx1 | tr -d ' ')" = 89504e47 ] || fail "the screenshot is no PNG"
[ -n "$shot" ] && cp "$tmp/report.png" "$shot"
echo "editorial: ok"

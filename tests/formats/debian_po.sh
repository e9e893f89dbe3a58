#!/usr/bin/env bash
# A real catalogue from outside the project, checked end to end: GNU tar's
# Brazilian Portuguese messages as Debian ships them (the tar package is
# Essential, so its .mo is on every Debian system that keeps
# /usr/share/locale), unpacked with msgunfmt into a temporary folder.
# When the .mo is not there (dpkg told to exclude locales), the tar .deb is
# fetched with `apt-get download` and unpacked with dpkg-deb -x; without
# network either, the test is skipped (status 77).
#
# Passes when fidelint does not crash, exits 0 or 1, and gives no
# error-level placeholder finding. Prints the entries and the findings by
# rule.
#   usage: debian_po.sh FIDELINT [MO]
set -u
fidelint=$1
mo=${2:-/usr/share/locale/pt_BR/LC_MESSAGES/tar.mo}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/fl_debian_po.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

command -v msgunfmt >/dev/null || { echo "debian_po: msgunfmt missing (make deps)"; exit 77; }
if [ ! -f "$mo" ]; then
	pkg=$(basename "$mo" .mo)
	if (cd "$tmp" && apt-get download "$pkg" >/dev/null 2>&1) &&
		dpkg-deb -x "$tmp"/"$pkg"_*.deb "$tmp/deb"; then
		mo="$tmp/deb/usr/share/locale/pt_BR/LC_MESSAGES/$pkg.mo"
	fi
	[ -f "$mo" ] || { echo "debian_po: no $mo and no package to fetch: skipped"; exit 77; }
fi
po="$tmp/$(basename "$mo" .mo).pt_BR.po"
msgunfmt "$mo" -o "$po" || { echo "debian_po: msgunfmt failed"; exit 1; }

"$fidelint" check --input po --fail-on error -o "$tmp/out.txt" "$po" 2>"$tmp/err.txt"
rc=$?
entries=$(grep -c '^msgid ' "$po")
echo "debian_po: $(basename "$mo"): $((entries - 1)) entries (and the header), exit status $rc"
if [ "$rc" -gt 1 ]; then
	echo "debian_po: FAILED: fidelint exited $rc"
	cat "$tmp/err.txt"
	exit 1
fi
# "FILE:LINE:COL: SEVERITY: message [rule] ..." -> counts by rule, severity
sed -n 's/^[^ ]*:[0-9]*:[0-9]*: \([a-z]*\): .* \[\([a-z.-]*\)\].*$/\2 \1/p' "$tmp/out.txt" |
	sort | uniq -c | sort -rn
if grep -E '^[^ ]*:[0-9]+:[0-9]+: error: .*\[placeholder\.' "$tmp/out.txt"; then
	echo "debian_po: FAILED: an error-level placeholder finding"
	exit 1
fi
echo "debian_po: passed"

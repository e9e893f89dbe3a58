#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, from a build of its own that is
# then removed, and the prefix moved elsewhere:
#  - the installed program finds its data with no flag (its rule packs are
#    read from PREFIX/share/fidelint) and checks the bundled story as the
#    build tree's program does;
#  - the shared library exports the FL_EXTERN functions of the header and
#    nothing else;
#  - a program built with pkg-config, and one with find_package(fidelint),
#    run against the installed library;
#  - the manual pages are installed.
# usage: install_test.sh SOURCE_DIR BUILD_TREE_FIDELINT
set -euo pipefail
src=$1
ref=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake -S "$src" -B "$tmp/build" -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=Release \
	-DCMAKE_INSTALL_PREFIX="$tmp/prefix" >/dev/null
cmake --build "$tmp/build" -j"$(nproc)" --target fidelint_cli fidelint fidelint_shared >/dev/null
cmake --install "$tmp/build" >/dev/null
rm -rf "$tmp/build"
P=$tmp/prefix
lib=$(dirname "$(find "$P" -name 'libfidelint.so' | head -1)")
[ -n "$lib" ] && [ -f "$lib/libfidelint.a" ] || fail "no static and shared library in $P"
[ -f "$P/include/fidelint/fidelint.h" ] || fail "no header"
[ -f "$P/share/man/man1/fidelint.1" ] && [ -f "$P/share/man/man5/fidelint-facts.5" ] ||
	fail "no manual pages"
[ -f "$lib/pkgconfig/fidelint.pc" ] || fail "no pkg-config file"
[ -f "$lib/cmake/fidelint/fidelintConfig.cmake" ] || fail "no CMake package"

# Exports: exactly the functions the header declares FL_EXTERN.
nm -D --defined-only "$lib/libfidelint.so" | awk '$2 ~ /^[TDBR]$/ {print $3}' | sort >"$tmp/exported"
grep -o '^FL_EXTERN[^(]*(' "$P/include/fidelint/fidelint.h" |
	grep -o 'fl_[a-z0-9_]*($' | tr -d '(' | sort >"$tmp/declared"
diff "$tmp/declared" "$tmp/exported" >"$tmp/diff" ||
	fail "exported symbols differ from the header (< declared, > exported): $(cat "$tmp/diff")"

# A program of a library user, built both ways against the installed library.
cat >"$tmp/user.c" <<'C'
#include <fidelint/fidelint.h>
#include <stdio.h>
int main(int argc, char **argv)
{
	fl_checker *chk = NULL;
	fl_result *res = NULL;
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	(void)argc;
	if (fl_checker_new(&chk, NULL) < 0) {
		fprintf(stderr, "%s\n", chk ? fl_checker_error(chk) : "?");
		return 2;
	}
	o.lang = "pt";
	if (fl_check_buffer(&res, chk, "x.txt", argv[1], 31, &o) < 0)
		return 2;
	printf("%s %zu\n", fl_version(), fl_result_count(res));
	fl_result_free(res);
	fl_checker_free(chk);
	return 0;
}
C
text="A Meta contratou contratou 200."
PKG_CONFIG_PATH=$lib/pkgconfig
export PKG_CONFIG_PATH
# shellcheck disable=SC2046
cc -o "$tmp/user-pc" "$tmp/user.c" $(pkg-config --cflags --libs fidelint) ||
	fail "a program does not build with pkg-config"
out=$(LD_LIBRARY_PATH=$lib env -u FIDELINT_DATA_DIR "$tmp/user-pc" "$text") ||
	fail "the pkg-config program failed: $out"
case "$out" in "0.1.0 "[1-9]*) ;; *) fail "pkg-config program said '$out'" ;; esac
mkdir "$tmp/cm"
cp "$tmp/user.c" "$tmp/cm/"
cat >"$tmp/cm/CMakeLists.txt" <<'CM'
cmake_minimum_required(VERSION 3.18)
project(user C)
find_package(fidelint 0.1 REQUIRED)
add_executable(user user.c)
target_link_libraries(user PRIVATE fidelint::fidelint_shared)
CM
cmake -S "$tmp/cm" -B "$tmp/cm/b" -DCMAKE_PREFIX_PATH="$P" >/dev/null ||
	fail "find_package(fidelint) failed"
cmake --build "$tmp/cm/b" >/dev/null || fail "the find_package program does not build"
LD_LIBRARY_PATH=$lib env -u FIDELINT_DATA_DIR "$tmp/cm/b/user" "$text" >/dev/null ||
	fail "the find_package program failed"

# Moved elsewhere, the program still finds its own data.
mv "$P" "$tmp/moved"
P=$tmp/moved
story=$src/examples/meta-scale-ai
env -u FIDELINT_DATA_DIR "$P/bin/fidelint" rules --format json >"$tmp/rules.json" ||
	fail "the installed program cannot list its rules"
grep -q "\"$P/share/fidelint/rules/packs/" "$tmp/rules.json" ||
	fail "the installed program does not read its own rule packs: $(grep -o '"path": "[^"]*"' "$tmp/rules.json" | head -2)"
status=0
env -u FIDELINT_DATA_DIR "$P/bin/fidelint" check --format json --fail-on never \
	--facts "$story/facts.yaml" "$story/pt.mt.txt" >"$tmp/installed.json" || status=$?
[ "$status" -eq 0 ] || fail "the installed program exited $status"
FIDELINT_DATA_DIR=$src "$ref" check --format json --fail-on never \
	--facts "$story/facts.yaml" "$story/pt.mt.txt" >"$tmp/tree.json"
cmp -s "$tmp/installed.json" "$tmp/tree.json" ||
	fail "the installed program's report differs from the build tree's"
echo "install: ok ($(wc -l <"$tmp/exported") functions exported)"

#!/usr/bin/env bash
# Installs the Debian packages fidelint builds and tests with, only those missing.
# Idempotent: a machine that has everything runs no apt command at all.
# usage: scripts/install-deps.sh [--sanitize | --bench]
#   --sanitize  also clang and its sanitizer/libFuzzer runtime (make sanitize, make fuzz)
#   --bench     what make bench needs (today the same as without it: the programs
#               it times side by side are also the test suite's, for bench.smoke)
set -euo pipefail

PKGS=(
  build-essential cmake pkg-config
  bc time            # make bench: arithmetic and peak memory
  groff-base         # tests/cli/man_test.sh formats the manual pages
  pre-commit git     # tests/cli/precommit_test.sh: the hook in a content repository
  python3-jsonschema # tests/report: --format sarif against the OASIS schema
  chromium fonts-dejavu-core  # tests/report: the editorial report rendered headless
  python3-distributed         # examples/scale-out and tests/scale: Dask
  hunspell translate-toolkit  # make bench and bench.smoke: hunspell -l, pofilter -t numbers
  libicu-dev          # text: UTF-8, NFC, word breaks, scripts, numbers, transliteration
  libpcre2-dev        # rule patterns (8-bit, JIT)
  libhunspell-dev     # spelling
  libyaml-dev         # facts files and rule packs
  libjansson-dev      # JSON output
  libxml2-dev         # XLIFF, TMX and HTML input
  libgettextpo-dev gettext  # PO input (libgettextpo); msgunfmt for the PO tests
  libcmark-dev        # Markdown input (CommonMark)
  python3             # tests/formats/compare_story.py (ctest), test-file generators
  hunspell-en-us hunspell-ar hunspell-pt-br hunspell-pt-pt
  hunspell-fr hunspell-he hunspell-de-de
  # name.literal lexicon (scripts/gen-lexicon.py): FreeDict dictionaries, both directions
  dict-freedict-eng-ara dict-freedict-eng-por dict-freedict-eng-fra dict-freedict-eng-deu
  dict-freedict-ara-eng dict-freedict-por-eng dict-freedict-fra-eng dict-freedict-deu-eng
)
if [ "${1:-}" = "--sanitize" ]; then
  # clang, and its libFuzzer/ASan runtime (only a Recommends of clang)
  PKGS+=(clang libclang-rt-dev)
fi

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2

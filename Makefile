# Thin wrapper over CMake. The two commands a new machine needs:
#   make demo   install missing packages, build, check the bundled story
#   make test   install missing packages, build, run every test (ctest)
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FIDELINT = $(BUILD)/fidelint
STORY = examples/meta-scale-ai

.PHONY: all deps configure build install demo test bench fuzz sanitize format clean

all: build

deps:
	@bash scripts/install-deps.sh

# configure and build never install anything: `make deps` (and so demo and
# test) does; a missing library makes cmake name its pkg-config module.
configure:
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null || \
	  { echo "fidelint: configure failed; 'make deps' installs what the build needs" >&2; exit 1; }

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

# cmake --install: PREFIX/bin/fidelint, PREFIX/share/fidelint (dicts, rules),
# the manual, the library with its header, pkg-config file and CMake package.
PREFIX ?= /usr/local
install: build
	@cmake --install $(BUILD) --prefix $(PREFIX)

# Exit status 1 only means "findings": the demo shows them and succeeds.
demo: deps
	@$(MAKE) --no-print-directory build
	@echo "== full machine translations, checked against the story's facts"
	@$(FIDELINT) check --facts $(STORY)/facts.yaml $(STORY)/ar.mt.txt $(STORY)/pt.mt.txt; \
	  rc=$$?; [ $$rc -le 1 ] || exit $$rc
	@echo
	@echo "== human summaries (--partial: leaving things out is not an error)"
	@$(FIDELINT) check --partial --facts $(STORY)/facts.yaml $(STORY)/ar.summary.txt \
	  $(STORY)/he.summary.txt $(STORY)/fr.summary.txt; rc=$$?; [ $$rc -le 1 ] || exit $$rc

test: deps
	@$(MAKE) --no-print-directory build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# Speed and memory side by side with hunspell -l and pofilter (installed by
# install-deps.sh --bench); the table also goes to build-bench/bench.md.
bench:
	@bash scripts/install-deps.sh --bench
	@bash scripts/bench.sh

# The whole test suite under ASan, LSan and UBSan, in build-asan.
sanitize:
	@bash scripts/install-deps.sh --sanitize
	@bash scripts/sanitize.sh

# Builds every libFuzzer target in build-fuzz (clang only) and runs each for
# FUZZ_SECONDS (FUZZ_PARALLEL at once, under nice); fails on a crash, kept in
# build-fuzz/artifacts/. FUZZ_SECONDS=0 only builds. See tests/fuzz/README.md.
FUZZ_SECONDS ?= 60
FUZZ_PARALLEL ?= 1
fuzz:
	@bash scripts/install-deps.sh --sanitize
	@CC=clang cmake -S . -B build-fuzz -DFL_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
	@cmake --build build-fuzz -j$(JOBS)
	@if [ "$(FUZZ_SECONDS)" != 0 ]; then FUZZ_SECONDS=$(FUZZ_SECONDS) \
	  FUZZ_PARALLEL=$(FUZZ_PARALLEL) bash tests/fuzz/run.sh; fi

format:
	@clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) build-bench build-asan build-fuzz

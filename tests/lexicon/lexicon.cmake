# The name.literal lexicon (rules/lexicon/en-XX.tsv) is generated from Debian's FreeDict
# packages and the curated files: check that the committed files are what
# scripts/gen-lexicon.py generates, and well-formed. Needs python3 and the packages that
# scripts/install-deps.sh installs (exit 2, a failure, names the missing one).
find_program(FL_PYTHON3 python3)
if(FL_PYTHON3)
  add_test(NAME lexicon.reproducible
    COMMAND ${FL_PYTHON3} ${PROJECT_SOURCE_DIR}/scripts/gen-lexicon.py --check)
endif()

# Mechanics of the fidelint program (options, exit statuses, atomic output).
# Included from tests/CMakeLists.txt.
add_test(NAME cli.mechanics
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_test.sh
    $<TARGET_FILE:fidelint_cli> ${PROJECT_SOURCE_DIR})
# TIMEOUT: the FIFO, signal and endless-input cases must end, not hang.
set_tests_properties(cli.mechanics PROPERTIES
  ENVIRONMENT "FIDELINT_DATA_DIR=${PROJECT_SOURCE_DIR}"
  TIMEOUT 600)

# The manual pages against the program's help (groff from groff-base).
add_test(NAME cli.man
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/man_test.sh
    ${PROJECT_SOURCE_DIR} $<TARGET_FILE:fidelint_cli>)
set_tests_properties(cli.man PROPERTIES
  ENVIRONMENT "FIDELINT_DATA_DIR=${PROJECT_SOURCE_DIR}")

# cmake --install, the build removed and the prefix moved (a build of its
# own: not under the sanitizers, whose run it would only slow).
if(NOT FL_SANITIZE)
  add_test(NAME cli.install
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/install_test.sh
      ${PROJECT_SOURCE_DIR} $<TARGET_FILE:fidelint_cli>)
  set_tests_properties(cli.install PROPERTIES TIMEOUT 900)
endif()

# The pre-commit hook in a temporary content repository (Debian pre-commit).
add_test(NAME cli.precommit
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/precommit_test.sh
    ${PROJECT_SOURCE_DIR} $<TARGET_FILE:fidelint_cli>)
set_tests_properties(cli.precommit PROPERTIES SKIP_RETURN_CODE 77
  ENVIRONMENT "FIDELINT_DATA_DIR=${PROJECT_SOURCE_DIR}" TIMEOUT 300)

# .fidelint.yaml and --select/--ignore/--severity as a user meets them.
add_test(NAME cli.config
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/config_test.sh $<TARGET_FILE:fidelint_cli>)
set_tests_properties(cli.config PROPERTIES
  ENVIRONMENT "FIDELINT_DATA_DIR=${PROJECT_SOURCE_DIR}")

# Baselines, unknown commands and help everywhere.
add_test(NAME cli.baseline
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/baseline_test.sh
    $<TARGET_FILE:fidelint_cli> ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.baseline PROPERTIES
  ENVIRONMENT "FIDELINT_DATA_DIR=${PROJECT_SOURCE_DIR}")

# check -j N: the same output as -j 1, in every format.
add_test(NAME cli.jobs
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/jobs_test.sh
    $<TARGET_FILE:fidelint_cli> ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.jobs PROPERTIES
  ENVIRONMENT "FIDELINT_DATA_DIR=${PROJECT_SOURCE_DIR}")

# check --max-languages: one language at a time gives the same output.
add_test(NAME cli.languages
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/languages_test.sh
    $<TARGET_FILE:fidelint_cli> ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.languages PROPERTIES
  ENVIRONMENT "FIDELINT_DATA_DIR=${PROJECT_SOURCE_DIR}" TIMEOUT 600)

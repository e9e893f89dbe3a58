# Mechanics of the fidelint program (options, exit statuses, atomic output).
# Included from tests/CMakeLists.txt.
add_test(NAME cli.mechanics
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_test.sh
    $<TARGET_FILE:fidelint_cli> ${PROJECT_SOURCE_DIR})
# TIMEOUT: the FIFO, signal and endless-input cases must end, not hang.
set_tests_properties(cli.mechanics PROPERTIES
  ENVIRONMENT "FIDELINT_DATA_DIR=${PROJECT_SOURCE_DIR}"
  TIMEOUT 600)

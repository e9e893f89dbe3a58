# Mechanics of the fidelint program (options, exit statuses, atomic output).
# Included from tests/CMakeLists.txt.
add_test(NAME cli.mechanics
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_test.sh
    $<TARGET_FILE:fidelint_cli> ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.mechanics PROPERTIES
  ENVIRONMENT "FIDELINT_DATA_DIR=${PROJECT_SOURCE_DIR}")

# Data-driven tests: every tests/cases/*.case and tests/golden/*.case runs
# through the library and through the fidelint program.
add_executable(case_runner ${CMAKE_CURRENT_SOURCE_DIR}/runner/case_runner.c)
target_link_libraries(case_runner PRIVATE fidelint PkgConfig::JANSSON)
target_include_directories(case_runner PRIVATE ${PROJECT_SOURCE_DIR}/include)
fl_warnings(case_runner)
target_compile_definitions(case_runner PRIVATE _POSIX_C_SOURCE=200809L)

file(GLOB FL_CASE_FILES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/cases/*.case ${CMAKE_CURRENT_SOURCE_DIR}/golden/*.case
  ${CMAKE_CURRENT_SOURCE_DIR}/formats/*.case)
foreach(f ${FL_CASE_FILES})
  get_filename_component(name ${f} NAME_WE)
  get_filename_component(dir ${f} DIRECTORY)
  get_filename_component(kind ${dir} NAME)
  add_test(NAME ${kind}.${name}.lib COMMAND case_runner lib ${f})
  add_test(NAME ${kind}.${name}.cli COMMAND case_runner cli $<TARGET_FILE:fidelint_cli> ${f})
  set_tests_properties(${kind}.${name}.lib ${kind}.${name}.cli PROPERTIES
    ENVIRONMENT "FIDELINT_DATA_DIR=${PROJECT_SOURCE_DIR};FL_REPO_ROOT=${PROJECT_SOURCE_DIR}")
endforeach()

# The same cases with plain text checked in windows of one line each
# (FIDELINT_TEST_WINDOW, read by the checker for the tests only): every
# finding at the same place as when the document is checked at once.
foreach(f ${FL_CASE_FILES})
  get_filename_component(name ${f} NAME_WE)
  get_filename_component(dir ${f} DIRECTORY)
  get_filename_component(kind ${dir} NAME)
  if(kind STREQUAL "formats")
    continue()
  endif()
  # Under the sanitizers (make sanitize) only the seed story runs windowed:
  # it goes through every windowed path (reader, per-window checks, finish
  # hooks) and scale.windows covers the rest; the whole set would double
  # the sanitized suite's time for no path that the seed does not take.
  if(FL_SANITIZE AND NOT name STREQUAL "seed")
    continue()
  endif()
  add_test(NAME windows.${kind}.${name}.lib COMMAND case_runner lib ${f})
  add_test(NAME windows.${kind}.${name}.cli COMMAND case_runner cli $<TARGET_FILE:fidelint_cli> ${f})
  set_tests_properties(windows.${kind}.${name}.lib windows.${kind}.${name}.cli PROPERTIES
    ENVIRONMENT "FIDELINT_DATA_DIR=${PROJECT_SOURCE_DIR};FL_REPO_ROOT=${PROJECT_SOURCE_DIR};FIDELINT_TEST_WINDOW=1")
endforeach()

# The number-pair corpus (tests/numbers/pairs.tsv, from NTREX-128).
add_executable(number_pairs ${CMAKE_CURRENT_SOURCE_DIR}/runner/number_pairs.c)
target_link_libraries(number_pairs PRIVATE fidelint)
target_include_directories(number_pairs PRIVATE ${PROJECT_SOURCE_DIR}/include)
target_compile_definitions(number_pairs PRIVATE _POSIX_C_SOURCE=200809L)
fl_warnings(number_pairs)
add_test(NAME numbers.pairs COMMAND number_pairs
  ${CMAKE_CURRENT_SOURCE_DIR}/numbers/pairs.tsv
  ${CMAKE_CURRENT_SOURCE_DIR}/numbers/known-failures.txt)
set_tests_properties(numbers.pairs PROPERTIES
  ENVIRONMENT "FIDELINT_DATA_DIR=${PROJECT_SOURCE_DIR}")

# Names across scripts (tests/translit/pairs.tsv, from NTREX-128).
add_executable(translit_pairs ${CMAKE_CURRENT_SOURCE_DIR}/runner/translit_pairs.c)
target_link_libraries(translit_pairs PRIVATE fidelint)
target_include_directories(translit_pairs PRIVATE ${PROJECT_SOURCE_DIR}/src/lib)
target_compile_definitions(translit_pairs PRIVATE _POSIX_C_SOURCE=200809L)
fl_warnings(translit_pairs)
add_test(NAME translit.pairs COMMAND translit_pairs
  ${CMAKE_CURRENT_SOURCE_DIR}/translit/pairs.tsv
  ${CMAKE_CURRENT_SOURCE_DIR}/translit/known-failures.txt)

# fidelint extract against hand-checked data (tests/extract/).
add_executable(extract_eval ${CMAKE_CURRENT_SOURCE_DIR}/runner/extract_eval.c)
target_link_libraries(extract_eval PRIVATE fidelint)
target_include_directories(extract_eval PRIVATE ${PROJECT_SOURCE_DIR}/src/lib)
target_compile_definitions(extract_eval PRIVATE _POSIX_C_SOURCE=200809L)
fl_warnings(extract_eval)
add_test(NAME extract.story COMMAND extract_eval story
  ${CMAKE_CURRENT_SOURCE_DIR}/extract/story.en.txt
  ${CMAKE_CURRENT_SOURCE_DIR}/extract/story.expected.yaml)
add_test(NAME extract.ntrex-gold COMMAND extract_eval gold
  ${CMAKE_CURRENT_SOURCE_DIR}/extract/ntrex-en-001-300.txt
  ${CMAKE_CURRENT_SOURCE_DIR}/extract/ntrex-gold.tsv 0.93 0.95)
# lines 301-600, annotated after the extractor was tuned on lines 1-300
add_test(NAME extract.ntrex-gold-301-600 COMMAND extract_eval gold
  ${CMAKE_CURRENT_SOURCE_DIR}/extract/ntrex-en-301-600.txt
  ${CMAKE_CURRENT_SOURCE_DIR}/extract/ntrex-gold-301-600.tsv 0.90 0.93)
set_tests_properties(extract.story extract.ntrex-gold extract.ntrex-gold-301-600 PROPERTIES
  ENVIRONMENT "FIDELINT_DATA_DIR=${PROJECT_SOURCE_DIR}")

# tests/data/meta-scale-ai.no-counts.yaml is the bundled story's facts with every
# 'count:' line removed (golden/headline.case runs the story with both): kept in sync.
add_test(NAME golden.no-counts-in-sync COMMAND sh -c
  "grep -v '^ *count:' '${PROJECT_SOURCE_DIR}/examples/meta-scale-ai/facts.yaml' | cmp - '${PROJECT_SOURCE_DIR}/tests/data/meta-scale-ai.no-counts.yaml'")

# The seed story as XLIFF (tests/formats/story.pt.xlf) gives the findings of
# the plain text, moved into the XLIFF file (issue 11).
add_test(NAME formats.story-xliff-same COMMAND python3
  ${CMAKE_CURRENT_SOURCE_DIR}/formats/compare_story.py $<TARGET_FILE:fidelint_cli>
  ${PROJECT_SOURCE_DIR})
set_tests_properties(formats.story-xliff-same PROPERTIES
  ENVIRONMENT "FIDELINT_DATA_DIR=${PROJECT_SOURCE_DIR}")

# Rule packs: every rule's embedded examples run against its pattern.
# Included from tests/CMakeLists.txt.
add_executable(pack_examples ${CMAKE_CURRENT_SOURCE_DIR}/runner/pack_examples.c)
target_include_directories(pack_examples PRIVATE ${PROJECT_SOURCE_DIR}/src/lib)
target_link_libraries(pack_examples PRIVATE fidelint)
fl_warnings(pack_examples)
add_test(NAME rules.pack_examples COMMAND pack_examples ${PROJECT_SOURCE_DIR})

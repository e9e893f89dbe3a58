# Pathological growth (tests/patho/growth.c): work measured at N and 4N in
# one process must grow about linearly (at most 6 times). A TIMEOUT stops
# a quadratic regression long before it would finish.
add_executable(patho_growth ${CMAKE_CURRENT_SOURCE_DIR}/patho/growth.c)
target_link_libraries(patho_growth PRIVATE fidelint)
target_include_directories(patho_growth PRIVATE ${PROJECT_SOURCE_DIR}/include)
fl_warnings(patho_growth)
# Under sanitizers (FL_SANITIZE) the work runs untimed, for memory errors.
set(FL_GROWTH_ENV "FIDELINT_DATA_DIR=${PROJECT_SOURCE_DIR}")
if(FL_SANITIZE)
  list(APPEND FL_GROWTH_ENV "FL_GROWTH_UNTIMED=1")
endif()
foreach(t facts-aliases facts-entities facts-merge forbid-pattern)
  add_test(NAME patho.${t} COMMAND patho_growth ${t})
  # Alone on the machine's cores (RUN_SERIAL): timings taken beside
  # other tests measure the other tests.
  set_tests_properties(patho.${t} PROPERTIES TIMEOUT 120 RUN_SERIAL TRUE
    ENVIRONMENT "${FL_GROWTH_ENV}")
endforeach()

# fencelab_add_litmus_test(NAME FILE [BACKENDS model relacy lkmm hardware] [BUDGET seconds] [ALLOW_LIMITED])
#
# Registers ctest tests for one .litmus file (or a directory of them):
#   NAME.model     `fencelab check FILE`: every model (LKMM, Relacy) must meet the file's Result: line,
#                  and the models must not disagree
#   NAME.lkmm, NAME.relacy  the same with that model alone
#   NAME.hardware  `fencelab run FILE --backend hardware`: no forbidden outcome may appear
# BACKENDS defaults to model (deterministic, fast: the one to run in CI).
# BUDGET is the hardware run's seconds per test (default 0.5).
# ALLOW_LIMITED: a model verdict that rests on a documented Relacy limit is
# reported but does not fail the test.
function(fencelab_add_litmus_test name file)
  cmake_parse_arguments(ARG "ALLOW_LIMITED" "BUDGET" "BACKENDS" ${ARGN})
  set(check_flags)
  if(ARG_ALLOW_LIMITED)
    set(check_flags --allow-limited)
  endif()
  if(NOT ARG_BACKENDS)
    set(ARG_BACKENDS model)
  endif()
  if(NOT ARG_BUDGET)
    set(ARG_BUDGET 0.5)
  endif()
  if(TARGET fencelab::fencelab)
    set(exe fencelab::fencelab)
  elseif(TARGET fencelab)
    set(exe fencelab)
  else()
    message(FATAL_ERROR "fencelab_add_litmus_test: no fencelab executable (find_package(fencelab) or add_subdirectory)")
  endif()
  get_filename_component(file "${file}" ABSOLUTE)
  set(results "${CMAKE_CURRENT_BINARY_DIR}/fencelab-results/${name}")
  foreach(backend IN LISTS ARG_BACKENDS)
    if(backend STREQUAL "model")
      add_test(NAME ${name}.model COMMAND ${exe} check "${file}" ${check_flags})
    elseif(backend STREQUAL "relacy" OR backend STREQUAL "lkmm")
      add_test(NAME ${name}.${backend} COMMAND ${exe} check "${file}" --model ${backend} ${check_flags})
    elseif(backend STREQUAL "hardware")
      add_test(NAME ${name}.hardware
               COMMAND ${exe} run "${file}" --backend hardware --budget ${ARG_BUDGET} --json "${results}.json")
    else()
      message(FATAL_ERROR "fencelab_add_litmus_test(${name}): unknown backend '${backend}' (model, lkmm, relacy, hardware)")
    endif()
    set_tests_properties(${name}.${backend} PROPERTIES LABELS "litmus;${backend}")
  endforeach()
endfunction()

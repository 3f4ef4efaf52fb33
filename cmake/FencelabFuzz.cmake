# FENCELAB_FUZZ=ON builds the parser's libFuzzer target (tests/fuzz) with
# AddressSanitizer and UndefinedBehaviorSanitizer over everything it links,
# so a finding inside the framework is caught where it happens. libFuzzer
# comes with clang only: configure a separate build directory with
#   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DFENCELAB_FUZZ=ON
# (.ci/fuzz does it).
option(FENCELAB_FUZZ "Build the parser's libFuzzer target (clang only)" OFF)
if(FENCELAB_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "FENCELAB_FUZZ needs clang (libFuzzer), not ${CMAKE_CXX_COMPILER_ID}")
  endif()
  # fuzzer-no-link: coverage for the fuzzer without a second main(); the
  # fuzz target alone links libFuzzer. UB stops the run like a crash does.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

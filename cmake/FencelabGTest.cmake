# GTest::gtest and GTest::gtest_main: the packaged GoogleTest where the target
# has one, else built here from Debian's sources (package googletest), which
# is how a cross build for a target without GoogleTest packages gets it.
find_package(GTest QUIET)
if(NOT GTest_FOUND)
  set(FENCELAB_GTEST_SOURCE /usr/src/googletest CACHE PATH "GoogleTest sources, built when the target has no GoogleTest")
  if(NOT EXISTS "${FENCELAB_GTEST_SOURCE}/CMakeLists.txt")
    message(FATAL_ERROR "No GoogleTest for this target and no sources in ${FENCELAB_GTEST_SOURCE} "
                        "(apt-get install googletest, or set FENCELAB_GTEST_SOURCE)")
  endif()
  set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
  set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
  add_subdirectory("${FENCELAB_GTEST_SOURCE}" "${PROJECT_BINARY_DIR}/googletest" EXCLUDE_FROM_ALL SYSTEM)
  message(STATUS "GoogleTest: none packaged for this target; building it from ${FENCELAB_GTEST_SOURCE}")
endif()

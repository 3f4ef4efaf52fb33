# FENCELAB_SANITIZE: build every target with sanitizers (.ci/run's sanitizer
# suites build this way in build-asan/ and build-tsan/).
#   address,undefined  AddressSanitizer + UndefinedBehaviorSanitizer
#   thread             ThreadSanitizer
# Either halts at the first report (-fno-sanitize-recover=all: UBSan would
# otherwise print and carry on, and the test would pass).
# One exception, set where it applies: backends/relacy/CMakeLists.txt turns
# UBSan's vptr check off for the one file that includes Relacy.
set(FENCELAB_SANITIZE "" CACHE STRING "Sanitizers for every target: address,undefined or thread (empty: none)")
set_property(CACHE FENCELAB_SANITIZE PROPERTY STRINGS "" "address,undefined" "thread")
if(FENCELAB_SANITIZE STREQUAL "")
  return()
endif()
if(NOT FENCELAB_SANITIZE MATCHES "^(address,undefined|address|undefined|thread)$")
  message(FATAL_ERROR "FENCELAB_SANITIZE=${FENCELAB_SANITIZE}: expected address,undefined or thread")
endif()
set(FENCELAB_SANITIZE_FLAGS -fsanitize=${FENCELAB_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
add_compile_options(${FENCELAB_SANITIZE_FLAGS})
add_link_options(${FENCELAB_SANITIZE_FLAGS})
message(STATUS "Sanitizers: ${FENCELAB_SANITIZE}")

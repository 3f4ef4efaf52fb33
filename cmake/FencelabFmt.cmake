# fmt::fmt: the packaged library where the target has one, else fmt's headers
# alone (FMT_HEADER_ONLY). The headers are the same for every architecture, so
# a cross build for a target without an fmt package still builds.
find_package(fmt QUIET)
if(NOT fmt_FOUND)
  find_path(FENCELAB_FMT_INCLUDE_DIR fmt/format-inl.h REQUIRED)
  add_library(fmt::fmt INTERFACE IMPORTED)
  set_target_properties(fmt::fmt PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${FENCELAB_FMT_INCLUDE_DIR}"
                                            INTERFACE_COMPILE_DEFINITIONS FMT_HEADER_ONLY=1)
  message(STATUS "fmt: no library for this target; using its headers alone from ${FENCELAB_FMT_INCLUDE_DIR}")
endif()

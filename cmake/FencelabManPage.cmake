# The man page fencelab(1), generated at build time from the executable's own
# help text by help2man, so it cannot drift from --help. Included by the top
# CMakeLists.txt when the executable is built; without help2man (Debian
# package help2man) it says so and leaves the man page out.
find_program(FENCELAB_HELP2MAN help2man)
if(NOT FENCELAB_HELP2MAN)
  message(STATUS "help2man not found: no man page fencelab(1) (apt-get install help2man)")
  return()
endif()

# help2man runs the program by path. A cross build runs it through the
# emulator, so a wrapper named fencelab stands in for it in both cases.
set(wrapper_dir ${PROJECT_BINARY_DIR}/man/bin)
string(REPLACE ";" " " emulator "${CMAKE_CROSSCOMPILING_EMULATOR}")
file(GENERATE OUTPUT ${wrapper_dir}/fencelab
     CONTENT "#!/bin/sh\nexec ${emulator} \"$<TARGET_FILE:fencelab>\" \"$@\"\n"
     FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(FENCELAB_MAN_PAGE ${PROJECT_BINARY_DIR}/man/fencelab.1.gz)
add_custom_command(
  OUTPUT ${FENCELAB_MAN_PAGE}
  COMMAND ${CMAKE_COMMAND} -DFENCELAB=${wrapper_dir}/fencelab -DHELP2MAN=${FENCELAB_HELP2MAN}
          -DOUTPUT=${FENCELAB_MAN_PAGE} -P ${PROJECT_SOURCE_DIR}/cmake/fencelab_man_page.cmake
  DEPENDS fencelab ${PROJECT_SOURCE_DIR}/cmake/fencelab_man_page.cmake
  COMMENT "Generating the man page fencelab(1) with help2man"
  VERBATIM)
add_custom_target(fencelab_man_page ALL DEPENDS ${FENCELAB_MAN_PAGE})
install(FILES ${FENCELAB_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

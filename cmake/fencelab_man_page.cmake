# Writes fencelab.1.gz (cmake -P, at build time; see FencelabManPage.cmake):
#   cmake -DFENCELAB=<program> -DHELP2MAN=<help2man> -DOUTPUT=<path>/fencelab.1.gz -P fencelab_man_page.cmake
# help2man reads `fencelab --help` (synopsis, command list) and `--version`.
# Each command's own options come from `fencelab COMMAND --help`, added
# verbatim as a COMMAND OPTIONS section: the command list is read from the
# top-level help, so a new command appears with no change here.
foreach(var FENCELAB HELP2MAN OUTPUT)
  if(NOT ${var})
    message(FATAL_ERROR "fencelab_man_page.cmake: -D${var}=... is required")
  endif()
endforeach()

function(help_of out)
  execute_process(COMMAND ${FENCELAB} ${ARGN} --help OUTPUT_VARIABLE text RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "fencelab ${ARGN} --help exited with ${rc}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Verbatim roff: backslashes escaped, a leading . or ' made literal.
function(roff_verbatim out text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} ".nf\n${text}.fi\n" PARENT_SCOPE)
endfunction()

help_of(top)
string(REGEX MATCH "\ncommands:\n(  [^\n]*\n)+" listing "${top}")
string(REGEX MATCHALL "\n  [a-z][a-z0-9-]*" commands "${listing}")
if(NOT commands)
  message(FATAL_ERROR "no 'commands:' list in fencelab --help")
endif()

get_filename_component(dir "${OUTPUT}" DIRECTORY)
set(include "[COMMAND OPTIONS]\n")
foreach(command IN LISTS commands)
  string(STRIP "${command}" command)
  help_of(text ${command})
  roff_verbatim(text "${text}")
  string(APPEND include ".SS ${command}\n${text}")
endforeach()
file(WRITE ${dir}/fencelab.h2m "${include}")

execute_process(COMMAND ${HELP2MAN} --no-info --section=1
                        "--name=which memory barriers order memory on this machine, checked against memory models"
                        --include=${dir}/fencelab.h2m --output=${dir}/fencelab.1 ${FENCELAB}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed (${rc})")
endif()
# Debian ships man pages compressed; -n keeps the file's time out of it.
execute_process(COMMAND gzip -9nf ${dir}/fencelab.1 RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip failed (${rc})")
endif()

# `cpack -G DEB` in a build directory: a Debian package of what `cmake --install`
# installs (the executable, the litmus catalogue, the CMake package files and
# the man page). Included by the top CMakeLists.txt after the install rules.
set(CPACK_PACKAGE_NAME fencelab)
set(CPACK_PACKAGE_VENDOR fencelab)
set(CPACK_PACKAGE_CONTACT "fencelab maintainers <maintainers@users.noreply.h-seed-76148a4b.example>"
    CACHE STRING "The .deb's Maintainer field")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "litmus tests for memory barriers on hardware and under memory models")
set(CPACK_PACKAGE_DESCRIPTION
    "fencelab runs herd-style C litmus tests on this machine's CPUs and checks them against the Linux-kernel\n"
    "memory model and Relacy: which barrier pairings (barrier, smp_mb, membarrier) order memory here, and\n"
    "does that agree with the model. Includes a catalogue of classic litmus tests and a CMake package\n"
    "(find_package(fencelab), fencelab_add_litmus_test()) to run litmus tests in a project's ctest.")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # fencelab_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends: the executable's shared libraries, as dpkg-shlibdeps (dpkg-dev) finds them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# fencelab_add_litmus_test() is used from CMake projects.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS cmake)

# A cross build packages for its target, not for the machine that builds it:
# the Architecture field is the target's. dpkg-shlibdeps needs no help: it
# resolves the target's libraries (multiarch, .ci/cross installs them) from
# the executable's ELF header (checked with an arm64 executable).
if(CMAKE_CROSSCOMPILING)
  set(debian_arch_of_aarch64 arm64)
  set(debian_arch_of_riscv64 riscv64)
  set(debian_arch_of_ppc64le ppc64el)
  set(debian_arch_of_x86_64 amd64)
  set(arch "${debian_arch_of_${CMAKE_SYSTEM_PROCESSOR}}")
  if(NOT arch)
    message(FATAL_ERROR "No Debian architecture known for ${CMAKE_SYSTEM_PROCESSOR}")
  endif()
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${arch})
endif()
include(CPack)

# Shared by the per-target toolchain files (set FENCELAB_TRIPLE,
# FENCELAB_PROCESSOR and FENCELAB_QEMU, then include this). Uses Debian's
# cross compilers (g++-<triple>): they search the multiarch directories
# (/usr/include/<triple>, /usr/lib/<triple>) where `apt-get install
# libfoo-dev:<arch>` puts target libraries, so no sysroot is needed. What the
# target has no package for, fencelab falls back on (cmake/FencelabFmt.cmake,
# FencelabGTest.cmake, FENCELAB_CLI=OFF): see .ci/cross.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR ${FENCELAB_PROCESSOR})
set(CMAKE_C_COMPILER ${FENCELAB_TRIPLE}-gcc)
set(CMAKE_CXX_COMPILER ${FENCELAB_TRIPLE}-g++)
set(CMAKE_LIBRARY_ARCHITECTURE ${FENCELAB_TRIPLE})

# ctest runs the target's executables through qemu-user, with the cross libc's
# directory as the root for the dynamic loader. LD_LIBRARY_PATH makes the
# loader take libc from there too: otherwise it finds the multiarch libc6:<arch>
# in /lib/<triple> first, a different build from the cross loader, and the
# mismatch hangs pthread_create (seen with qemu-aarch64: 2.36-8cross1 loader,
# 2.36-9+deb12u14 libc).
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-${FENCELAB_QEMU} -L /usr/${FENCELAB_TRIPLE} -E
                                  LD_LIBRARY_PATH=/usr/${FENCELAB_TRIPLE}/lib)
# List each gtest binary's tests when ctest runs, not after linking, so a
# cross build succeeds on a machine without qemu.
set(CMAKE_GTEST_DISCOVER_TESTS_DISCOVERY_MODE PRE_TEST)

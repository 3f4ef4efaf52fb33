# Cross build for 64-bit little-endian POWER Linux: cmake -S . -B build-ppc64le --toolchain cmake/toolchains/powerpc64le-linux-gnu.cmake
# (or bash .ci/cross ppc64le, which also installs what it needs).
set(FENCELAB_TRIPLE powerpc64le-linux-gnu)
set(FENCELAB_PROCESSOR ppc64le)
set(FENCELAB_QEMU ppc64le)
include(${CMAKE_CURRENT_LIST_DIR}/debian-cross.cmake)

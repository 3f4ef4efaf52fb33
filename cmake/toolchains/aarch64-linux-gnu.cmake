# Cross build for 64-bit Arm Linux: cmake -S . -B build-aarch64 --toolchain cmake/toolchains/aarch64-linux-gnu.cmake
# (or bash .ci/cross aarch64, which also installs what it needs).
set(FENCELAB_TRIPLE aarch64-linux-gnu)
set(FENCELAB_PROCESSOR aarch64)
set(FENCELAB_QEMU aarch64)
include(${CMAKE_CURRENT_LIST_DIR}/debian-cross.cmake)

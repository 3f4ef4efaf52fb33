# Cross build for 64-bit RISC-V Linux: cmake -S . -B build-riscv64 --toolchain cmake/toolchains/riscv64-linux-gnu.cmake
# (or bash .ci/cross riscv64, which also installs what it needs).
set(FENCELAB_TRIPLE riscv64-linux-gnu)
set(FENCELAB_PROCESSOR riscv64)
set(FENCELAB_QEMU riscv64)
include(${CMAKE_CURRENT_LIST_DIR}/debian-cross.cmake)

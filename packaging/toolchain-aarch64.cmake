# Cross-building aula for arm64 (Debian 12, Raspberry Pi OS 12) on amd64,
# against a sysroot folder made by packaging/cross/make-sysroot.sh:
#   cmake -S . -B build-deb-arm64 -DCMAKE_TOOLCHAIN_FILE=packaging/toolchain-aarch64.cmake \
#         -DAULA_SYSROOT=$PWD/build-arm64/sysroot
# (AULA_SYSROOT may also come from the environment; the default is
# build-arm64/sysroot in the source tree.) packaging/build-deb.sh arm64 does
# all of this. ctest runs the test programs under qemu-aarch64.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

if(NOT AULA_SYSROOT)
  if(DEFINED ENV{AULA_SYSROOT})
    set(AULA_SYSROOT "$ENV{AULA_SYSROOT}")
  else()
    get_filename_component(AULA_SYSROOT "${CMAKE_CURRENT_LIST_DIR}/../build-arm64/sysroot" ABSOLUTE)
  endif()
endif()
if(NOT EXISTS "${AULA_SYSROOT}/usr/include/stdio.h")
  message(FATAL_ERROR "No arm64 sysroot in ${AULA_SYSROOT}: run packaging/cross/make-sysroot.sh")
endif()
set(AULA_SYSROOT "${AULA_SYSROOT}" CACHE PATH "arm64 sysroot folder")
# try_compile projects see these too.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES AULA_SYSROOT)

set(CMAKE_SYSROOT "${AULA_SYSROOT}")
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_AR aarch64-linux-gnu-ar CACHE FILEPATH "")
set(CMAKE_RANLIB aarch64-linux-gnu-ranlib CACHE FILEPATH "")
set(CMAKE_STRIP aarch64-linux-gnu-strip CACHE FILEPATH "")
set(CMAKE_OBJDUMP aarch64-linux-gnu-objdump CACHE FILEPATH "")

# Headers and libraries only from the sysroot; programs (zbarimg, sh, ...)
# from the machine.
set(CMAKE_FIND_ROOT_PATH "${AULA_SYSROOT}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config reads the sysroot's .pc files and prefixes their paths with it.
set(ENV{PKG_CONFIG_SYSROOT_DIR} "${AULA_SYSROOT}")
set(ENV{PKG_CONFIG_LIBDIR}
    "${AULA_SYSROOT}/usr/lib/aarch64-linux-gnu/pkgconfig:${AULA_SYSROOT}/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")

# Test programs (and any build-time tool run through add_custom_command)
# run under qemu-user, loading the sysroot's dynamic linker and libraries.
find_program(AULA_QEMU_AARCH64 NAMES qemu-aarch64 qemu-aarch64-static)
if(AULA_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${AULA_QEMU_AARCH64};-L;${AULA_SYSROOT}")
endif()

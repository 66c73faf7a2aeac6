# CPack project config file of a cross build (set by packaging/CMakeLists.txt
# when CMAKE_SYSROOT is set): lets dpkg-shlibdeps compute the Depends line
# from the sysroot. It finds the libraries in the sysroot's library folders
# (-l), and their packages and symbols files in the sysroot's dpkg database
# (made by make-sysroot.sh), whose file lists name the files inside the
# sysroot; DEB_HOST_ARCH makes it use aarch64-linux-gnu-objdump and the
# arm64 entries of the symbols files.
if(CPACK_AULA_SYSROOT AND CPACK_GENERATOR MATCHES "DEB")
  if(NOT EXISTS "${CPACK_AULA_SYSROOT}/var/lib/dpkg/status")
    message(FATAL_ERROR "no dpkg database in ${CPACK_AULA_SYSROOT}: make it with packaging/cross/make-sysroot.sh")
  endif()
  set(ENV{DPKG_ADMINDIR} "${CPACK_AULA_SYSROOT}/var/lib/dpkg")
  set(ENV{DEB_HOST_ARCH} "${CPACK_DEBIAN_PACKAGE_ARCHITECTURE}")
  execute_process(COMMAND dpkg-architecture -a${CPACK_DEBIAN_PACKAGE_ARCHITECTURE} -qDEB_HOST_MULTIARCH
                  OUTPUT_VARIABLE _aula_multiarch OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS
      "${CPACK_AULA_SYSROOT}/usr/lib/${_aula_multiarch}" "${CPACK_AULA_SYSROOT}/lib/${_aula_multiarch}")
endif()

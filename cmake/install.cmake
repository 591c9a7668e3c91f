# Install rules: headers, the cfdo::cfdo target and a relocatable package
# configuration, so that `find_package(cfdo CONFIG REQUIRED)` works.
include(CMakePackageConfigHelpers)

set(cfdo_config_dir "${CMAKE_INSTALL_DATADIR}/cmake/cfdo")

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
if(TARGET cfdo_compiled)
    # Built with CFDO_SEPARATE_COMPILATION: cfdo::cfdo links the compiled
    # entry points, so they are part of the same export set.
    install(TARGETS cfdo cfdo_compiled EXPORT cfdo-targets)
else()
    install(TARGETS cfdo EXPORT cfdo-targets)
endif()
# cfdo::model, which cfdo::cfdo links: the model and the rules alone.
install(TARGETS cfdo_model EXPORT cfdo-targets)
install(EXPORT cfdo-targets NAMESPACE cfdo:: DESTINATION "${cfdo_config_dir}")
# The optional parts, each in its own export set: a consumer asks for them as
# components (find_package(cfdo COMPONENTS curl)), and only then needs what
# they link.
if(TARGET cfdo_curl)
    install(TARGETS cfdo_curl EXPORT cfdo-curl-targets)
    install(EXPORT cfdo-curl-targets NAMESPACE cfdo:: DESTINATION "${cfdo_config_dir}")
endif()

configure_package_config_file(
    "${PROJECT_SOURCE_DIR}/cmake/cfdo-config.cmake.in"
    "${PROJECT_BINARY_DIR}/cfdo-config.cmake"
    INSTALL_DESTINATION "${cfdo_config_dir}")
# Header-only, the package fits any architecture; with the compiled entry
# points, only the one it was built for.
if(TARGET cfdo_compiled)
    set(cfdo_arch_independent "")
else()
    set(cfdo_arch_independent ARCH_INDEPENDENT)
endif()
write_basic_package_version_file(
    "${PROJECT_BINARY_DIR}/cfdo-config-version.cmake"
    COMPATIBILITY SameMinorVersion
    ${cfdo_arch_independent})
install(FILES
    "${PROJECT_BINARY_DIR}/cfdo-config.cmake"
    "${PROJECT_BINARY_DIR}/cfdo-config-version.cmake"
    DESTINATION "${cfdo_config_dir}")

# The Counter version as a library: counter_version.hpp and worker.mjs
# embedded as a raw string literal (so that the whole version — module
# content included — is a constant the compiler checks). The example, the
# Miniflare end-to-end test and the benchmarks use it; included once.
include_guard(GLOBAL)

set(counter_directory "${CMAKE_CURRENT_LIST_DIR}")
set(counter_generated "${CMAKE_BINARY_DIR}/counter_version/generated")
set(worker_source_file "${counter_directory}/worker.mjs")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${worker_source_file}")
file(READ "${worker_source_file}" worker_source)
if(worker_source MATCHES "\\)worker_mjs\"")
    message(FATAL_ERROR "worker.mjs contains the raw string delimiter )worker_mjs\"")
endif()
file(WRITE "${counter_generated}/worker_mjs.hpp"
    "// Generated from examples/counter/worker.mjs by CMake; do not edit.\n"
    "#pragma once\n"
    "#include <string_view>\n"
    "namespace counter_example {\n"
    "inline constexpr std::string_view worker_mjs = R\"worker_mjs(${worker_source})worker_mjs\";\n"
    "}\n")

add_library(cfdo_counter_version INTERFACE)
target_include_directories(cfdo_counter_version INTERFACE "${counter_directory}" "${counter_generated}")
target_link_libraries(cfdo_counter_version INTERFACE cfdo::cfdo)

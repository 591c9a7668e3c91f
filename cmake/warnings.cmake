# Warnings are errors on the project's own targets (tests, examples, tools),
# with GCC and Clang alike. Link `cfdo_warnings` to opt a target in; it is
# never installed, so consumers keep their own flags.
add_library(cfdo_warnings INTERFACE)
target_compile_options(cfdo_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Werror
    -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast -Wnon-virtual-dtor
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
# GCC 12 reports impossible overlaps inside libstdc++'s std::string at -O2 and
# above (GCC bug 105329, fixed in GCC 13): not a finding about cfdo. Only for
# the project's own code (tests, tools, examples): cfdo's headers must not
# need it, and consumer.find_package builds without it. (A plain `if`, not a
# generator expression: the tests that run the compiler themselves read these
# options.)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(cfdo_warnings INTERFACE -Wno-restrict)
endif()

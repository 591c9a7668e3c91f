# Warnings are errors on the project's own targets (tests, examples, tools),
# with GCC and Clang alike. Link `cfdo_warnings` to opt a target in; it is
# never installed, so consumers keep their own flags.
add_library(cfdo_warnings INTERFACE)
target_compile_options(cfdo_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Werror
    -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast -Wnon-virtual-dtor
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)

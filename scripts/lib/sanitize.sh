# The sanitizer build shared by scripts/test and scripts/fuzz; sourced after
# common.sh.
#
# cfdo_sanitize_dir          build/sanitize: Clang 16, Debug, ASan + UBSan
# cfdo_sanitize_configure    configures it (unit tests and fuzz targets only
#                            are built there; see cmake/sanitizers.cmake)
# cfdo_sanitizer_environment exports ASAN_OPTIONS/UBSAN_OPTIONS so that any
#                            report fails the process that made it

cfdo_sanitize_dir="$cfdo_root/build/sanitize"
cfdo_sanitize_packages=(clang-16 libclang-rt-16-dev llvm-16)

cfdo_sanitize_configure() {
    cmake -S "$cfdo_root" -B "$cfdo_sanitize_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_CXX_COMPILER=clang++-16 -DCFDO_SANITIZE=ON \
        -DCFDO_E2E_SDK=OFF -DCFDO_E2E_MINIFLARE=OFF -DCFDO_BUILD_EXAMPLES=OFF >/dev/null
}

cfdo_sanitizer_environment() {
    # halt_on_error/abort_on_error: the first report ends the process with a
    # failure. detect_leaks: LeakSanitizer comes with ASan on Linux and is
    # wanted. No suppressions: Boost.JSON's and Boost.URL's shared libraries
    # are not instrumented, which hides bugs inside them but causes no false
    # reports (libstdc++ does not annotate its containers for ASan unless
    # _GLIBCXX_SANITIZE_VECTOR is defined, so no container-overflow mismatch).
    export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1"
    export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1"
    local symbolizer=/usr/lib/llvm-16/bin/llvm-symbolizer
    if [ -x "$symbolizer" ]; then export ASAN_SYMBOLIZER_PATH="$symbolizer"; fi
}

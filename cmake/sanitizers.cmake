# CFDO_SANITIZE=ON builds every target of the project with AddressSanitizer
# and UndefinedBehaviorSanitizer (Clang only). `-fno-sanitize-recover=all`
# turns every UBSan report into an abort, so a report fails the test that
# triggered it instead of scrolling by. scripts/test builds the unit suite
# this way in build/sanitize; tests/fuzz builds its targets there too.
option(CFDO_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer (Clang)" OFF)

if(CFDO_SANITIZE)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "CFDO_SANITIZE needs Clang (the fuzz targets need its libFuzzer as well)")
    endif()
    set(cfdo_sanitizer_flags
        -fsanitize=address,undefined
        -fno-sanitize-recover=all
        # Readable stacks in reports, also from optimized fuzz targets.
        -fno-omit-frame-pointer)
    add_compile_options(${cfdo_sanitizer_flags})
    add_link_options(${cfdo_sanitizer_flags})
endif()

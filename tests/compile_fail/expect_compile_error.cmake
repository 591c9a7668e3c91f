# Compiles one compile-fail case, or the positive twins of several, and
# checks the result.
#
#   cmake -D COMPILER=<c++> -D SOURCE=<file> -D CASES=<name>[,<name>...] -D MODE=fail|twins
#         -D EXPECT=<regex> -D FLAGS=<flag;flag> [-D PRECOMPILED=<header>]
#         -P expect_compile_error.cmake
#
# MODE=fail passes only when compilation fails *and* EXPECT matches the first
# lines of the output (below): a typo, a missing include, any other unrelated
# error, or the expected text only after a screenful of context fails the
# test. MODE=twins passes only when the cases, each with its omitted piece put
# back, compile cleanly together (each case is in a namespace of its own).
cmake_minimum_required(VERSION 3.25)
string(REPLACE "," ";" CASES "${CASES}")
set(definitions "")
foreach(case IN LISTS CASES)
    list(APPEND definitions "-DCFDO_CASE_${case}")
endforeach()
if(MODE STREQUAL "twins")
    list(APPEND definitions -DCFDO_TWIN)
endif()
# The source's opening includes, read precompiled (CMakeLists.txt).
if(PRECOMPILED)
    set(precompiled_include -include "${PRECOMPILED}")
endif()

# The C locale makes GCC quote with ASCII apostrophes.
execute_process(
    COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C
            "${COMPILER}" ${FLAGS} ${precompiled_include} -fsyntax-only ${definitions} "${SOURCE}"
    RESULT_VARIABLE exit_code
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)

list(LENGTH CASES count)
if(MODE STREQUAL "twins")
    if(NOT exit_code EQUAL 0)
        message(FATAL_ERROR "a positive twin of ${SOURCE} does not compile (its namespace is its case):\n${output}")
    endif()
    message(STATUS "the ${count} positive twins of ${SOURCE} compile")
    return()
endif()

if(exit_code EQUAL 0)
    message(FATAL_ERROR "'${CASES}' compiled, but it must not")
endif()
# The first lines: the compiler's diagnostic lines (those starting with a
# file:line:column, and GCC's "In instantiation of" headers; not the quoted
# source, the carets, nor the include chain) from the first one to the first
# error, which must come within `lines_to_first_error` of them, and the
# `notes_after` lines after it, short of a second error. That holds GCC's
# context before its first error (In instantiation of ..., required from
# ...), the error, and the notes under it that name the culprit (GCC's "...
# evaluates to false", Clang's first "in instantiation of"); a first error
# buried under a screenful of "in 'constexpr' expansion of" is not there.
# (Walked with string(FIND), not as a CMake list, which a `;` or an
# unmatched `[` in the output would split wrongly.)
set(lines_to_first_error 8)
set(notes_after 2)
set(rest "${output}\n")
set(first_error "")
set(kept 0)
set(after_error -1)
while(kept LESS lines_to_first_error AND after_error LESS notes_after)
    string(FIND "${rest}" "\n" end_of_line)
    if(end_of_line EQUAL -1)
        break()
    endif()
    string(SUBSTRING "${rest}" 0 ${end_of_line} line)
    math(EXPR next_line "${end_of_line} + 1")
    string(SUBSTRING "${rest}" ${next_line} -1 rest)
    if(NOT line MATCHES "^[^ ][^:]*:[0-9]+:[0-9]+: " AND NOT line MATCHES "^[^ ][^:]*: In instantiation of ")
        continue()
    endif()
    if(after_error GREATER_EQUAL 0)
        if(line MATCHES ": error: ")
            break()
        endif()
        math(EXPR after_error "${after_error} + 1")
    else()
        math(EXPR kept "${kept} + 1")
        if(line MATCHES ": error: ")
            set(after_error 0)
        endif()
    endif()
    string(APPEND first_error "${line} ")
endwhile()
if(NOT first_error MATCHES "${EXPECT}")
    message(FATAL_ERROR
        "'${CASES}' failed to compile, but its first lines do not match\n"
        "  expected: ${EXPECT}\n"
        "  first lines: ${first_error}\n"
        "full output:\n${output}")
endif()
message(STATUS "'${CASES}' fails with: ${first_error}")

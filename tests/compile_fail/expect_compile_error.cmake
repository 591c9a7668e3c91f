# Compiles one compile-fail case (or its positive twin) and checks the result.
#
#   cmake -D COMPILER=<c++> -D SOURCE=<file> -D CASE=<name> -D MODE=fail|twin
#         -D EXPECT=<regex> -D FLAGS=<flag;flag> -P expect_compile_error.cmake
#
# MODE=fail passes only when compilation fails *and* the first diagnostic
# (the first error and its notes) matches EXPECT: a typo, a missing include or
# any other unrelated error fails the test. MODE=twin passes only when the same case,
# with the omitted piece put back, compiles cleanly.
cmake_minimum_required(VERSION 3.25)
if(MODE STREQUAL "twin")
    set(mode_definition -DCFDO_TWIN)
endif()

# The C locale makes GCC quote with ASCII apostrophes.
execute_process(
    COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C
            "${COMPILER}" ${FLAGS} -fsyntax-only "-DCFDO_CASE_${CASE}" ${mode_definition} "${SOURCE}"
    RESULT_VARIABLE exit_code
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)

if(MODE STREQUAL "twin")
    if(NOT exit_code EQUAL 0)
        message(FATAL_ERROR "the positive twin of '${CASE}' does not compile:\n${output}")
    endif()
    message(STATUS "the positive twin of '${CASE}' compiles")
    return()
endif()

if(exit_code EQUAL 0)
    message(FATAL_ERROR "'${CASE}' compiled, but it must not")
endif()
# The first diagnostic: the first line reporting an error and the notes that
# follow it, up to the next error. (GCC names the culprit on the error line;
# Clang sometimes on the first note below it.)
string(FIND "${output}" "error:" error_at)
string(SUBSTRING "${output}" ${error_at} -1 from_first_error)
string(FIND "${from_first_error}" "\n" end_of_line)
string(SUBSTRING "${from_first_error}" ${end_of_line} -1 after_first_line)
string(FIND "${after_first_line}" "error:" next_error_at)
if(next_error_at EQUAL -1)
    set(first_error "${from_first_error}")
else()
    math(EXPR first_error_length "${end_of_line} + ${next_error_at}")
    string(SUBSTRING "${from_first_error}" 0 ${first_error_length} first_error)
endif()
string(REPLACE "\n" " " first_error "${first_error}")
if(NOT first_error MATCHES "${EXPECT}")
    message(FATAL_ERROR
        "'${CASE}' failed to compile, but its first error does not match\n"
        "  expected: ${EXPECT}\n"
        "  first error: ${first_error}\n"
        "full output:\n${output}")
endif()
message(STATUS "'${CASE}' fails with: ${first_error}")

# Runs a program and compares its standard output with a golden file.
#   cmake -D PROGRAM=<exe> -D GOLDEN=<file> [-D ARGS=<a;b>] -P compare_output.cmake
# Set UPDATE_GOLDEN=1 in the environment to rewrite the golden file instead.
cmake_minimum_required(VERSION 3.25)
execute_process(
    COMMAND "${PROGRAM}" ${ARGS}
    RESULT_VARIABLE exit_code
    OUTPUT_VARIABLE actual
    ERROR_VARIABLE errors)
if(NOT exit_code EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} exited with ${exit_code}\n${errors}")
endif()
if("$ENV{UPDATE_GOLDEN}" STREQUAL "1")
    file(WRITE "${GOLDEN}" "${actual}")
    message(STATUS "rewrote ${GOLDEN}")
    return()
endif()
file(READ "${GOLDEN}" expected)
if(NOT actual STREQUAL expected)
    get_filename_component(name "${GOLDEN}" NAME)
    set(actual_file "${CMAKE_CURRENT_BINARY_DIR}/${name}.actual")
    file(WRITE "${actual_file}" "${actual}")
    execute_process(COMMAND diff -u "${GOLDEN}" "${actual_file}" OUTPUT_VARIABLE difference)
    message(FATAL_ERROR "output differs from ${GOLDEN}:\n${difference}")
endif()

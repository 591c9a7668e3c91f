# Runs the cfdo tool on one fixture and compares what it prints and its exit
# status with the case's golden file.
#
#   cmake -D CFDO=<cfdo> -D FIXTURE=<cases/name.toml> -P run_case.cmake
#
# The command line comes from cases/name.args (default: `check`), the
# fixture's path appended. The golden file cases/name.expected holds standard
# output, then standard error, then the exit status, with the fixture's file
# name written as FILE: the TOML, JSON and JSONC spellings of a case share it,
# so they must give the same verdict. Set UPDATE_GOLDEN=1 in the environment
# to rewrite it.
cmake_minimum_required(VERSION 3.25)
get_filename_component(directory "${FIXTURE}" DIRECTORY)
get_filename_component(file_name "${FIXTURE}" NAME)
string(REGEX REPLACE "\\.[a-z]+$" "" case "${file_name}")
set(arguments check)
if(EXISTS "${directory}/${case}.args")
    file(READ "${directory}/${case}.args" arguments)
    string(STRIP "${arguments}" arguments)
    separate_arguments(arguments UNIX_COMMAND "${arguments}")
endif()
execute_process(
    COMMAND "${CFDO}" ${arguments} "${file_name}"
    WORKING_DIRECTORY "${directory}"
    RESULT_VARIABLE status
    OUTPUT_VARIABLE output
    ERROR_VARIABLE errors)
string(REPLACE "${file_name}" "FILE" output "${output}")
string(REPLACE "${file_name}" "FILE" errors "${errors}")
set(actual "${output}--- standard error\n${errors}--- exit status ${status}\n")

set(golden "${directory}/${case}.expected")
if("$ENV{UPDATE_GOLDEN}" STREQUAL "1")
    file(WRITE "${golden}" "${actual}")
    message(STATUS "rewrote ${golden}")
    return()
endif()
if(NOT EXISTS "${golden}")
    message(FATAL_ERROR "no golden file ${golden} (run with UPDATE_GOLDEN=1 to write it, then review it)")
endif()
file(READ "${golden}" expected)
if(NOT actual STREQUAL expected)
    string(MD5 actual_id "${FIXTURE}")
    set(actual_file "${CMAKE_CURRENT_BINARY_DIR}/${file_name}.${actual_id}.actual")
    file(WRITE "${actual_file}" "${actual}")
    execute_process(COMMAND diff -u "${golden}" "${actual_file}" OUTPUT_VARIABLE difference)
    message(FATAL_ERROR "cfdo ${arguments} ${file_name}: output differs from ${golden}:\n${difference}")
endif()

# Keeps docs/diagnostics.md true: compiles each mistake of
# tests/docs/diagnostics/*.cpp with this build's compiler and checks that the
# document shows the same source and, for this compiler, the same first lines
# of the compiler's output. Set UPDATE_DOCS=1 to rewrite those blocks instead.
#
#   cmake -D COMPILER=<c++> -D COMPILER_NAME=<GCC|Clang> -D FLAGS=<flags>
#         -D DOCUMENT=<docs/diagnostics.md> -D CASES=<dir> -P check_diagnostics.cmake
#
# The output is reduced to the diagnostic lines (error, note, "In instantiation
# of"), with directories and line:column numbers removed, so that it does not
# change with the machine or with unrelated edits of the headers.
cmake_minimum_required(VERSION 3.25)

file(READ "${DOCUMENT}" document)
set(updated "${document}")
file(GLOB cases "${CASES}/*.cpp")
list(SORT cases)
set(stale "")

# Replaces (or checks) the fenced block after the marker `<!-- ${marker} -->`.
function(check_block marker language expected)
    set(begin "<!-- ${marker} -->\n```${language}\n")
    string(FIND "${updated}" "${begin}" at)
    if(at EQUAL -1)
        set(stale "${stale}\n  no block marked '<!-- ${marker} -->'" PARENT_SCOPE)
        return()
    endif()
    string(LENGTH "${begin}" begin_length)
    math(EXPR content_at "${at} + ${begin_length}")
    string(SUBSTRING "${updated}" ${content_at} -1 rest)
    string(FIND "${rest}" "```\n" end)
    string(SUBSTRING "${rest}" 0 ${end} shown)
    if(NOT shown STREQUAL expected)
        set(stale "${stale}\n  block '${marker}' differs; expected:\n${expected}" PARENT_SCOPE)
        string(SUBSTRING "${updated}" 0 ${content_at} before)
        string(SUBSTRING "${rest}" ${end} -1 after)
        set(updated "${before}${expected}${after}" PARENT_SCOPE)
    endif()
endfunction()

foreach(case_file IN LISTS cases)
    get_filename_component(case "${case_file}" NAME_WE)
    file(READ "${case_file}" source)
    check_block("source: ${case}" "cpp" "${source}")

    execute_process(
        COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C "${COMPILER}" ${FLAGS} -fsyntax-only "${case_file}"
        RESULT_VARIABLE exit_code OUTPUT_VARIABLE output ERROR_VARIABLE output)
    if(exit_code EQUAL 0)
        message(FATAL_ERROR "${case} compiled, but it is a mistake the document shows failing")
    endif()
    string(REPLACE ";" "\\;" output "${output}")
    string(REPLACE "\n" ";" lines "${output}")
    set(reduced "")
    foreach(line IN LISTS lines)
        if(NOT line MATCHES "(: error: |: note: |In instantiation of)")
            continue()
        endif()
        string(REGEX REPLACE "[^ :'\"]*/([^/ :'\"]+\\.(cpp|hpp))" "\\1" line "${line}")
        string(REGEX REPLACE "\\.(cpp|hpp):[0-9]+:[0-9]+:" ".\\1:" line "${line}")
        string(APPEND reduced "${line}\n")
    endforeach()
    check_block("${COMPILER_NAME} output: ${case}" "text" "${reduced}")
endforeach()

if(NOT stale STREQUAL "")
    if("$ENV{UPDATE_DOCS}" STREQUAL "1")
        file(WRITE "${DOCUMENT}" "${updated}")
        message(STATUS "rewrote ${DOCUMENT}")
    else()
        message(FATAL_ERROR "${DOCUMENT} is out of date (run with UPDATE_DOCS=1 to rewrite it):${stale}")
    endif()
endif()

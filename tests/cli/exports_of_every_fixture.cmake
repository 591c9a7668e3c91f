# `cfdo exports` on the migration history of every fixture of cases/ that
# has one and checks clean on a first deploy: the map it prints must be
# proven (exit 0) — the configuration with the map in place of its
# migrations checks clean on the Worker they leave deployed — unless a
# class received by a transfer needs the deployed state (exit 1, which says
# so). A fixture without migrations, or already declaring its Durable
# Objects in exports, is not converted.
#
#   cmake -D CFDO=<cfdo> -D CASES=<cases dir> -P exports_of_every_fixture.cmake
cmake_minimum_required(VERSION 3.25)
file(GLOB fixtures "${CASES}/*.json" "${CASES}/*.toml")
set(converted 0)
set(failures "")
foreach(fixture IN LISTS fixtures)
    file(READ "${fixture}" text)
    if(NOT text MATCHES "migrations" OR text MATCHES "\"?durable-object\"?")
        continue()
    endif()
    execute_process(COMMAND "${CFDO}" check --first-deploy "${fixture}" WORKING_DIRECTORY "${CASES}"
        RESULT_VARIABLE checked OUTPUT_QUIET ERROR_QUIET TIMEOUT 60)
    if(NOT checked EQUAL 0)
        continue()
    endif()
    execute_process(COMMAND "${CFDO}" exports --first-deploy "${fixture}" WORKING_DIRECTORY "${CASES}"
        RESULT_VARIABLE status OUTPUT_VARIABLE map ERROR_VARIABLE errors TIMEOUT 60)
    if(status EQUAL 1 AND errors MATCHES "received by a transfer")
        continue()
    endif()
    if(NOT status EQUAL 0)
        string(APPEND failures "\n  ${fixture}: exit status ${status}\n${errors}")
        continue()
    endif()
    if(NOT map MATCHES "^{")
        string(APPEND failures "\n  ${fixture}: no map printed:\n${map}")
        continue()
    endif()
    math(EXPR converted "${converted} + 1")
endforeach()
if(failures)
    message(FATAL_ERROR "cfdo exports did not prove its map:${failures}")
endif()
if(converted LESS 10)
    message(FATAL_ERROR "only ${converted} fixtures were converted: the selection is broken")
endif()
message(STATUS "cfdo exports proved the map of ${converted} fixtures")

# Fails when a rule about an input file's shape (`config-*` and `params-*` in
# the catalogue) appears in no golden file of cases/: each must be shown to
# fire.
#
#   cmake -D CATALOGUE=<catalogue.hpp> -D CASES=<cases dir> -P every_config_rule_has_a_fixture.cmake
cmake_minimum_required(VERSION 3.25)
include("${CMAKE_CURRENT_LIST_DIR}/../cmake/catalogue_rules.cmake")
cfdo_catalogue_rules("${CATALOGUE}" config_rules ONLY_PREFIX "(config|params)-")
file(GLOB goldens "${CASES}/*.expected")
set(all_output "")
foreach(golden IN LISTS goldens)
    file(READ "${golden}" output)
    string(APPEND all_output "${output}")
endforeach()
set(missing "")
foreach(rule IN LISTS config_rules)
    string(FIND "${all_output}" "[${rule}]" at)
    if(at EQUAL -1)
        list(APPEND missing "${rule}")
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "configuration rules no fixture of ${CASES} shows: ${missing}")
endif()
list(LENGTH config_rules count)
message(STATUS "all ${count} configuration rules have a fixture")

# Fails when an error rule of the catalogue has no compile-fail case: every
# rule id `a-b-c` of severity error needs a case named `a_b_c` (or starting
# with `a_b_c_`) registered from rules.cpp in this folder's CMakeLists.txt.
# The `config-*` and `params-*` rules, about the shape of an input file (a
# configuration, a request file), have no compile-time form (the typed model
# cannot have a wrong shape): tests/cli has a fixture for each instead.
#
#   cmake -D CATALOGUE=<catalogue.hpp> -D CASES=<CMakeLists.txt> -P every_error_rule_has_a_case.cmake
cmake_minimum_required(VERSION 3.25)
include("${CMAKE_CURRENT_LIST_DIR}/../cmake/catalogue_rules.cmake")
cfdo_catalogue_rules("${CATALOGUE}" error_rules SEVERITY error EXCLUDE_PREFIX "(config|params)-")
file(READ "${CASES}" cases)
set(missing "")
foreach(rule IN LISTS error_rules)
    string(REPLACE "-" "_" case "${rule}")
    if(NOT cases MATCHES "cfdo_compile_fail\\(rules\\.cpp ${case}[ _]")
        list(APPEND missing "${rule}")
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "error rules without a compile-fail case in rules.cpp: ${missing}")
endif()
list(LENGTH error_rules count)
message(STATUS "all ${count} error rules have a compile-fail case")

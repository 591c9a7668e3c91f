# Reading the rule catalogue (include/cfdo/rules/catalogue.hpp) from the CMake
# scripts that check it is covered: by compile-fail cases, CLI fixtures and
# docs/rules.md.
#
#   cfdo_catalogue_rules(<catalogue.hpp> <out-var> [SEVERITY error|warning|info]
#                        [ONLY_PREFIX <regex>] [EXCLUDE_PREFIX <regex>])
#
# sets <out-var> to the rule ids, in catalogue order, and
# catalogue_level_<id> to each one's severity; fails when an entry cannot be
# read or no rule is left.
function(cfdo_catalogue_rules catalogue out)
    cmake_parse_arguments(PARSE_ARGV 2 select "" "SEVERITY;ONLY_PREFIX;EXCLUDE_PREFIX" "")
    # An entry's id and severity may be on one line or, as clang-format
    # breaks a long entry, on two.
    file(READ "${catalogue}" text)
    string(REGEX MATCHALL "rule_info\\{\"" starts "${text}")
    string(REGEX MATCHALL "rule_info\\{\"[a-z0-9-]+\",[ \n]*severity::[a-z]+" entries "${text}")
    list(LENGTH starts start_count)
    list(LENGTH entries entry_count)
    if(NOT start_count EQUAL entry_count)
        message(FATAL_ERROR "cannot read the id and severity of every catalogue entry: "
                            "${entry_count} of ${start_count} read")
    endif()
    set(ids "")
    foreach(entry IN LISTS entries)
        if(NOT entry MATCHES "rule_info\\{\"([a-z0-9-]+)\",[ \n]*severity::(error|warning|info)$")
            message(FATAL_ERROR "cannot read the id and severity of this catalogue entry:\n  ${entry}")
        endif()
        set(id "${CMAKE_MATCH_1}")
        set(level "${CMAKE_MATCH_2}")
        if(select_SEVERITY AND NOT level STREQUAL select_SEVERITY)
            continue()
        endif()
        if(select_ONLY_PREFIX AND NOT id MATCHES "^${select_ONLY_PREFIX}")
            continue()
        endif()
        if(select_EXCLUDE_PREFIX AND id MATCHES "^${select_EXCLUDE_PREFIX}")
            continue()
        endif()
        list(APPEND ids "${id}")
        set("catalogue_level_${id}" "${level}" PARENT_SCOPE)
    endforeach()
    if(NOT ids)
        message(FATAL_ERROR "no rule selected from ${catalogue} (${ARGN})")
    endif()
    set("${out}" "${ids}" PARENT_SCOPE)
endfunction()

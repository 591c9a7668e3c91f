# docs/rules.md documents exactly the rules of the catalogue: every id of
# include/cfdo/rules/catalogue.hpp has one section headed
#   ### `<rule-id>` — error|warning|info
# with the catalogue's severity, and no such section names an id the
# catalogue lacks.
#
#   cmake -D CATALOGUE=<catalogue.hpp> -D DOCUMENT=<rules.md> -P rules_documented.cmake
cmake_minimum_required(VERSION 3.25)

# The catalogue: rule_info{"<id>", severity::<level>, ...
include("${CMAKE_CURRENT_LIST_DIR}/../cmake/catalogue_rules.cmake")
cfdo_catalogue_rules("${CATALOGUE}" catalogue_ids)
list(LENGTH catalogue_ids catalogue_count)

# The document: every heading that starts like a rule section must be one.
file(STRINGS "${DOCUMENT}" heading_lines ENCODING UTF-8 REGEX "^#+ *`")
set(problems "")
set(documented_ids "")
foreach(line IN LISTS heading_lines)
    if(NOT line MATCHES "^### `([a-z0-9-]+)` — (error|warning|info)$")
        string(APPEND problems "\n  a heading that is not of the form \"### `rule-id` — error|warning|info\": ${line}")
        continue()
    endif()
    set(id "${CMAKE_MATCH_1}")
    set(level "${CMAKE_MATCH_2}")
    if(id IN_LIST documented_ids)
        string(APPEND problems "\n  `${id}` has two sections")
    endif()
    list(APPEND documented_ids "${id}")
    if(NOT id IN_LIST catalogue_ids)
        string(APPEND problems "\n  `${id}` has a section but is not in the catalogue")
    elseif(NOT level STREQUAL catalogue_level_${id})
        string(APPEND problems "\n  `${id}` is documented as ${level}, the catalogue says ${catalogue_level_${id}}")
    endif()
endforeach()
foreach(id IN LISTS catalogue_ids)
    if(NOT id IN_LIST documented_ids)
        string(APPEND problems "\n  `${id}` (${catalogue_level_${id}}) has no \"### `${id}` — ${catalogue_level_${id}}\" section")
    endif()
endforeach()

if(problems)
    message(FATAL_ERROR "${DOCUMENT} does not match ${CATALOGUE}:${problems}")
endif()
message(STATUS "the ${catalogue_count} rules of the catalogue are documented, and nothing else")

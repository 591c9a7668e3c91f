# Fails when a header of include/cfdo includes one from a higher layer. The
# layers, from the bottom:
#
#   support   bytes and text: base64, UTF-8, JSON syntax, expected (no Boost)
#   model     the vocabulary, the configuration types, the operations and
#             what they answer, the deployed state: data
#   json      the model to and from JSON
#   rules     the catalogue and the checks
#   api       requests, responses, pagination over a transport of the user's
#   transport optional transports (their own CMake targets), beside wrangler
#   wrangler  wrangler configurations read and checked
#
# cfdo.hpp (at the top of include/) and cfdo/src.hpp may include anything.
# cfdo/config.hpp is below them all and includes no cfdo header. A header may
# include its own layer and those below; the two side by side on top of api
# may not include each other.
#
# Every other header includes a cfdo header first, before any other: so each
# reaches config.hpp, and its #error for a compiler or a standard cfdo does
# not support, before any code (the leaves of the include graph include
# config.hpp itself).
#
#   cmake -D INCLUDE_DIR=<include> -P layers.cmake
cmake_minimum_required(VERSION 3.25)
set(rank_support 0)
set(rank_model 1)
set(rank_json 2)
set(rank_rules 3)
set(rank_api 4)
set(rank_transport 5)
set(rank_wrangler 5)

file(GLOB_RECURSE headers RELATIVE "${INCLUDE_DIR}/cfdo" "${INCLUDE_DIR}/cfdo/*.hpp")
set(violations "")
set(checked 0)
foreach(header IN LISTS headers)
    file(STRINGS "${INCLUDE_DIR}/cfdo/${header}" includes REGEX "^#include <cfdo")
    if(header STREQUAL "config.hpp")
        if(includes)
            list(APPEND violations "cfdo/config.hpp: includes ${includes} (it is below every layer)")
        endif()
        math(EXPR checked "${checked} + 1")
        continue()
    elseif(header STREQUAL "src.hpp")
        continue()
    endif()
    string(REGEX MATCH "^[a-z_]+/" layer "${header}")
    string(REGEX REPLACE "/$" "" layer "${layer}")
    if(NOT DEFINED rank_${layer})
        list(APPEND violations "cfdo/${header}: in no layer (add its folder to tests/cmake/layers.cmake)")
        continue()
    endif()
    file(STRINGS "${INCLUDE_DIR}/cfdo/${header}" first_include REGEX "^#include " LIMIT_COUNT 1)
    if(NOT first_include MATCHES "^#include <cfdo/")
        list(APPEND violations "cfdo/${header}: its first #include is not a cfdo header (include <cfdo/config.hpp> first)")
    endif()
    foreach(line IN LISTS includes)
        if(line MATCHES "^#include <cfdo/config.hpp>")
            continue()
        elseif(NOT line MATCHES "^#include <cfdo/([a-z_]+)/")
            list(APPEND violations "cfdo/${header}: ${line} (only cfdo.hpp and src.hpp include the umbrella)")
            continue()
        endif()
        set(included "${CMAKE_MATCH_1}")
        if(NOT DEFINED rank_${included})
            list(APPEND violations "cfdo/${header}: ${line} (no such layer)")
        elseif(rank_${included} GREATER rank_${layer}
               OR (rank_${included} EQUAL rank_${layer} AND NOT included STREQUAL layer))
            list(APPEND violations "cfdo/${header} (${layer}): ${line} is from layer ${included}")
        endif()
    endforeach()
    math(EXPR checked "${checked} + 1")
endforeach()
if(violations)
    list(JOIN violations "\n  " listed)
    message(FATAL_ERROR "headers out of their layer:\n  ${listed}")
endif()
message(STATUS "${checked} headers include only their own layer and those below")

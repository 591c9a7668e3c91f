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
# cfdo.hpp and src.hpp, at the top of include/, may include anything. A
# header may include its own layer and those below; the two side by side on
# top of api may not include each other.
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
    string(REGEX MATCH "^[a-z_]+" layer "${header}")
    if(NOT DEFINED rank_${layer})
        list(APPEND violations "cfdo/${header}: in no layer (add its folder to tests/cmake/layers.cmake)")
        continue()
    endif()
    file(STRINGS "${INCLUDE_DIR}/cfdo/${header}" includes REGEX "^#include <cfdo")
    foreach(line IN LISTS includes)
        if(NOT line MATCHES "^#include <cfdo/([a-z_]+)/")
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
    message(FATAL_ERROR "headers that include a higher layer:\n  ${listed}")
endif()
message(STATUS "${checked} headers include only their own layer and those below")

# Writes the params of every case of tests/e2e/sdk/cases.json to its own file
# in OUTPUT_DIR: the seed corpus of the sdk_params fuzz target.
#   cmake -DCASES=.../cases.json -DOUTPUT_DIR=... -P sdk_params_seeds.cmake
file(READ "${CASES}" cases)
string(JSON count LENGTH "${cases}")
file(MAKE_DIRECTORY "${OUTPUT_DIR}")
math(EXPR last "${count} - 1")
foreach(index RANGE ${last})
    string(JSON name GET "${cases}" ${index} name)
    string(JSON params GET "${cases}" ${index} params)
    file(WRITE "${OUTPUT_DIR}/${name}.json" "${params}")
endforeach()

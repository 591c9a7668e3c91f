# Hostile and broken inputs for the cfdo tool: each must end with the
# expected exit status (1: rule violations, 2: unusable input) and a message,
# never with a crash, a hang or an uncaught exception.
#
#   cmake -D CFDO=<cfdo> -D WORK_DIR=<scratch dir> -P hostile_inputs.cmake
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(failures "")
# CMake strings have no \x escapes: the raw bytes these inputs need.
string(ASCII 27 escape)
string(ASCII 1 control_a)
string(ASCII 127 delete)
string(ASCII 233 latin1_e_acute)

# expect(STATUS NAME ARGS...): runs `cfdo ARGS...` in WORK_DIR.
function(expect status name)
    execute_process(
        COMMAND "${CFDO}" ${ARGN}
        WORKING_DIRECTORY "${WORK_DIR}"
        RESULT_VARIABLE actual_status
        OUTPUT_VARIABLE output
        ERROR_VARIABLE errors
        TIMEOUT 60)
    string(LENGTH "${output}${errors}" said)
    set(problem "")
    if(NOT "${actual_status}" STREQUAL "${status}")
        set(problem "exit status ${actual_status}, expected ${status}")
    elseif(said EQUAL 0 AND NOT status EQUAL 0)
        set(problem "no message")
    elseif(errors MATCHES "internal error")
        set(problem "an internal error")
    elseif("${output}${errors}" MATCHES "${escape}")
        set(problem "a raw escape character in the output")
    endif()
    if(problem)
        string(SUBSTRING "${errors}" 0 400 errors_start)
        list(APPEND failures "${name}: ${problem}\n  ${errors_start}")
        set(failures "${failures}" PARENT_SCOPE)
    else()
        string(SUBSTRING "${output}${errors}" 0 160 said_start)
        string(REPLACE "\n" " " said_start "${said_start}")
        message(STATUS "${name}: exit ${actual_status}: ${said_start}")
    endif()
endfunction()

set(counter_binding [=["durable_objects": {"bindings": [{"name": "COUNTER", "class_name": "Counter"}]}]=])

# Not a file, not a configuration.
expect(2 "missing file" check does-not-exist.toml)
expect(2 "a directory" check .)
expect(2 "no file operand" check)
expect(2 "unknown command" deploy wrangler.toml)
file(WRITE "${WORK_DIR}/empty.json" "")
expect(2 "empty JSON" check empty.json)
file(WRITE "${WORK_DIR}/garbage.toml" "${delete}ELF${control_a} binary = = ]]")
expect(2 "binary garbage as TOML" check garbage.toml)
file(WRITE "${WORK_DIR}/number.json" "42")
expect(2 "a number, not a configuration" check number.json)

# Hostile sizes.
string(REPEAT "a" 5000000 long_name)
file(WRITE "${WORK_DIR}/long-name.json"
    "{\"name\": \"${long_name}\", \"durable_objects\": {\"bindings\": [{\"name\": \"${long_name}\", \"class_name\": \"${long_name}\"}]}, \"migrations\": [{\"tag\": \"v1\", \"new_sqlite_classes\": [\"C\"]}]}")
expect(1 "a 5 MB name" check --first-deploy long-name.json)
file(WRITE "${WORK_DIR}/long-name.toml" "name = \"${long_name}\"\n")
expect(0 "a 5 MB Worker name in TOML" check long-name.toml)
unset(long_name)

# 200 000 distinct names, built as 200 prefixes of 1000 (a CMake loop of
# 200 000 iterations takes longer than the test itself).
set(block "")
foreach(i RANGE 1 1000)
    string(APPEND block "\"C@${i}\",")
endforeach()
set(classes "")
foreach(prefix RANGE 1 200)
    string(REPLACE "@" "${prefix}_" prefixed "${block}")
    string(APPEND classes "${prefixed}")
endforeach()
string(APPEND classes "\"Counter\"")
file(WRITE "${WORK_DIR}/many-classes.json"
    "{${counter_binding}, \"migrations\": [{\"tag\": \"v1\", \"new_sqlite_classes\": [${classes}]}, {\"tag\": \"v2\", \"new_classes\": [${classes}]}]}")
expect(1 "200 000 classes created twice" check many-classes.json)
file(WRITE "${WORK_DIR}/many-classes.toml"
    "[[durable_objects.bindings]]\nname = \"COUNTER\"\nclass_name = \"Counter\"\n[[migrations]]\ntag = \"v1\"\nnew_sqlite_classes = [${classes}]\n")
expect(0 "200 000 classes in TOML" check many-classes.toml)
unset(classes)

# 200 000 exports entries, each naming its own container, and the 200 000
# Durable Object-managed containers that take their classes from them: the
# reader and its container links, which one malformed entry keeps the version
# rules from seeing.
set(block "")
foreach(i RANGE 1 1000)
    string(APPEND block "\"C@${i}\": {\"type\": \"durable-object\", \"storage\": \"sqlite\", \"container\": \"c@${i}\"},")
endforeach()
set(entries "")
foreach(prefix RANGE 1 200)
    string(REPLACE "@" "${prefix}_" prefixed "${block}")
    string(APPEND entries "${prefixed}")
endforeach()
string(APPEND entries "\"Counter\": {\"type\": \"durable-object\", \"state\": \"live\"}")
set(block "")
foreach(i RANGE 1 1000)
    string(APPEND block "{\"name\": \"c@${i}\", \"scheduling_policy\": \"durable_object\"},")
endforeach()
set(containers "")
foreach(prefix RANGE 1 200)
    string(REPLACE "@" "${prefix}_" prefixed "${block}")
    string(APPEND containers "${prefixed}")
endforeach()
string(APPEND containers "{\"name\": \"unused\", \"class_name\": \"Counter\"}")
file(WRITE "${WORK_DIR}/many-exports.json"
    "{\"name\": \"many\", \"containers\": [${containers}], \"exports\": {${entries}}}")
expect(1 "200 000 exports naming 200 000 containers" check many-exports.json)
unset(entries)
unset(containers)

string(REPEAT "[" 200000 deep_arrays)
file(WRITE "${WORK_DIR}/deep.json" "{\"vars\": {\"X\": ${deep_arrays}")
expect(2 "200 000-deep JSON" check deep.json)
file(WRITE "${WORK_DIR}/deep.toml" "x = ${deep_arrays}\n")
expect(2 "200 000-deep TOML arrays" check deep.toml)
string(REPEAT "a." 200000 deep_key)
file(WRITE "${WORK_DIR}/deep-key.toml" "[${deep_key}b]\nx = 1\n")
expect(2 "a 200 000-part TOML table name" check deep-key.toml)
file(WRITE "${WORK_DIR}/deep-request.json" "{\"operation\": \"durableObjects.namespaces.list\", \"params\": ${deep_arrays}")
expect(2 "200 000-deep request file" request deep-request.json)
unset(deep_arrays)

# Encodings and control characters.
file(WRITE "${WORK_DIR}/invalid-utf8.json" "{\"name\": \"caf${latin1_e_acute}\"}")
expect(2 "invalid UTF-8 in JSON" check invalid-utf8.json)
file(WRITE "${WORK_DIR}/invalid-utf8.toml" "name = \"caf${latin1_e_acute}\"\n")
expect(2 "invalid UTF-8 in TOML" check invalid-utf8.toml)
file(WRITE "${WORK_DIR}/control.json"
    "{\"durable_objects\": {\"bindings\": [{\"name\": \"C\\u001b[31m\", \"class_name\": \"Counter\\u0000\\r\\n\"}]}, \"migrations\": [{\"tag\": \"v1\", \"new_sqlite_classes\": [\"Counter\"]}]}")
expect(1 "control characters in names" check --first-deploy control.json)
expect(1 "control characters in names, as JSON" check --first-deploy --format json control.json)
file(WRITE "${WORK_DIR}/control.toml" "name = \"counter${control_a}\"\n")
expect(2 "a raw control character in TOML" check control.toml)

# Requests.
file(WRITE "${WORK_DIR}/unknown-operation.json" [=[{"operation": "workers.scripts.delete", "params": {}}]=])
expect(2 "unknown operation" request unknown-operation.json)
file(WRITE "${WORK_DIR}/not-a-request.json" [=[{"operation": "durableObjects.namespaces.list"}]=])
expect(2 "no params" request not-a-request.json)
file(WRITE "${WORK_DIR}/wrong-type.json"
    [=[{"operation": "durableObjects.namespaces.list", "params": {"account_id": "a", "page": "two"}}]=])
expect(1 "a page that is not a number" request wrong-type.json)
file(WRITE "${WORK_DIR}/huge-number.json"
    [=[{"operation": "durableObjects.namespaces.list", "params": {"account_id": "a", "per_page": 1e400}}]=])
expect(1 "a page size of 1e400" request huge-number.json)
file(WRITE "${WORK_DIR}/dot-dot.json"
    [=[{"operation": "durableObjects.namespaces.objects.list", "params": {"account_id": "..", "id": "a/b"}}]=])
expect(1 "path segments .. and /" request dot-dot.json)
file(WRITE "${WORK_DIR}/unknown-param.json"
    [=[{"operation": "durableObjects.namespaces.list", "params": {"account_id": "a", "order": "asc"}}]=])
expect(1 "a parameter cfdo would drop" request unknown-param.json)

if(failures)
    string(REPLACE ";" "\n" failures "${failures}")
    message(FATAL_ERROR "hostile inputs not handled:\n${failures}")
endif()

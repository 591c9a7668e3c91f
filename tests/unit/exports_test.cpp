// The declarative `exports` as JSON: each kind of entry told apart by its
// `type` and, for Durable Object tombstones, its `state`; written as an
// object keyed by name, in the order given; read back to the same value.
#include <cfdo/json/from_json.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/json/to_json_string.hpp>
#include <cfdo/model/worker_version.hpp>
#include <cfdo/rules/exports_from_history.hpp>
#include <cfdo/rules/version_rules.hpp>

#include <catch2/catch.hpp>

#include <boost/json/serialize.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace {

// Both writers, which must agree byte for byte.
std::string written(cfdo::worker_version const& version) {
    auto const text = cfdo::to_json_string(version);
    CHECK(boost::json::serialize(cfdo::to_json(version)) == text);
    return text;
}

} // namespace

TEST_CASE("every kind of exports entry is written as the SDK and wrangler send it", "[json][exports]") {
    cfdo::worker_version const version{
        .exports = {
            {"Room", cfdo::durable_object_export{.storage = cfdo::export_storage::sqlite, .container = "room-box"}},
            {"Legacy", cfdo::durable_object_export{.storage = cfdo::export_storage::legacy_kv, .state = "created"}},
            {"Gone", cfdo::durable_object_deleted_export{}},
            {"OldName", cfdo::durable_object_renamed_export{.renamed_to = "Room"}},
            {"Moving", cfdo::durable_object_transferred_export{.transferred_to = "other-worker"}},
            {"Arriving", cfdo::durable_object_expecting_transfer_export{.storage = "sqlite", .transfer_from = "old"}},
            {"Api", cfdo::worker_export{.cache = cfdo::entrypoint_cache{.enabled = true}}},
            {"Nightly", cfdo::workflow_export{.name = "nightly-job", .schedules = R"("0 3 * * *")"}},
        }};
    std::string_view const expected =
        R"({"exports":{)"
        R"("Room":{"type":"durable-object","storage":"sqlite","container":"room-box"},)"
        R"("Legacy":{"type":"durable-object","storage":"legacy-kv","state":"created"},)"
        R"("Gone":{"type":"durable-object","state":"deleted"},)"
        R"("OldName":{"type":"durable-object","state":"renamed","renamed_to":"Room"},)"
        R"("Moving":{"type":"durable-object","state":"transferred","transferred_to":"other-worker"},)"
        R"("Arriving":{"type":"durable-object","state":"expecting-transfer","storage":"sqlite","transfer_from":"old"},)"
        R"("Api":{"type":"worker","cache":{"enabled":true}},)"
        R"("Nightly":{"type":"workflow","name":"nightly-job","schedules":"0 3 * * *"}}})";
    CHECK(written(version) == expected);

    auto const read = cfdo::from_json<cfdo::worker_version>(expected);
    REQUIRE(read);
    CHECK(*read == version);
    CHECK(cfdo::declares_durable_objects(read->exports));
}

TEST_CASE("an entry's state picks its kind; an unknown state stays for the rules", "[json][exports]") {
    auto const read =
        cfdo::from_json<cfdo::worker_version>(R"({"exports":{"A":{"type":"durable-object","state":"deleted"},)"
                                              R"("B":{"type":"durable-object","storage":"sqlite","state":"frozen"}}})");
    REQUIRE(read);
    REQUIRE(read->exports.size() == 2);
    CHECK(read->exports[0].value.holds<cfdo::durable_object_deleted_export>());
    REQUIRE(read->exports[1].value.holds<cfdo::durable_object_export>());
    CHECK(read->exports[1].value.get<cfdo::durable_object_export>().state == "frozen");
}

TEST_CASE("malformed exports are refused with the place and the reason", "[json][exports]") {
    auto const error = [](std::string_view json) {
        auto const read = cfdo::from_json<cfdo::worker_version>(json);
        REQUIRE_FALSE(read);
        return read.error();
    };
    CHECK(error(R"({"exports":[]})") == cfdo::decode_error{"/exports", "expected an object, got an array"});
    CHECK(error(R"({"exports":{"A":{"type":"actor"}}})") ==
          cfdo::decode_error{"/exports/A/type", "cfdo does not model an exports entry of type \"actor\""});
    CHECK(error(R"({"exports":{"A/B":{"type":"durable-object","state":"renamed"}}})") ==
          cfdo::decode_error{"/exports/A~1B/renamed_to", "missing required field \"renamed_to\""});
    CHECK(error(R"({"exports":{"A":"sqlite"}})") ==
          cfdo::decode_error{"/exports/A", "expected an exports entry object, got a string"});
}

TEST_CASE("an empty exports is left out; a name given twice keeps its first place and last entry", "[json][exports]") {
    CHECK(written(cfdo::worker_version{}) == "{}");
    cfdo::worker_version const twice{.exports = {{"A", cfdo::worker_export{}},
                                                 {"B", cfdo::durable_object_deleted_export{}},
                                                 {"A", cfdo::durable_object_export{.storage = "sqlite"}}}};
    CHECK(written(twice) == R"({"exports":{"A":{"type":"durable-object","storage":"sqlite"},)"
                            R"("B":{"type":"durable-object","state":"deleted"}}})");
}

TEST_CASE("the exports equivalent to a migration history declare the same classes", "[rules][exports]") {
    cfdo::migration_history const history{
        {.tag = "v1", .new_classes = {"Counter"}, .new_sqlite_classes = {"Room", "Draft"}},
        {.tag = "v2", .renamed_classes = {{.from = "Room", .to = "Hall"}}, .deleted_classes = {"Draft"}},
        {.tag = "v3", .renamed_classes = {{.from = "Hall", .to = "Arena"}}},
        {.tag = "v4", .new_sqlite_classes = {"Scratch"}},
        {.tag = "v5", .renamed_classes = {{.from = "Scratch", .to = "Temp"}}, .deleted_classes = {}},
        {.tag = "v6", .deleted_classes = {"Temp"}},
    };
    auto const converted = cfdo::exports_from_history(history, cfdo::first_deploy{});
    CHECK(converted.diagnostics.empty());
    cfdo::exports_map const expected{
        {"Counter", cfdo::durable_object_export{.storage = cfdo::export_storage::legacy_kv}},
        {"Room", cfdo::durable_object_renamed_export{.renamed_to = "Arena"}},
        {"Draft", cfdo::durable_object_deleted_export{}},
        {"Hall", cfdo::durable_object_renamed_export{.renamed_to = "Arena"}},
        {"Arena", cfdo::durable_object_export{.storage = cfdo::export_storage::sqlite}},
        {"Scratch", cfdo::durable_object_deleted_export{}},
        {"Temp", cfdo::durable_object_deleted_export{}},
    };
    CHECK(converted.exports == expected);

    // Deployed at v6 with those classes live, the map is a valid lifecycle:
    // every deployed class covered, storages kept, the bindings served.
    cfdo::deployed_state const deployed{
        .migration_tag = "v6",
        .classes = std::vector<cfdo::deployed_class>{
            {.class_name = "Counter", .storage = cfdo::durable_object_storage::kv}, {.class_name = "Arena"}}};
    cfdo::worker_version const version{
        .bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"},
                     cfdo::durable_object_binding{.name = "ARENA", .class_name = "Arena"}},
        .exports = converted.exports};
    std::vector<std::string> errors_and_warnings;
    for (auto const& d : cfdo::validate(version, {.deployed = deployed}))
        if (d.level != cfdo::severity::info) errors_and_warnings.push_back(std::string(d.rule) + " " + d.subject.str());
    CHECK(errors_and_warnings == std::vector<std::string>{});
}

TEST_CASE("a history's own mistakes come with its conversion", "[rules][exports]") {
    auto const converted = cfdo::exports_from_history(
        {{.tag = "v1", .new_sqlite_classes = {"Room"}}, {.tag = "v2", .new_sqlite_classes = {"Room"}}},
        cfdo::first_deploy{});
    REQUIRE(converted.diagnostics.size() == 1);
    CHECK(converted.diagnostics[0].rule == "new-class-exists");
}

TEST_CASE("what only the deployed state knows: a transferred class's storage, the classes the history "
          "does not mention",
          "[rules][exports]") {
    cfdo::migration_history const history{
        {.tag = "v1", .new_sqlite_classes = {"Room"}},
        {.tag = "v2", .transferred_classes = {{.from = "Ledger", .from_script = "billing", .to = "Ledger"}}}};
    auto const without_state = cfdo::exports_from_history(history);
    CHECK(without_state.storage_unknown == std::vector<cfdo::text>{"Ledger"});
    REQUIRE(without_state.exports.size() == 1);
    CHECK(without_state.exports[0].key == "Room");

    cfdo::deployed_state const deployed{.migration_tag = "v2",
                                        .classes = std::vector<cfdo::deployed_class>{
                                            {.class_name = "Room"},
                                            {.class_name = "Ledger", .storage = cfdo::durable_object_storage::kv},
                                            {.class_name = "Legacy", .storage = cfdo::durable_object_storage::kv}}};
    auto const with_state = cfdo::exports_from_history(history, deployed);
    CHECK(with_state.storage_unknown.empty());
    cfdo::exports_map const expected{{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                                     {"Ledger", cfdo::durable_object_export{.storage = "legacy-kv"}},
                                     {"Legacy", cfdo::durable_object_export{.storage = "legacy-kv"}}};
    CHECK(with_state.exports == expected);
}

// At compile time too: the conversion of a constant history is a constant.
constexpr bool converts_while_compiling() {
    cfdo::migration_history const history{{.tag = "v1", .new_classes = {"Counter"}},
                                          {.tag = "v2", .renamed_classes = {{.from = "Counter", .to = "Tally"}}}};
    auto const converted = cfdo::exports_from_history(history);
    return converted.exports.size() == 2 && converted.exports[0].value.holds<cfdo::durable_object_renamed_export>() &&
           converted.exports[1].value.get<cfdo::durable_object_export>().storage == "legacy-kv";
}
static_assert(converts_while_compiling());

TEST_CASE("a rename carries its namespace's storage to the class it renames", "[rules][exports]") {
    // Deployed: Counter, key-value. The upload renames it to Tally.
    cfdo::validation_context const deployed{
        .deployed = cfdo::deployed_state{.migration_tag = "v1",
                                         .classes = std::vector<cfdo::deployed_class>{
                                             {.class_name = "Counter", .storage = cfdo::durable_object_storage::kv}}}};
    auto const rules_of = [&](std::string_view storage) {
        cfdo::worker_version const version{
            .exports = {{"Counter", cfdo::durable_object_renamed_export{.renamed_to = "Tally"}},
                        {"Tally", cfdo::durable_object_export{.storage = storage}}}};
        std::vector<std::string> found;
        for (auto const& d : cfdo::validate(version, deployed))
            found.push_back(std::string(d.rule) + " " + d.path.str());
        return found;
    };
    CHECK(rules_of(cfdo::export_storage::legacy_kv).empty());
    CHECK(rules_of(cfdo::export_storage::sqlite) ==
          std::vector<std::string>{"export-storage-changed /exports/Tally/storage"});
}

// The declarative `exports` as JSON: each kind of entry told apart by its
// `type` and, for Durable Object tombstones, its `state`; written as an
// object keyed by name, in the order given; read back to the same value.
#include <cfdo/json/from_json.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/json/to_json_string.hpp>
#include <cfdo/model/worker_version.hpp>

#include <catch2/catch.hpp>

#include <boost/json/serialize.hpp>

#include <string>
#include <string_view>

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
    auto const read = cfdo::from_json<cfdo::worker_version>(
        R"({"exports":{"A":{"type":"durable-object","state":"deleted"},)"
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

TEST_CASE("an empty exports is left out; a name given twice keeps its first place and last entry",
          "[json][exports]") {
    CHECK(written(cfdo::worker_version{}) == "{}");
    cfdo::worker_version const twice{.exports = {{"A", cfdo::worker_export{}},
                                                 {"B", cfdo::durable_object_deleted_export{}},
                                                 {"A", cfdo::durable_object_export{.storage = "sqlite"}}}};
    CHECK(written(twice) == R"({"exports":{"A":{"type":"durable-object","storage":"sqlite"},)"
                            R"("B":{"type":"durable-object","state":"deleted"}}})");
}

// What cfdo does not model travels through the escape hatch and survives
// read → write: a binding of an unknown type becomes a raw_binding, an
// unknown field of a version stays in its `extra`; neither can set a field
// cfdo models.
#include <cfdo/json/from_json.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/json/to_json_string.hpp>
#include <cfdo/model/worker_version.hpp>

#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <string>
#include <string_view>

TEST_CASE("read → write keeps unknown binding kinds and version fields", "[json][escape-hatch]") {
    std::string_view const sent =
        R"({"main_module":"w.mjs","bindings":[{"type":"ai","name":"AI"},)"
        R"({"type":"some_future_binding","name":"MEMORY","namespace":"assistant","limits":{"tokens":[1,2]}}],)"
        R"("exports":{"default":{"type":"worker"}},"observability":{"enabled":true},"future":{"a":[]}})";
    auto const version = cfdo::from_json<cfdo::worker_version>(sent);
    REQUIRE(version);
    REQUIRE(version->bindings.size() == 2);
    CHECK(version->bindings[0].holds<cfdo::ai_binding>());
    REQUIRE(version->bindings[1].holds<cfdo::raw_binding>());
    auto const& raw = version->bindings[1].get<cfdo::raw_binding>();
    CHECK(raw.kind == "some_future_binding");
    CHECK(raw.name == "MEMORY");
    CHECK(std::string_view(raw.fields) == R"({"namespace":"assistant","limits":{"tokens":[1,2]}})");
    CHECK(cfdo::type_of(version->bindings[1]) == "some_future_binding");
    CHECK(std::string_view(version->extra) == R"({"observability":{"enabled":true},"future":{"a":[]}})");
    REQUIRE(version->exports.size() == 1);
    CHECK(version->exports[0].value.holds<cfdo::worker_export>());

    CHECK(cfdo::to_json_string(*version) == sent);
    CHECK(boost::json::serialize(cfdo::to_json(*version)) == sent);
}

TEST_CASE("unknown keys are kept, not reported, by a type with extra fields", "[json][escape-hatch]") {
    std::vector<std::string> unknown;
    auto const version =
        cfdo::from_json<cfdo::worker_version>(R"({"logpush":true,"limits":{"cpu_ms":5,"memory":1}})", {&unknown});
    REQUIRE(version);
    CHECK(std::string_view(version->extra) == R"({"logpush":true})");
    // The limits have no escape hatch: their unknown key is reported.
    CHECK(unknown == std::vector<std::string>{"/limits/memory"});
}

TEST_CASE("a kept field's out-of-range number is kept as null, as JSON.stringify would", "[json][escape-hatch]") {
    // 1e400 parses to infinity, which no JSON text can spell: kept as is,
    // the extra fields could not be written again.
    auto const version = cfdo::from_json<cfdo::worker_version>(R"({"future":{"n":1e400,"m":-1e999,"k":2.5}})");
    REQUIRE(version);
    CHECK(std::string_view(version->extra) == R"({"future":{"n":null,"m":null,"k":2.5E0}})");
    CHECK(cfdo::to_json_string(*version) == R"({"future":{"n":null,"m":null,"k":2.5E0}})");
}

TEST_CASE("the escape hatch cannot set a modelled field", "[json][escape-hatch]") {
    cfdo::worker_version const version{
        .main_module = "w.mjs",
        .bindings = {cfdo::raw_binding{.kind = "stream", .name = "S", .fields = R"({"name":"T","type":"x","id":"1"})"}},
        .extra = R"({"main_module":"other.mjs","bindings":[],"tags":["a"]})"};
    auto const expected = R"({"main_module":"w.mjs","bindings":[{"type":"stream","name":"S","id":"1"}],"tags":["a"]})";
    CHECK(cfdo::to_json_string(version) == expected);
    CHECK(boost::json::serialize(cfdo::to_json(version)) == expected);
}

TEST_CASE("extra fields that are not an object are an error when written", "[json][escape-hatch]") {
    cfdo::worker_version const version{.extra = "[1]"};
    CHECK_THROWS_AS(cfdo::to_json(version), cfdo::invalid_json_text);
    CHECK_THROWS_AS(cfdo::to_json_string(version), cfdo::invalid_json_text);
}

TEST_CASE("the d1 binding takes database_id or its alias id", "[json][bindings]") {
    cfdo::d1_binding const sdk{.name = "DB", .database_id = "a1"};
    cfdo::d1_binding const wrangler{.name = "DB", .id = "a1"};
    CHECK(cfdo::to_json_string(sdk) == R"({"type":"d1","name":"DB","database_id":"a1"})");
    CHECK(cfdo::to_json_string(wrangler) == R"({"type":"d1","name":"DB","id":"a1"})");
    auto const read = cfdo::from_json<cfdo::binding>(R"({"type":"d1","name":"DB","id":"a1"})");
    REQUIRE(read);
    CHECK(read->get<cfdo::d1_binding>() == wrangler);
}

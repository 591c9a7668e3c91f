// cfdo::to_json_string writes JSON without a DOM; it must write exactly the
// bytes of boost::json::serialize(cfdo::to_json(x)) — key order, escapes,
// left-out members and all — for every model type.
#include <cfdo/json/to_json.hpp>
#include <cfdo/json/to_json_string.hpp>
#include <cfdo/model/worker_version.hpp>

#include "../support/every_binding_kind.hpp"

#include <catch2/catch.hpp>

#include <boost/json/serialize.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace {

template <class T>
std::string through_the_dom(T const& value) {
    return boost::json::serialize(cfdo::to_json(value));
}

// Every character from 0 to 0x7f, then UTF-8 and bytes that are not UTF-8.
std::string every_escape() {
    std::string chars;
    for (int c = 0; c < 0x80; ++c) chars.push_back(static_cast<char>(c));
    return chars + "h\xc3\xa9llo \xe2\x82\xac \xff\xfe";
}

// Every binding kind, and escapes and non-finite numbers where text and JSON
// source can hold them.
std::vector<cfdo::binding> every_binding() {
    auto bindings = cfdo_tests::every_binding_kind();
    bindings.push_back(cfdo::plain_text_binding{.name = "ESCAPES", .text = every_escape()});
    bindings.push_back(cfdo::secret_text_binding{.name = "QUOTES", .text = "s3cr3t \"quoted\" \\ back"});
    bindings.push_back(cfdo::json_binding{.name = "NUMBERS", .json = R"( {"debug" : true, "levels":[1, 2.5, -3, 1e400],
                                                                        "s":"\u00e9\n"} )"});
    return bindings;
}

cfdo::worker_version every_field() {
    return {
        .main_module = "worker.mjs",
        .compatibility_date = "2024-03-01",
        .compatibility_flags = {"nodejs_compat", "streams_enable_constructors"},
        .bindings = every_binding(),
        .migrations =
            cfdo::multi_step_migration{
                .old_tag = "v1",
                .new_tag = "v3",
                .steps = {{.new_classes = {"Counter"}, .new_sqlite_classes = {"Room"}},
                          {.renamed_classes = {{.from = "Counter", .to = "Tally"}},
                           .deleted_classes = {"Old"},
                           .transferred_classes = {{.from = "Chat", .from_script = "old", .to = "Chat"}}},
                          {}},
            },
        .modules = {{.name = "worker.mjs",
                     .content_type = cfdo::content_type::javascript_module,
                     .content = cfdo::module_bytes{"export default {}"}},
                    {.name = "data.bin",
                     .content_type = cfdo::content_type::octet_stream,
                     .content = cfdo::module_bytes{std::string("\0\x01\xff", 3)}},
                    {.name = "empty.txt",
                     .content_type = cfdo::content_type::plain_text,
                     .content = cfdo::module_bytes{""}},
                    {.name = "lib.wasm",
                     .content_type = cfdo::content_type::wasm,
                     .content = cfdo::module_base64{"AGFzbQ=="}}},
        .annotations = cfdo::version_annotations{.message = "deploy \"v3\"\tnow", .tag = "v3"},
        .limits = cfdo::version_limits{.cpu_ms = std::numeric_limits<std::uint32_t>::max()},
    };
}

} // namespace

TEST_CASE("to_json_string writes the bytes of serialize(to_json(x))", "[json][to_json_string]") {
    SECTION("a version with every field, binding kind, migration directive and module content") {
        auto const version = every_field();
        CHECK(cfdo::to_json_string(version) == through_the_dom(version));
    }
    SECTION("an empty version: an empty object") {
        CHECK(cfdo::to_json_string(cfdo::worker_version{}) == "{}");
        CHECK(through_the_dom(cfdo::worker_version{}) == "{}");
    }
    SECTION("absent optionals and empty arrays inside members are left out") {
        cfdo::worker_version const version{.migrations = cfdo::single_step_migration{.new_tag = "v1"},
                                           .annotations = cfdo::version_annotations{},
                                           .limits = cfdo::version_limits{}};
        CHECK(cfdo::to_json_string(version) == through_the_dom(version));
    }
    SECTION("single-step migrations") {
        cfdo::migrations const m = cfdo::single_step_migration{.old_tag = "v1", .new_classes = {"A", "B"}};
        CHECK(cfdo::to_json_string(m) == through_the_dom(m));
    }
    SECTION("every character is escaped as Boost.JSON escapes it") {
        cfdo::binding const b = cfdo::plain_text_binding{.name = every_escape(), .text = every_escape()};
        CHECK(cfdo::to_json_string(b) == through_the_dom(b));
    }
    SECTION("values that are not structs: arrays, text, numbers, absent optionals") {
        std::vector<cfdo::text> const names{"a", "b\"c"};
        CHECK(cfdo::to_json_string(names) == through_the_dom(names));
        CHECK(cfdo::to_json_string(std::vector<cfdo::text>{}) == through_the_dom(std::vector<cfdo::text>{}));
        CHECK(cfdo::to_json_string(std::optional<cfdo::text>{}) == through_the_dom(std::optional<cfdo::text>{}));
        CHECK(cfdo::to_json_string(std::int64_t{-42}) == through_the_dom(std::int64_t{-42}));
        CHECK(cfdo::to_json_string(true) == through_the_dom(true));
    }
    SECTION("a large module: the base64 text written in place") {
        std::string bytes(100'003, '\0');
        for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7919 % 256);
        cfdo::worker_module const module{
            .name = "big.bin", .content_type = cfdo::content_type::octet_stream, .content = cfdo::module_bytes{bytes}};
        CHECK(cfdo::to_json_string(module) == through_the_dom(module));
    }
}

TEST_CASE("to_json_string refuses a json binding that is not JSON, as to_json does", "[json][to_json_string]") {
    cfdo::binding const b = cfdo::json_binding{.name = "J", .json = "{not json"};
    CHECK_THROWS_AS(cfdo::to_json_string(b), cfdo::invalid_json_text);
    CHECK_THROWS_AS(through_the_dom(b), cfdo::invalid_json_text);
}

// cfdo::from_json reads configurations and SDK parameters written by people
// and responses written by a server that keeps growing: it must give back
// exactly what to_json wrote, ignore what it does not know, and say where
// (as a JSON pointer) and why anything else is wrong.
#include <cfdo/json/from_json.hpp>
#include <cfdo/json/parse.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/model/worker_version.hpp>
#include <cfdo/support/json_syntax.hpp>

#include "../support/every_binding_kind.hpp"

#include <catch2/catch.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace Catch {
template <>
struct StringMaker<cfdo::decode_error> {
    static std::string convert(cfdo::decode_error const& error) {
        return "{path \"" + error.path + "\", message \"" + error.message + "\"}";
    }
};
} // namespace Catch

namespace {

// The decoded value; fails the test with the decoder's message otherwise.
template <class T>
T decoded(std::string_view json, cfdo::decode_options options = {}) {
    auto result = cfdo::from_json<T>(json, options);
    if (!result) FAIL("from_json failed: " << result.error().what());
    return std::move(*result);
}

// The error of a decoding that must fail.
template <class T>
cfdo::decode_error error_of(std::string_view json) {
    auto result = cfdo::from_json<T>(json);
    if (result) FAIL("from_json accepted " << json);
    return result.error();
}

// "accepted <value>" or "refused: <message>", for decodings that a library
// bug could get either way: a failing check then shows what happened.
template <class Integer>
std::string integer_outcome(std::string_view json) {
    auto result = cfdo::from_json<Integer>(json);
    return result ? "accepted " + std::to_string(*result) : "refused: " + result.error().message;
}

cfdo::decode_error version_error(std::string_view json) { return error_of<cfdo::worker_version>(json); }

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

cfdo::worker_version every_binding_kind() {
    auto bindings = cfdo_tests::every_binding_kind();
    // A Durable Object binding with only its class, beside the one with every field.
    bindings.insert(bindings.begin(), cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"});
    return {
        .main_module = "worker.mjs",
        .compatibility_date = "2025-08-06",
        .compatibility_flags = {"nodejs_compat"},
        .bindings = std::move(bindings),
        .modules = {{.name = "data.bin",
                     .content_type = cfdo::content_type::octet_stream,
                     .content = cfdo::module_base64{"AAEC"}}},
        .annotations = cfdo::version_annotations{.message = "first", .tag = "v1.0"},
        .limits = cfdo::version_limits{.cpu_ms = 50},
    };
}

cfdo::worker_version round_trip(cfdo::worker_version const& version) {
    auto result = cfdo::from_json<cfdo::worker_version>(cfdo::to_json(version));
    if (!result) FAIL("from_json failed: " << result.error().what());
    return std::move(*result);
}

} // namespace

TEST_CASE("from_json gives back what to_json wrote", "[json][from_json]") {
    SECTION("every binding kind, with a multi-step migration") {
        auto version = every_binding_kind();
        version.migrations = cfdo::multi_step_migration{
            .old_tag = "v1",
            .new_tag = "v3",
            .steps = {{.new_sqlite_classes = {"Room"}},
                      {.renamed_classes = {{.from = "Room", .to = "ChatRoom"}},
                       .transferred_classes = {{.from = "Counter", .from_script = "legacy", .to = "Counter"}}},
                      {.new_classes = {"Old"}, .deleted_classes = {"Old"}}},
        };
        auto const back = round_trip(version);
        CHECK(back == version);
        REQUIRE(back.migrations.has_value());
        CHECK(back.migrations->holds<cfdo::multi_step_migration>());
        REQUIRE(back.bindings.size() == version.bindings.size());
        for (std::size_t i = 0; i < back.bindings.size(); ++i) {
            INFO("binding " << i);
            CHECK(back.bindings[i].index() == version.bindings[i].index());
        }
    }
    SECTION("a single-step migration stays single-step") {
        cfdo::worker_version const version{
            .migrations =
                cfdo::single_step_migration{
                    .old_tag = "v1",
                    .new_tag = "v2",
                    .new_classes = {"A"},
                    .new_sqlite_classes = {"B"},
                    .renamed_classes = {{.from = "C", .to = "D"}},
                    .deleted_classes = {"E"},
                    .transferred_classes = {{.from = "F", .from_script = "other", .to = "G"}},
                },
        };
        auto const back = round_trip(version);
        CHECK(back == version);
        REQUIRE(back.migrations.has_value());
        CHECK(back.migrations->holds<cfdo::single_step_migration>());
    }
    SECTION("an empty version") { CHECK(round_trip(cfdo::worker_version{}) == cfdo::worker_version{}); }
    SECTION("module_bytes come back as the module_base64 they were sent as") {
        cfdo::worker_version const version{
            .modules = {{.name = "worker.mjs",
                         .content_type = cfdo::content_type::javascript_module,
                         .content = cfdo::module_bytes{"export default {}"}},
                        {.name = "data.bin",
                         .content_type = cfdo::content_type::octet_stream,
                         .content = cfdo::module_bytes{std::string_view("\0\1\2", 3)}}},
        };
        auto const back = round_trip(version);
        CHECK(cfdo::to_json(back) == cfdo::to_json(version));
        REQUIRE(back.modules.size() == 2);
        REQUIRE(back.modules[0].content.holds<cfdo::module_base64>());
        CHECK(back.modules[0].content.get_if<cfdo::module_base64>()->base64 == "ZXhwb3J0IGRlZmF1bHQge30=");
        CHECK(back.modules[1].content.get_if<cfdo::module_base64>()->base64 == "AAEC");
    }
    SECTION("from text as well as from a parsed value") {
        auto const version = every_binding_kind();
        auto const serialized = boost::json::serialize(cfdo::to_json(version));
        CHECK(decoded<cfdo::worker_version>(serialized) == version);
    }
    SECTION("a json binding's value comes back as its JSON text") {
        auto const back = decoded<cfdo::json_binding>(R"({"type":"json","name":"J","json": { "a" : [ 1 , null ] }})");
        CHECK(back.json == R"({"a":[1,null]})");
    }
}

TEST_CASE("from_json reads the documented JSON spellings", "[json][from_json]") {
    auto const version = decoded<cfdo::worker_version>(R"({
        "main_module": "worker.mjs",
        "compatibility_date": "2024-02-29",
        "bindings": [{"type": "durable_object_namespace", "name": "COUNTER", "class_name": "Counter"}],
        "migrations": {"new_tag": "v1", "new_classes": ["Counter"]},
        "modules": [{"name": "worker.mjs", "content_type": "application/javascript+module", "content_base64": "AAEC"}],
        "annotations": {"workers/message": "hello", "workers/tag": "t1"},
        "limits": {"cpu_ms": 1e3}
    })");
    cfdo::worker_version const expected{
        .main_module = "worker.mjs",
        .compatibility_date = cfdo::date(2024, 2, 29),
        .bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"}},
        .migrations = cfdo::single_step_migration{.new_tag = "v1", .new_classes = {"Counter"}},
        .modules = {{.name = "worker.mjs",
                     .content_type = "application/javascript+module",
                     .content = cfdo::module_base64{"AAEC"}}},
        .annotations = cfdo::version_annotations{.message = "hello", .tag = "t1"},
        .limits = cfdo::version_limits{.cpu_ms = 1000},
    };
    CHECK(version == expected);
}

TEST_CASE("from_json errors name the JSON pointer of the offending value", "[json][from_json][errors]") {
    SECTION("wrong type") {
        CHECK(version_error(R"({"main_module": 5})") ==
              cfdo::decode_error{"/main_module", "expected a string, got a number"});
        CHECK(version_error(R"({"bindings": {}})") ==
              cfdo::decode_error{"/bindings", "expected an array, got an object"});
        CHECK(version_error(R"({"compatibility_flags": ["a", true]})") ==
              cfdo::decode_error{"/compatibility_flags/1", "expected a string, got a boolean"});
        CHECK(version_error(R"({"bindings": [{"type": "plain_text", "name": "A", "text": ["x"]}]})") ==
              cfdo::decode_error{"/bindings/0/text", "expected a string, got an array"});
        CHECK(version_error(R"({"bindings": ["COUNTER"]})") ==
              cfdo::decode_error{"/bindings/0", "expected a binding object, got a string"});
        CHECK(version_error(R"({"limits": {"cpu_ms": "50"}})") ==
              cfdo::decode_error{"/limits/cpu_ms", "expected an integer, got a string"});
        CHECK(version_error("[]") == cfdo::decode_error{"", "expected an object, got an array"});
        CHECK(version_error(R"({"migrations": "v1"})") ==
              cfdo::decode_error{"/migrations", "expected an object, got a string"});
    }
    SECTION("missing required field") {
        CHECK(version_error(R"({"bindings": [{"type": "kv_namespace", "name": "KV"}]})") ==
              cfdo::decode_error{"/bindings/0/namespace_id", "missing required field \"namespace_id\""});
        CHECK(version_error(R"({"bindings": [{"name": "KV"}]})") ==
              cfdo::decode_error{"/bindings/0/type", "missing required field \"type\""});
        CHECK(version_error(R"({"migrations": {"steps": [{"renamed_classes": [{"from": "A"}]}]}})") ==
              cfdo::decode_error{"/migrations/steps/0/renamed_classes/0/to", "missing required field \"to\""});
        CHECK(version_error(R"({"modules": [{"name": "m", "content_type": "text/plain"}]})") ==
              cfdo::decode_error{"/modules/0/content_base64", "missing required field \"content_base64\""});
    }
    SECTION("a required member may not be null") {
        CHECK(version_error(R"({"bindings": [{"type": "d1", "name": null, "database_id": "x"}]})") ==
              cfdo::decode_error{"/bindings/0/name", "expected a string, got null"});
    }
    SECTION("a binding type that is not a string") {
        CHECK(version_error(R"({"bindings": [{"type": 3, "name": "X"}]})") ==
              cfdo::decode_error{"/bindings/0/type", "expected a string, got a number"});
    }
    SECTION("integer out of range") {
        CHECK(version_error(R"({"limits": {"cpu_ms": -1}})") ==
              cfdo::decode_error{"/limits/cpu_ms", "expected an integer from 0 to 4294967295, got -1"});
        CHECK(version_error(R"({"limits": {"cpu_ms": 4294967296}})") ==
              cfdo::decode_error{"/limits/cpu_ms", "expected an integer from 0 to 4294967295, got 4294967296"});
        CHECK(version_error(R"({"limits": {"cpu_ms": 1e10}})").path == "/limits/cpu_ms");
        CHECK(decoded<cfdo::version_limits>(R"({"cpu_ms": 4294967295})").cpu_ms == 4294967295u);
        CHECK(decoded<cfdo::version_limits>(R"({"cpu_ms": 0})").cpu_ms == 0u);
    }
    SECTION("integer out of range, written as an integral double at the type's bounds") {
        // 2^63 and 2^64 are exact doubles one past the largest int64 and
        // uint64: they must be refused, not converted (which is undefined
        // behaviour and in practice wraps).
        CHECK_THAT(integer_outcome<std::int64_t>("9.223372036854775808e18"),
                   Catch::StartsWith("refused: expected an integer from -9223372036854775808 to 9223372036854775807"));
        CHECK_THAT(integer_outcome<std::uint64_t>("1.8446744073709551616e19"),
                   Catch::StartsWith("refused: expected an integer from 0 to 18446744073709551615"));
        CHECK(decoded<std::int64_t>("-9.223372036854775808e18") == INT64_MIN);
        CHECK(decoded<std::int64_t>("9223372036854775807") == INT64_MAX);
        CHECK(decoded<std::uint64_t>("18446744073709551615") == UINT64_MAX);
        CHECK(decoded<std::uint32_t>("4.294967295e9") == UINT32_MAX);
    }
    SECTION("non-integral number") {
        auto const error = version_error(R"({"limits": {"cpu_ms": 1.5}})");
        CHECK(error.path == "/limits/cpu_ms");
        CHECK(error.message.starts_with("expected an integer from 0 to 4294967295, got "));
        CHECK(version_error(R"({"limits": {"cpu_ms": 50.000001}})").path == "/limits/cpu_ms");
        CHECK(decoded<cfdo::version_limits>(R"({"cpu_ms": 50.0})").cpu_ms == 50u);
    }
    SECTION("malformed date") {
        CHECK(version_error(R"({"compatibility_date": "2024-3-01"})") ==
              cfdo::decode_error{"/compatibility_date", "expected a date written YYYY-MM-DD, got \"2024-3-01\""});
        CHECK(version_error(R"({"compatibility_date": 20240301})") ==
              cfdo::decode_error{"/compatibility_date", "expected a date written YYYY-MM-DD, got a number"});
        // The form is the type's business; the calendar is the validator's.
        CHECK(decoded<cfdo::worker_version>(R"({"compatibility_date": "2023-02-30"})").compatibility_date ==
              cfdo::date(2023, 2, 30));
    }
    SECTION("migration with both steps and top-level directives") {
        CHECK(version_error(R"({"migrations": {"steps": [], "new_classes": ["A"]}})") ==
              cfdo::decode_error{"/migrations/new_classes",
                                 "a migration has either \"steps\" or top-level class directives, not both"});
        CHECK(version_error(R"({"migrations": {"deleted_classes": [], "steps": [{"new_classes": ["A"]}]}})").path ==
              "/migrations/deleted_classes");
        CHECK(version_error(R"({"migrations": {"steps": {}}})") ==
              cfdo::decode_error{"/migrations/steps", "expected an array, got an object"});
    }
    SECTION("what() reads as one line") {
        CHECK(cfdo::decode_error{"/a/b", "bad"}.what() == "at /a/b: bad");
        CHECK(cfdo::decode_error{"", "bad"}.what() == "at the top level: bad");
    }
    SECTION("the first error is the one reported") {
        auto const error = version_error(R"({"main_module": 1, "compatibility_date": "x"})");
        CHECK(error.path == "/main_module");
    }
}

TEST_CASE("a pointer token stays on the path exactly as long as its guard", "[json][from_json][errors]") {
    // A guard that could be copied would rely on the copy being elided: with
    // a copy, the first destructor would cut the token off early.
    using guard = decltype(std::declval<cfdo::detail::decoding&>().enter(""));
    CHECK_FALSE(std::is_copy_constructible_v<guard>);
    CHECK_FALSE(std::is_move_constructible_v<guard>);

    cfdo::detail::decoding ctx{};
    {
        auto const outer = ctx.enter("bindings");
        CHECK(ctx.path() == "/bindings");
        {
            auto const inner = ctx.enter("a/b~c");
            CHECK(ctx.path() == "/bindings/a~1b~0c");
            auto const element = ctx.enter(std::size_t{12});
            CHECK(ctx.path() == "/bindings/a~1b~0c/12");
        }
        CHECK(ctx.path() == "/bindings");
    }
    CHECK(ctx.path().empty());
}

TEST_CASE("from_json reports text that is not JSON with its line and column", "[json][from_json][errors]") {
    SECTION("a syntax error") {
        auto const error = version_error(R"({"main_module":"w",})");
        CHECK(error.path.empty());
        CHECK(error.message == "not JSON: syntax error at line 1, column 20");
        CHECK(error.what() == "at the top level: not JSON: syntax error at line 1, column 20");
    }
    SECTION("on a later line") {
        CHECK(version_error("{\n  \"main_module\": \"w\",\n}").message == "not JSON: syntax error at line 3, column 1");
    }
    SECTION("empty and truncated text") {
        CHECK(version_error("").message == "not JSON: incomplete JSON at line 1, column 1");
        CHECK(version_error(R"({"main_module":)").message == "not JSON: incomplete JSON at line 1, column 16");
    }
    SECTION("more than one value") {
        CHECK(version_error("{} {}").message == "not JSON: extra data at line 1, column 4");
    }
    SECTION("nesting deeper than json_max_depth") {
        CHECK(decoded<cfdo::json_text>(nested_arrays(cfdo::json_max_depth)) == nested_arrays(cfdo::json_max_depth));
        auto const error = error_of<cfdo::json_text>(nested_arrays(cfdo::json_max_depth + 1));
        CHECK(error.path.empty());
        CHECK(error.message.starts_with("not JSON: too deep at line 1, column "));
    }
    SECTION("nesting inside a configuration counts from its root") {
        auto const deep_binding = [](std::size_t depth) {
            return R"({"bindings":[{"type":"json","name":"J","json":)" + nested_arrays(depth) + "}]}";
        };
        // The binding's value starts three levels down.
        CHECK(cfdo::from_json<cfdo::worker_version>(deep_binding(cfdo::json_max_depth - 3)).has_value());
        CHECK(version_error(deep_binding(cfdo::json_max_depth - 2)).message.starts_with("not JSON: too deep"));
    }
}

TEST_CASE("decode_error::what() shows control bytes of the input escaped", "[json][from_json][errors]") {
    SECTION("in the message") {
        auto const error = error_of<cfdo::worker_version>(R"({"compatibility_date":"2024\n\u001b[2J"})");
        CHECK(error.message == "expected a date written YYYY-MM-DD, got \"2024\n\x1b[2J\"");
        CHECK(error.what() == "at /compatibility_date: expected a date written YYYY-MM-DD, got \"2024\\x0a\\x1b[2J\"");
    }
    SECTION("in the path") {
        cfdo::decode_error const error{"/bindings/\r", "expected a string, got null"};
        CHECK(error.what() == "at /bindings/\\x0d: expected a string, got null");
    }
}

TEST_CASE("from_json of a null char pointer is an error", "[json][from_json][errors]") {
    // What getenv returns for a variable that is not set.
    char const* const unset = nullptr;
    auto const result = cfdo::from_json<cfdo::worker_version>(unset);
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error() == cfdo::decode_error{"", "not JSON: the char const* is null"});
}

TEST_CASE("from_json ignores unknown fields, or keeps them in extra fields", "[json][from_json][unknown]") {
    constexpr std::string_view json = R"({
        "main_module": "worker.mjs",
        "usage_model": "standard",
        "a/b": 1,
        "c~d": {"nested": [1, 2]},
        "bindings": [{"type": "plain_text", "name": "A", "text": "x", "e~/f": null}],
        "annotations": {"workers/message": "m", "message": "not the key", "workers/triggered_by": "upload"},
        "migrations": {"new_classes": ["C"], "future_directive": []}
    })";
    cfdo::worker_version const expected{
        .main_module = "worker.mjs",
        .bindings = {cfdo::plain_text_binding{.name = "A", .text = "x"}},
        .migrations = cfdo::single_step_migration{.new_classes = {"C"}},
        .annotations = cfdo::version_annotations{.message = "m"},
        .usage_model = "standard",
        // The version keeps what it does not model (the escape hatch); its
        // parts without one ignore it.
        .extra = R"({"a/b":1,"c~d":{"nested":[1,2]}})",
    };

    SECTION("silently by default") { CHECK(decoded<cfdo::worker_version>(json) == expected); }
    SECTION("listed as escaped JSON pointers when asked") {
        std::vector<std::string> unknown;
        CHECK(decoded<cfdo::worker_version>(json, {.unknown_fields = &unknown}) == expected);
        std::vector<std::string> expected_unknown{
            "/bindings/0/e~0~1f",
            "/annotations/message",
            "/annotations/workers~1triggered_by",
            "/migrations/future_directive",
        };
        // Nested objects are reported as they are decoded: compare as sets.
        std::sort(unknown.begin(), unknown.end());
        std::sort(expected_unknown.begin(), expected_unknown.end());
        CHECK(unknown == expected_unknown);
    }
    SECTION("a binding's type is a known field") {
        std::vector<std::string> unknown;
        (void)decoded<cfdo::binding>(R"({"type": "queue", "name": "Q", "queue_name": "q"})",
                                     {.unknown_fields = &unknown});
        CHECK(unknown.empty());
    }
}

TEST_CASE("from_json reads null for an optional member as absent", "[json][from_json]") {
    auto const version = decoded<cfdo::worker_version>(R"({
        "main_module": null, "compatibility_date": null, "migrations": null, "limits": null,
        "annotations": {"workers/message": null, "workers/tag": "t"},
        "bindings": [{"type": "r2_bucket", "name": "B", "bucket_name": "b", "jurisdiction": null}]
    })");
    CHECK_FALSE(version.main_module.has_value());
    CHECK_FALSE(version.compatibility_date.has_value());
    CHECK_FALSE(version.migrations.has_value());
    CHECK_FALSE(version.limits.has_value());
    REQUIRE(version.annotations.has_value());
    CHECK_FALSE(version.annotations->message.has_value());
    CHECK(version.annotations->tag == "t");
    CHECK(version.bindings == std::vector<cfdo::binding>{cfdo::r2_bucket_binding{.name = "B", .bucket_name = "b"}});
}

TEST_CASE("from_json reads the SDK params of create_version", "[json][from_json][sdk]") {
    SECTION("the version's fields sit beside the path parameters") {
        auto const op = decoded<cfdo::create_version>(R"({
            "account_id": "023e105f4ecef8ad9ca31a8372d0c353",
            "worker_id": "counter",
            "deploy": true,
            "main_module": "worker.mjs",
            "compatibility_date": "2025-08-06",
            "bindings": [{"type": "durable_object_namespace", "name": "COUNTER", "class_name": "Counter"}],
            "migrations": {"new_sqlite_classes": ["Counter"]},
            "modules": [{"name": "worker.mjs", "content_type": "application/javascript+module",
                         "content_base64": "AAEC"}]
        })");
        cfdo::create_version const expected{
            .account_id = "023e105f4ecef8ad9ca31a8372d0c353",
            .worker_id = "counter",
            .deploy = true,
            .version =
                {
                    .main_module = "worker.mjs",
                    .compatibility_date = "2025-08-06",
                    .bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"}},
                    .migrations = cfdo::single_step_migration{.new_sqlite_classes = {"Counter"}},
                    .modules = {{.name = "worker.mjs",
                                 .content_type = "application/javascript+module",
                                 .content = cfdo::module_base64{"AAEC"}}},
                },
        };
        CHECK(op == expected);
    }
    SECTION("deploy is optional") {
        auto const op = decoded<cfdo::create_version>(R"({"account_id": "a", "worker_id": "w"})");
        CHECK_FALSE(op.deploy.has_value());
        CHECK(op.version == cfdo::worker_version{});
    }
    SECTION("unknown fields beside the parameters are the version's extra fields") {
        std::vector<std::string> unknown;
        auto const op = decoded<cfdo::create_version>(R"({"account_id": "a", "worker_id": "w", "x/y": 1})",
                                                      {.unknown_fields = &unknown});
        CHECK(unknown.empty());
        CHECK(std::string_view(op.version.extra) == R"({"x/y":1})");
    }
    SECTION("errors") {
        CHECK(error_of<cfdo::create_version>(R"({"worker_id": "w"})") ==
              cfdo::decode_error{"/account_id", "missing required field \"account_id\""});
        CHECK(error_of<cfdo::create_version>(R"({"account_id": "a"})") ==
              cfdo::decode_error{"/worker_id", "missing required field \"worker_id\""});
        CHECK(error_of<cfdo::create_version>(R"({"account_id": "a", "worker_id": "w", "deploy": "yes"})") ==
              cfdo::decode_error{"/deploy", "expected a boolean, got a string"});
        CHECK(error_of<cfdo::create_version>(R"({"account_id": "a", "worker_id": "w", "main_module": 1})") ==
              cfdo::decode_error{"/main_module", "expected a string, got a number"});
        CHECK(error_of<cfdo::create_version>("[]") == cfdo::decode_error{"", "expected an object, got an array"});
    }
}

TEST_CASE("from_json reads the SDK params of upload_script", "[json][from_json][sdk]") {
    SECTION("metadata is the version, files are its modules") {
        auto const op = decoded<cfdo::upload_script>(R"({
            "account_id": "a",
            "script_name": "counter",
            "metadata": {"main_module": "worker.mjs", "compatibility_date": "2025-08-06",
                         "bindings": [{"type": "kv_namespace", "name": "KV", "namespace_id": "n"}]},
            "files": [{"name": "worker.mjs", "content_type": "application/javascript+module", "content_base64": "AAEC"},
                      {"name": "util.mjs", "content_type": "application/javascript+module", "content_base64": ""}]
        })");
        cfdo::upload_script const expected{
            .account_id = "a",
            .script_name = "counter",
            .metadata = {.version =
                             {
                                 .main_module = "worker.mjs",
                                 .compatibility_date = "2025-08-06",
                                 .bindings = {cfdo::kv_namespace_binding{.name = "KV", .namespace_id = "n"}},
                                 .modules = {{.name = "worker.mjs",
                                              .content_type = "application/javascript+module",
                                              .content = cfdo::module_base64{"AAEC"}},
                                             {.name = "util.mjs",
                                              .content_type = "application/javascript+module",
                                              .content = cfdo::module_base64{""}}},
                             }},
        };
        CHECK(op == expected);
    }
    SECTION("unknown fields are reported wherever they are, the top level included") {
        std::vector<std::string> unknown;
        auto const op = decoded<cfdo::upload_script>(R"({"account_id": "a", "script_name": "s", "extra": 1,
            "metadata": {"usage_model": "standard", "future": true},
            "files": [{"name": "m", "content_type": "text/plain", "content_base64": "", "size": 0}]})",
                                                     {.unknown_fields = &unknown});
        std::sort(unknown.begin(), unknown.end());
        CHECK(unknown == std::vector<std::string>{"/extra", "/files/0/size"});
        // Inside the metadata, what cfdo does not model is kept.
        CHECK(std::string_view(op.metadata.version.extra) == R"({"future":true})");
    }
    SECTION("files are optional") {
        auto const op = decoded<cfdo::upload_script>(R"({"account_id": "a", "script_name": "s", "metadata": {}})");
        CHECK(op.metadata.version.modules.empty());
    }
    SECTION("errors") {
        CHECK(error_of<cfdo::upload_script>(R"({"account_id": "a", "script_name": "s"})") ==
              cfdo::decode_error{"/metadata", "missing required field \"metadata\""});
        CHECK(error_of<cfdo::upload_script>(R"({"account_id": "a", "script_name": "s", "metadata": {},
                                               "files": [{"name": "m", "content_type": "text/plain"}]})") ==
              cfdo::decode_error{"/files/0/content_base64", "missing required field \"content_base64\""});
        CHECK(error_of<cfdo::upload_script>(R"({"account_id": "a", "script_name": "s",
              "metadata": {"modules": [{"name": "m", "content_type": "text/plain", "content_base64": ""}]}})") ==
              cfdo::decode_error{"/metadata/modules",
                                 "the script upload sends modules as \"files\", not in the metadata"});
        CHECK(error_of<cfdo::upload_script>(R"({"script_name": "s", "metadata": {}})").path == "/account_id");
    }
}

TEST_CASE("from_json reads the SDK params of the listings member by member", "[json][from_json][sdk]") {
    CHECK(decoded<cfdo::list_namespaces>(R"({"account_id": "a", "page": 2, "per_page": 50})") ==
          cfdo::list_namespaces{.account_id = "a", .page = 2, .per_page = 50});
    // The namespace is the API's `id` path parameter.
    CHECK(decoded<cfdo::list_objects>(R"({"account_id": "a", "id": "ns", "cursor": "c", "limit": 100})") ==
          cfdo::list_objects{.account_id = "a", .namespace_id = "ns", .cursor = "c", .limit = 100});
    CHECK(error_of<cfdo::list_objects>(R"({"account_id": "a", "namespace_id": "ns"})") ==
          cfdo::decode_error{"/id", "missing required field \"id\""});
}

TEST_CASE("a json binding read from JSON keeps a huge number as JSON.stringify does", "[json]") {
    // 1e400 parses to infinity; written back it must stay JSON (null), so
    // that the binding still passes json-binding-not-json.
    auto const binding = cfdo::from_json<cfdo::json_binding>(R"({"name":"BIG","json":[1e400,-1e400,1.5]})");
    REQUIRE(binding);
    CHECK(binding->json == "[null,null,1.5E0]");
    CHECK(cfdo::is_json(binding->json));
}

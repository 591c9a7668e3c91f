// cfdo::to_json writes what Cloudflare's SDK sends. Each expectation is the
// whole JSON value, so a stray key (a `null`, an empty array, a misspelt
// name) fails as surely as a wrong value.
#include <cfdo/json/parse.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/model/worker_version.hpp>

#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

boost::json::value json(std::string_view text) { return boost::json::parse(text); }

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

} // namespace

TEST_CASE("to_json writes every binding kind with its type", "[json][to_json][bindings]") {
    SECTION("durable_object_namespace, every field") {
        cfdo::binding const b = cfdo::durable_object_binding{
            .name = "ROOMS",
            .class_name = "Room",
            .script_name = "chat",
            .environment = "production",
            .namespace_id = "0f2ac74b",
            .dispatch_namespace = "customers",
        };
        CHECK(cfdo::to_json(b) == json(R"({"type":"durable_object_namespace","name":"ROOMS","class_name":"Room",
            "script_name":"chat","environment":"production","namespace_id":"0f2ac74b",
            "dispatch_namespace":"customers"})"));
    }
    SECTION("durable_object_namespace, class only") {
        cfdo::binding const b = cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"};
        CHECK(cfdo::to_json(b) ==
              json(R"({"type":"durable_object_namespace","name":"COUNTER","class_name":"Counter"})"));
    }
    SECTION("plain_text") {
        cfdo::binding const b = cfdo::plain_text_binding{.name = "GREETING", .text = "hello"};
        CHECK(cfdo::to_json(b) == json(R"({"type":"plain_text","name":"GREETING","text":"hello"})"));
    }
    SECTION("secret_text") {
        cfdo::binding const b = cfdo::secret_text_binding{.name = "TOKEN", .text = "s3cr3t"};
        CHECK(cfdo::to_json(b) == json(R"({"type":"secret_text","name":"TOKEN","text":"s3cr3t"})"));
    }
    SECTION("json") {
        cfdo::binding const b = cfdo::json_binding{.name = "SETTINGS", .json = R"({"debug":true,"levels":[1,2]})"};
        CHECK(cfdo::to_json(b) == json(R"({"type":"json","name":"SETTINGS","json":{"debug":true,"levels":[1,2]}})"));
    }
    SECTION("kv_namespace") {
        cfdo::binding const b = cfdo::kv_namespace_binding{.name = "CACHE", .namespace_id = "0f2ac74b498b"};
        CHECK(cfdo::to_json(b) == json(R"({"type":"kv_namespace","name":"CACHE","namespace_id":"0f2ac74b498b"})"));
    }
    SECTION("r2_bucket, with and without jurisdiction") {
        cfdo::binding const eu =
            cfdo::r2_bucket_binding{.name = "ASSETS", .bucket_name = "assets", .jurisdiction = "eu"};
        CHECK(cfdo::to_json(eu) ==
              json(R"({"type":"r2_bucket","name":"ASSETS","bucket_name":"assets","jurisdiction":"eu"})"));
        cfdo::binding const global = cfdo::r2_bucket_binding{.name = "ASSETS", .bucket_name = "assets"};
        CHECK(cfdo::to_json(global) == json(R"({"type":"r2_bucket","name":"ASSETS","bucket_name":"assets"})"));
    }
    SECTION("service") {
        cfdo::binding const b = cfdo::service_binding{
            .name = "AUTH", .service = "auth", .entrypoint = "Verifier", .environment = "staging"};
        CHECK(cfdo::to_json(b) == json(R"({"type":"service","name":"AUTH","service":"auth",
            "entrypoint":"Verifier","environment":"staging"})"));
    }
    SECTION("d1") {
        cfdo::binding const b = cfdo::d1_binding{.name = "DB", .database_id = "a1b2"};
        CHECK(cfdo::to_json(b) == json(R"({"type":"d1","name":"DB","database_id":"a1b2"})"));
    }
    SECTION("queue") {
        cfdo::binding const b = cfdo::queue_binding{.name = "JOBS", .queue_name = "jobs"};
        CHECK(cfdo::to_json(b) == json(R"({"type":"queue","name":"JOBS","queue_name":"jobs"})"));
    }
    SECTION("a binding kind serialized alone also carries its type") {
        CHECK(cfdo::to_json(cfdo::d1_binding{.name = "DB", .database_id = "x"}).as_object().at("type") == "d1");
    }
}

TEST_CASE("to_json writes the type string of each kind", "[json][to_json][bindings]") {
    auto type_written = [](cfdo::binding const& b) { return cfdo::to_json(b).as_object().at("type"); };
    CHECK(type_written(cfdo::durable_object_binding{.name = "A", .class_name = "C"}) == "durable_object_namespace");
    CHECK(type_written(cfdo::plain_text_binding{.name = "A", .text = ""}) == "plain_text");
    CHECK(type_written(cfdo::secret_text_binding{.name = "A", .text = ""}) == "secret_text");
    CHECK(type_written(cfdo::json_binding{.name = "A", .json = "null"}) == "json");
    CHECK(type_written(cfdo::kv_namespace_binding{.name = "A", .namespace_id = "n"}) == "kv_namespace");
    CHECK(type_written(cfdo::r2_bucket_binding{.name = "A", .bucket_name = "b"}) == "r2_bucket");
    CHECK(type_written(cfdo::service_binding{.name = "A", .service = "s"}) == "service");
    CHECK(type_written(cfdo::d1_binding{.name = "A", .database_id = "d"}) == "d1");
    CHECK(type_written(cfdo::queue_binding{.name = "A", .queue_name = "q"}) == "queue");
}

TEST_CASE("to_json leaves out absent optionals and empty arrays", "[json][to_json]") {
    SECTION("an empty worker_version is an empty object") {
        CHECK(cfdo::to_json(cfdo::worker_version{}) == json("{}"));
    }
    SECTION("a version with empty arrays writes none of them") {
        cfdo::worker_version const version{
            .main_module = "worker.mjs",
            .compatibility_flags = {},
            .bindings = {},
            .modules = {},
        };
        CHECK(cfdo::to_json(version) == json(R"({"main_module":"worker.mjs"})"));
    }
    SECTION("optional binding fields are never null") {
        auto const written = cfdo::to_json(cfdo::binding(cfdo::service_binding{.name = "AUTH", .service = "auth"}));
        CHECK(written == json(R"({"type":"service","name":"AUTH","service":"auth"})"));
        CHECK_FALSE(written.as_object().contains("entrypoint"));
        CHECK_FALSE(written.as_object().contains("environment"));
    }
    SECTION("an engaged optional is written even when all its own members are absent") {
        cfdo::worker_version const version{.annotations = cfdo::version_annotations{},
                                           .limits = cfdo::version_limits{}};
        CHECK(cfdo::to_json(version) == json(R"({"annotations":{},"limits":{}})"));
    }
    SECTION("empty strings are values, not absences") {
        cfdo::worker_version const version{.main_module = "", .compatibility_flags = {""}};
        CHECK(cfdo::to_json(version) == json(R"({"main_module":"","compatibility_flags":[""]})"));
    }
}

TEST_CASE("to_json writes both migration forms", "[json][to_json][migrations]") {
    SECTION("single step: the directives beside the tags") {
        cfdo::worker_version const version{
            .migrations =
                cfdo::single_step_migration{
                    .old_tag = "v1",
                    .new_tag = "v2",
                    .new_sqlite_classes = {"Room"},
                    .renamed_classes = {{.from = "Counter", .to = "Tally"}},
                    .deleted_classes = {"Legacy"},
                    .transferred_classes = {{.from = "Chat", .from_script = "old-worker", .to = "Chat"}},
                },
        };
        CHECK(cfdo::to_json(version) == json(R"({"migrations":{
            "old_tag":"v1","new_tag":"v2",
            "new_sqlite_classes":["Room"],
            "renamed_classes":[{"from":"Counter","to":"Tally"}],
            "deleted_classes":["Legacy"],
            "transferred_classes":[{"from":"Chat","from_script":"old-worker","to":"Chat"}]}})"));
    }
    SECTION("single step with classes only, no tags") {
        cfdo::migrations const m = cfdo::single_step_migration{.new_classes = {"Counter", "Room"}};
        CHECK(cfdo::to_json(m) == json(R"({"new_classes":["Counter","Room"]})"));
    }
    SECTION("multi step: an array of steps, each with only its own directives") {
        cfdo::migrations const m = cfdo::multi_step_migration{
            .old_tag = "v1",
            .new_tag = "v3",
            .steps = {{.new_classes = {"Counter"}},
                      {.renamed_classes = {{.from = "Counter", .to = "Tally"}}, .deleted_classes = {"Old"}},
                      {}},
        };
        CHECK(cfdo::to_json(m) == json(R"({"old_tag":"v1","new_tag":"v3","steps":[
            {"new_classes":["Counter"]},
            {"renamed_classes":[{"from":"Counter","to":"Tally"}],"deleted_classes":["Old"]},
            {}]})"));
    }
    SECTION("multi step without steps leaves `steps` out") {
        cfdo::migrations const m = cfdo::multi_step_migration{.new_tag = "v1"};
        CHECK(cfdo::to_json(m) == json(R"({"new_tag":"v1"})"));
    }
}

TEST_CASE("to_json writes module content as content_base64", "[json][to_json][modules]") {
    SECTION("module_bytes are base64-encoded") {
        cfdo::worker_module const module{.name = "worker.mjs",
                                         .content_type = cfdo::content_type::javascript_module,
                                         .content = cfdo::module_bytes{"export default {}"}};
        CHECK(cfdo::to_json(module) == json(R"({"name":"worker.mjs","content_type":"application/javascript+module",
            "content_base64":"ZXhwb3J0IGRlZmF1bHQge30="})"));
    }
    SECTION("binary module_bytes keep their NUL bytes") {
        cfdo::worker_module const module{.name = "data.bin",
                                         .content_type = cfdo::content_type::octet_stream,
                                         .content = cfdo::module_bytes{std::string_view("\0\1\2", 3)}};
        CHECK(cfdo::to_json(module).as_object().at("content_base64") == "AAEC");
    }
    SECTION("module_base64 is passed through unchanged") {
        cfdo::worker_module const module{.name = "data.bin",
                                         .content_type = cfdo::content_type::octet_stream,
                                         .content = cfdo::module_base64{"AAEC"}};
        CHECK(cfdo::to_json(module) ==
              json(R"({"name":"data.bin","content_type":"application/octet-stream","content_base64":"AAEC"})"));
    }
    SECTION("module_base64 is not re-encoded nor checked by the serializer") {
        cfdo::worker_module const module{
            .name = "m", .content_type = "text/plain", .content = cfdo::module_base64{"not base64!"}};
        CHECK(cfdo::to_json(module).as_object().at("content_base64") == "not base64!");
    }
    SECTION("no key is named after the C++ member") {
        cfdo::worker_module const module{.name = "m", .content_type = "text/plain", .content = cfdo::module_bytes{""}};
        auto const written = cfdo::to_json(module);
        CHECK_FALSE(written.as_object().contains("content"));
        CHECK(written.as_object().at("content_base64") == "");
    }
}

TEST_CASE("to_json writes annotations, limits and the compatibility date", "[json][to_json]") {
    SECTION("annotations under Cloudflare's slashed keys") {
        cfdo::version_annotations const annotations{.message = "first deploy", .tag = "v1.0"};
        CHECK(cfdo::to_json(annotations) == json(R"({"workers/message":"first deploy","workers/tag":"v1.0"})"));
        CHECK(cfdo::to_json(cfdo::version_annotations{.tag = "t"}) == json(R"({"workers/tag":"t"})"));
    }
    SECTION("limits") {
        CHECK(cfdo::to_json(cfdo::version_limits{.cpu_ms = 50}) == json(R"({"cpu_ms":50})"));
        CHECK(cfdo::to_json(cfdo::version_limits{.cpu_ms = 4294967295u}) == json(R"({"cpu_ms":4294967295})"));
        CHECK(cfdo::to_json(cfdo::version_limits{}) == json("{}"));
    }
    SECTION("compatibility_date as YYYY-MM-DD, zero-padded") {
        CHECK(cfdo::to_json(cfdo::worker_version{.compatibility_date = cfdo::date(2024, 3, 1)}) ==
              json(R"({"compatibility_date":"2024-03-01"})"));
        CHECK(cfdo::to_json(cfdo::date("2025-08-06")) == "2025-08-06");
    }
}

TEST_CASE("to_json writes a whole worker version", "[json][to_json]") {
    cfdo::worker_version const version{
        .main_module = "worker.mjs",
        .compatibility_date = "2025-08-06",
        .compatibility_flags = {"nodejs_compat", "no_global_navigator"},
        .bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"},
                     cfdo::json_binding{.name = "SETTINGS", .json = R"([1,"two",null])"}},
        .migrations = cfdo::single_step_migration{.new_tag = "v1", .new_sqlite_classes = {"Counter"}},
        .modules = {{.name = "worker.mjs",
                     .content_type = cfdo::content_type::javascript_module,
                     .content = cfdo::module_bytes{"export default {}"}}},
        .annotations = cfdo::version_annotations{.message = "hello"},
        .limits = cfdo::version_limits{.cpu_ms = 30000},
    };
    CHECK(cfdo::to_json(version) == json(R"({
        "main_module":"worker.mjs",
        "compatibility_date":"2025-08-06",
        "compatibility_flags":["nodejs_compat","no_global_navigator"],
        "bindings":[
            {"type":"durable_object_namespace","name":"COUNTER","class_name":"Counter"},
            {"type":"json","name":"SETTINGS","json":[1,"two",null]}],
        "migrations":{"new_tag":"v1","new_sqlite_classes":["Counter"]},
        "modules":[{"name":"worker.mjs","content_type":"application/javascript+module",
                    "content_base64":"ZXhwb3J0IGRlZmF1bHQge30="}],
        "annotations":{"workers/message":"hello"},
        "limits":{"cpu_ms":30000}})"));
}

TEST_CASE("to_json embeds a json binding's text as a JSON value", "[json][to_json][bindings]") {
    auto embedded = [](std::string_view source) {
        return cfdo::to_json(cfdo::json_binding{.name = "J", .json = source}).as_object().at("json");
    };

    SECTION("each kind of JSON value, never as a string of JSON") {
        CHECK(embedded(R"({"a":{"b":[true,false]}})") == json(R"({"a":{"b":[true,false]}})"));
        CHECK(embedded("[1, 2, 3]") == json("[1,2,3]"));
        CHECK(embedded(R"("text")") == "text");
        CHECK(embedded("42") == 42);
        CHECK(embedded("-1.5") == -1.5);
        CHECK(embedded("true") == true);
        CHECK(embedded("null").is_null());
        CHECK(embedded(" \n{ }\t") == json("{}"));
    }
    SECTION("a number beyond double's range is written as null, as JSON.stringify writes it") {
        CHECK(embedded("1e400").is_null());
        CHECK(embedded("-1e400").is_null());
        CHECK(embedded(R"([1e400,{"a":-1E+999,"b":[2.5,1e308]},"1e400",1e-400])") ==
              json(R"([null,{"a":null,"b":[2.5,1e308]},"1e400",0.0])"));
        auto const request_body =
            boost::json::serialize(cfdo::to_json(cfdo::json_binding{.name = "J", .json = R"({"big":[1e400]})"}));
        CHECK(request_body == R"({"type":"json","name":"J","json":{"big":[null]}})");
        CHECK(cfdo::parse_json(request_body).has_value());
    }
    SECTION("text that is not JSON throws invalid_json_text") {
        for (auto const* bad : {"", "{", "{'a':1}", "nul", "1 2", "[1,]", "undefined"}) {
            INFO("json text: \"" << bad << "\"");
            CHECK_THROWS_AS(embedded(bad), cfdo::invalid_json_text);
        }
        CHECK_THROWS_WITH(embedded("{"), Catch::StartsWith("cfdo::json_text is not JSON: "));
    }
    SECTION("invalid_json_text is a std::invalid_argument") { CHECK_THROWS_AS(embedded("{"), std::invalid_argument); }
    SECTION("nesting up to json_max_depth, which from_json accepts, is embedded") {
        // cfdo parses JSON text up to json_max_depth levels deep; a json
        // binding read back from such a configuration must serialize again.
        auto const source = nested_arrays(64);
        REQUIRE(cfdo::parse_json(source).has_value());
        CHECK(embedded(source) == cfdo::parse_json(source).value());
        auto const deepest = nested_arrays(cfdo::json_max_depth);
        REQUIRE(cfdo::parse_json(deepest).has_value());
        CHECK_NOTHROW(embedded(deepest));
    }
}

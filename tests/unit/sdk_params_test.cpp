// Operations as Cloudflare's SDK params: to_json writes them, from_json reads
// them back, and the two agree for every operation.
#include <cfdo/json/from_json.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/model/operations.hpp>

#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

namespace {

cfdo::worker_version version_with_everything() {
    return {
        .main_module = "worker.mjs",
        .compatibility_date = "2025-08-06",
        .compatibility_flags = {"nodejs_compat"},
        .bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"},
                     cfdo::kv_namespace_binding{.name = "CACHE", .namespace_id = "0f2a"}},
        .migrations = cfdo::multi_step_migration{.new_tag = "v1", .steps = {{.new_sqlite_classes = {"Counter"}}}},
        .modules = {{.name = "worker.mjs",
                     .content_type = "application/javascript+module",
                     .content = cfdo::module_base64{"ZXhwb3J0IHt9"}}},
        .annotations = cfdo::version_annotations{.message = "m"},
        .limits = cfdo::version_limits{.cpu_ms = 50},
    };
}

template <class Operation>
void check_round_trip(Operation const& op, char const* expected_json) {
    auto const json = cfdo::to_json(op);
    CHECK(json == boost::json::parse(expected_json));
    auto const back = cfdo::from_json<Operation>(json);
    REQUIRE(back);
    CHECK(*back == op);
}

} // namespace

TEST_CASE("every operation round-trips through its SDK params", "[sdk_params][json]") {
    SECTION("list_namespaces") {
        check_round_trip(cfdo::list_namespaces{.account_id = "a", .page = 2, .per_page = 50},
                         R"({"account_id":"a","page":2,"per_page":50})");
    }
    SECTION("list_objects: the namespace is the SDK's id") {
        check_round_trip(cfdo::list_objects{.account_id = "a", .namespace_id = "n", .cursor = "c", .limit = 10},
                         R"({"account_id":"a","id":"n","cursor":"c","limit":10})");
    }
    SECTION("create_version: the version's fields sit beside the parameters") {
        check_round_trip(
            cfdo::create_version{
                .account_id = "a", .worker_id = "w", .deploy = false, .version = version_with_everything()},
            R"({"account_id":"a","worker_id":"w","deploy":false,"main_module":"worker.mjs",
                "compatibility_date":"2025-08-06","compatibility_flags":["nodejs_compat"],
                "bindings":[{"type":"durable_object_namespace","name":"COUNTER","class_name":"Counter"},
                            {"type":"kv_namespace","name":"CACHE","namespace_id":"0f2a"}],
                "migrations":{"new_tag":"v1","steps":[{"new_sqlite_classes":["Counter"]}]},
                "modules":[{"name":"worker.mjs","content_type":"application/javascript+module",
                            "content_base64":"ZXhwb3J0IHt9"}],
                "annotations":{"workers/message":"m"},"limits":{"cpu_ms":50}})");
    }
    SECTION("upload_script: the version is the metadata, its modules the files") {
        auto version = version_with_everything();
        version.migrations.reset();
        check_round_trip(cfdo::upload_script{.account_id = "a", .script_name = "s", .metadata = {.version = version}},
                         R"({"account_id":"a","script_name":"s",
                             "metadata":{"main_module":"worker.mjs","compatibility_date":"2025-08-06",
                                         "compatibility_flags":["nodejs_compat"],
                                         "bindings":[{"type":"durable_object_namespace","name":"COUNTER",
                                                      "class_name":"Counter"},
                                                     {"type":"kv_namespace","name":"CACHE","namespace_id":"0f2a"}],
                                         "annotations":{"workers/message":"m"},"limits":{"cpu_ms":50}},
                             "files":[{"name":"worker.mjs","content_type":"application/javascript+module",
                                       "content_base64":"ZXhwb3J0IHt9"}]})");
    }
    SECTION("absent optional parameters stay absent") {
        check_round_trip(cfdo::create_version{.account_id = "a", .worker_id = "w"},
                         R"({"account_id":"a","worker_id":"w"})");
    }
}

TEST_CASE("SDK params that do not fit are decode errors with their pointer", "[sdk_params][json]") {
    auto error_of = [](char const* json) {
        auto decoded = cfdo::from_json<cfdo::create_version>(json);
        REQUIRE_FALSE(decoded);
        return decoded.error().what();
    };
    CHECK(error_of(R"({"worker_id":"w"})") == "at /account_id: missing required field \"account_id\"");
    CHECK(error_of(R"({"account_id":"a","worker_id":"w","deploy":"yes"})") ==
          "at /deploy: expected a boolean, got a string");
    CHECK(error_of(R"({"account_id":"a","worker_id":"w","bindings":{}})") ==
          "at /bindings: expected an array, got an object");

    auto upload = cfdo::from_json<cfdo::upload_script>(R"({"account_id":"a","script_name":"s",
        "metadata":{"modules":[{"name":"m","content_type":"t","content_base64":""}]}})");
    REQUIRE_FALSE(upload);
    CHECK(upload.error().path == "/metadata/modules");
}

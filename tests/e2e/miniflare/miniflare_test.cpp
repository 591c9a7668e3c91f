// The seed's Counter Worker, its version built by cfdo, running on Miniflare:
// through the curl and the Beast transport, the Worker counts 1, 2, 3, and
// cfdo's pagination helpers find its namespace and its stored object in the
// listings, decoded by cfdo. Then what is deployed, read by `cfdo state`
// over HTTP, and configurations judged against it by `cfdo check --state`.
//
// Environment (set by CMake): CFDO_NODE, CFDO_MINIFLARE_FIXTURE (fixture.mjs),
// CFDO_COUNTER_REQUEST (what write_counter_request wrote), CFDO_COUNTER_STORAGE
// (`kv` or `sqlite`: what that request gives the Counter's namespace) and
// CFDO_CLI (the cfdo tool).

#include <cfdo/api/deployed_state.hpp>
#include <cfdo/api/pagination.hpp>
#include <cfdo/json/parse.hpp>
#include <cfdo/transport/curl.hpp>

#include "beast_transport.hpp"
#include "fixture_process.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

namespace {

// The account write_counter_request puts in the create-version path.
constexpr char const* account_id = "023e105f4ecef8ad9ca31a8372d0c353";
constexpr char const* api_token = "cfdo-e2e-token";

std::string environment(char const* name) {
    char const* value = std::getenv(name);
    if (value == nullptr) FAIL(name << " is not set (ctest sets it)");
    return value;
}

cfdo_tests::fixture_process start_fixture(std::string const& request_file) {
    return {environment("CFDO_NODE"), environment("CFDO_MINIFLARE_FIXTURE"), request_file, api_token};
}

// What the Worker gets: a plain GET of its root (it counts every request).
cfdo::request root_of_the_worker() {
    cfdo::request request;
    request.path = "/";
    return request;
}

template <class Transport>
Transport transport_to(std::string base_url, std::string token) {
    return Transport{{.token = std::move(token), .base_url = std::move(base_url)}};
}

struct run_result {
    int status;
    std::string output;
};

// Runs a shell command line, its standard output captured.
run_result run(std::string const& command) {
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string output;
    char buffer[4096];
    for (std::size_t read; (read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, read);
    int const status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

std::filesystem::path write_file(std::string const& name, std::string const& content) {
    auto const path = std::filesystem::temp_directory_path() / ("cfdo-miniflare-" + name);
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

} // namespace

TEMPLATE_TEST_CASE("the Counter version cfdo builds runs on Miniflare", "[miniflare]", cfdo::curl_transport,
                   cfdo_examples::beast_transport) {
    auto fixture = start_fixture(environment("CFDO_COUNTER_REQUEST"));

    auto const worker = transport_to<TestType>(fixture.worker_url, "");
    for (std::string const expected : {"1", "2", "3"}) {
        cfdo::http_response const response = worker(root_of_the_worker());
        CHECK(response.status == 200);
        CHECK(response.body == expected);
    }

    auto const api = transport_to<TestType>(fixture.api_url, api_token);
    auto const namespaces = cfdo::list_all_namespaces(api, {.account_id = account_id});
    INFO((namespaces ? "" : namespaces.error().what()));
    REQUIRE(namespaces.has_value());
    auto const counter = std::find_if(namespaces->begin(), namespaces->end(),
                                      [](cfdo::namespace_info const& ns) { return ns.class_name == "Counter"; });
    REQUIRE(counter != namespaces->end());
    CHECK(counter->script == "counter");
    // The storage is the request's: key-value by the migration's new_classes,
    // SQLite by an `exports` entry. CMake says which, independently of the
    // fixture's reading of the request.
    std::string const storage = environment("CFDO_COUNTER_STORAGE");
    REQUIRE((storage == "kv" || storage == "sqlite"));
    CHECK(counter->use_sqlite == (storage == "sqlite"));
    REQUIRE(counter->id.has_value());

    auto const objects = cfdo::list_all_objects(api, {.account_id = account_id, .namespace_id = *counter->id});
    INFO((objects ? "" : objects.error().what()));
    REQUIRE(objects.has_value());
    REQUIRE(objects->size() == 1);
    CHECK(objects->front().id.has_value());
    CHECK(objects->front().has_stored_data == true);

    // A wrong token: Cloudflare's authentication error, decoded.
    auto const intruder = transport_to<TestType>(fixture.api_url, "not-the-token");
    auto const refused = cfdo::call(intruder, cfdo::list_namespaces{.account_id = account_id});
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().http_status == 403);
    CHECK(refused.error().has_code(10000));

    // No server: a transport error, thrown (and let through by cfdo).
    fixture.stop();
    CHECK_THROWS_AS(cfdo::call(api, cfdo::list_namespaces{.account_id = account_id}), cfdo::transport_error);
}

TEST_CASE("a Counter bound under a class worker.mjs does not export does not start", "[miniflare]") {
    CHECK_THROWS_WITH(
        start_fixture(environment("CFDO_WRONG_CLASS_REQUEST")),
        Catch::Contains("Miniflare did not start") &&
            Catch::Contains("referenced the class \"Countr\", but no such Durable Object class is exported"));
}

TEST_CASE("cfdo state reads the deployed Counter over HTTP, and cfdo check judges against it", "[miniflare][cli]") {
    auto fixture = start_fixture(environment("CFDO_COUNTER_REQUEST"));
    std::string const cli = environment("CFDO_CLI");
    std::string const with_api = "CLOUDFLARE_API_BASE_URL='" + fixture.api_url + "' CLOUDFLARE_API_TOKEN='" +
                                 api_token + "' CLOUDFLARE_ACCOUNT_ID='" + account_id + "' ";

    // The library, through the curl transport: Counter, key-value, no tag.
    auto const api = transport_to<cfdo::curl_transport>(fixture.api_url, api_token);
    auto const fetched = cfdo::fetch_deployed_state(api, account_id, "counter");
    INFO((fetched ? "" : fetched.error().what()));
    REQUIRE(fetched.has_value());
    CHECK(fetched->worker_exists);
    CHECK_FALSE(fetched->migration_tag);
    REQUIRE(fetched->classes);
    REQUIRE(fetched->classes->size() == 1);
    CHECK(fetched->classes->front().class_name == "Counter");
    CHECK(fetched->classes->front().storage == cfdo::durable_object_storage::kv);
    auto const missing = cfdo::fetch_deployed_state(api, account_id, "no-such-worker");
    REQUIRE(missing.has_value());
    CHECK_FALSE(missing->worker_exists);
    CHECK(missing->classes->empty());

    // The tool prints the same state, in its documented form.
    auto const printed = run(with_api + "'" + cli + "' state --script counter");
    INFO(printed.output);
    REQUIRE(printed.status == 0);
    auto const state_json = cfdo::parse_json(printed.output).value();
    CHECK(state_json.at("worker_exists") == true);
    CHECK_FALSE(state_json.as_object().contains("migration_tag"));
    CHECK(state_json.at("classes").at(0).at("class") == "Counter");
    CHECK(state_json.at("classes").at(0).at("storage") == "kv");
    CHECK(state_json.at("classes").at(0).at("namespace_id").is_string());
    // A wrong token: an API failure, exit status 2, the token never printed.
    auto const refused = run("CLOUDFLARE_API_BASE_URL='" + fixture.api_url + "' CLOUDFLARE_API_TOKEN=wrong-token '" +
                             cli + "' state --account-id " + account_id + " --script counter 2>&1");
    CHECK(refused.status == 2);
    CHECK(refused.output.find("10000") != std::string::npos);
    CHECK(refused.output.find("wrong-token") == std::string::npos);

    auto const state = write_file("state.json", printed.output);
    auto const check = [&](std::string const& name, std::string const& configuration) {
        auto const config = write_file(name, configuration);
        return run("'" + cli + "' check --state '" + state.string() + "' '" + config.string() + "'");
    };
    SECTION("moving the deployed KV class to new_sqlite_classes is refused") {
        auto const result = check("to-sqlite.json", R"({"name": "counter",
            "durable_objects": {"bindings": [{"name": "COUNTER", "class_name": "Counter"}]},
            "migrations": [{"tag": "v1", "new_sqlite_classes": ["Counter"]}]})");
        INFO(result.output);
        CHECK(result.status == 1);
        CHECK(result.output.find("error[kv-class-converted-to-sqlite]") != std::string::npos);
    }
    SECTION("renaming another class onto Counter is refused") {
        auto const result = check("rename-onto.json", R"({"name": "counter",
            "durable_objects": {"bindings": [{"name": "COUNTER", "class_name": "Counter"}]},
            "migrations": [{"tag": "v1", "new_classes": ["Tally"]},
                           {"tag": "v2", "renamed_classes": [{"from": "Tally", "to": "Counter"}]}]})");
        INFO(result.output);
        CHECK(result.status == 1);
        CHECK(result.output.find("error[rename-target-exists]") != std::string::npos);
    }
    SECTION("binding Counter with no migrations at all is accepted") {
        auto const result = check("bind-only.json", R"({"name": "counter",
            "durable_objects": {"bindings": [{"name": "COUNTER", "class_name": "Counter"}]}})");
        INFO(result.output);
        CHECK(result.status == 0);
        CHECK(result.output.find("valid (no deployed tag, 1 live class)") != std::string::npos);
    }
}

// The seed's Counter Worker, its version built by cfdo, running on Miniflare:
// through the curl and the Beast transport, the Worker counts 1, 2, 3, and
// cfdo's pagination helpers find its namespace and its stored object in the
// listings, decoded by cfdo.
//
// Environment (set by CMake): CFDO_NODE, CFDO_MINIFLARE_FIXTURE (fixture.mjs)
// and CFDO_COUNTER_REQUEST (what write_counter_request wrote).

#include <cfdo/api/pagination.hpp>

#include "beast_transport.hpp"
#include "curl_transport.hpp"
#include "fixture_process.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>

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

} // namespace

TEMPLATE_TEST_CASE("the Counter version cfdo builds runs on Miniflare", "[miniflare]", cfdo_examples::curl_transport,
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
    CHECK(counter->use_sqlite == false);
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
    CHECK_THROWS_AS(cfdo::call(api, cfdo::list_namespaces{.account_id = account_id}), cfdo_examples::transport_error);
}

TEST_CASE("a Counter bound under a class worker.mjs does not export does not start", "[miniflare]") {
    CHECK_THROWS_WITH(
        start_fixture(environment("CFDO_WRONG_CLASS_REQUEST")),
        Catch::Contains("Miniflare did not start") &&
            Catch::Contains("referenced the class \"Countr\", but no such Durable Object class is exported"));
}

// A realistic Worker, checked while compiling and printed as the classic
// script upload that deploys it: a chat platform with two Durable Object
// classes (rooms and a rate limiter, both SQLite-backed), a KV namespace, an
// R2 bucket, a D1 database, Workers AI, a service binding to the auth Worker,
// an API token (a secret, read at run time), logs and traces.
//
//   platform [ACCOUNT_ID]
//
// The upload is printed with its secret redacted (cfdo::redacted): what a
// log may show. The request itself, which a transport sends, keeps it.

#include <cfdo/api/make_request.hpp>
#include <cfdo/api/redaction.hpp>
#include <cfdo/json/pretty.hpp>
#include <cfdo/rules/compile_time.hpp>

#include <cstdlib>
#include <iostream>
#include <string_view>

namespace {

constexpr std::string_view example_account_id = "023e105f4ecef8ad9ca31a8372d0c353";

constexpr std::string_view worker_source =
#include "worker_source.inc"
    ;

// Everything but the secret is known while compiling.
constexpr cfdo::upload_metadata platform_upload() {
    return {
        .version =
            {
                .main_module = "worker.mjs",
                .compatibility_date = "2026-11-01",
                .compatibility_flags = {"nodejs_compat"},
                .bindings = {cfdo::durable_object_binding{.name = "ROOMS", .class_name = "ChatRoom"},
                             cfdo::durable_object_binding{.name = "LIMITER", .class_name = "RateLimiter"},
                             cfdo::kv_namespace_binding{.name = "SESSIONS",
                                                        .namespace_id = "0f2ac74b498b48028cb68387c421e279"},
                             cfdo::r2_bucket_binding{.name = "UPLOADS", .bucket_name = "chat-uploads"},
                             cfdo::d1_binding{.name = "ACCOUNTS",
                                              .database_id = "a1b2c3d4-e5f6-4789-abcd-ef0123456789"},
                             cfdo::ai_binding{.name = "AI"},
                             cfdo::service_binding{.name = "AUTH", .service = "auth-worker", .entrypoint = "Verifier"}},
                .migrations = cfdo::multi_step_migration{.new_tag = "v2",
                                                         .steps = {{.new_sqlite_classes = {"ChatRoom"}},
                                                                   {.new_sqlite_classes = {"RateLimiter"}}}},
                .modules = {{.name = "worker.mjs",
                             .content_type = cfdo::content_type::javascript_module,
                             .content = cfdo::module_bytes{worker_source}}},
                .limits = cfdo::version_limits{.cpu_ms = 50, .subrequests = 100},
                .placement = cfdo::placement{.mode = "smart"},
            },
        .logpush = false,
        .observability = cfdo::observability{.enabled = true,
                                             .head_sampling_rate = 0.25,
                                             .traces = cfdo::observability_traces{.enabled = true}},
        .code_update_strategy = cfdo::code_update_strategy{.mode = "deferred", .max_delay = 300},
    };
}

// The configuration is checked here, by the rules `make_request` runs again
// below: a binding to a class no migration creates, a placement of no form
// Cloudflare takes, ... would stop the build. (A first deploy: the
// migrations are the whole history.)
static_assert(cfdo::valid<platform_upload, cfdo::first_deploy>());

} // namespace

int main(int argc, char** argv) {
    std::string_view const account_id = argc > 1 ? argv[1] : example_account_id;
    auto upload = platform_upload();
    // The secret comes from the environment where the program runs (a
    // fixed stand-in here, so that the output can be compared).
    char const* const token = std::getenv("PLATFORM_API_TOKEN");
    upload.version.bindings.push_back(
        cfdo::secret_text_binding{.name = "API_TOKEN", .text = token ? token : "tok_live_8f3a2c1e"});
    try {
        auto const request = cfdo::make_request(cfdo::upload_script{.account_id = account_id,
                                                                    .script_name = "chat-platform",
                                                                    .metadata = std::move(upload)},
                                                {.deployed = cfdo::first_deploy{}});
        std::cout << "# Deploy the chat platform (the classic script upload), its secret redacted\n"
                  << cfdo::pretty_json(cfdo::to_json(cfdo::redacted(request))) << '\n';
    } catch (cfdo::invalid_request const& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
    return 0;
}

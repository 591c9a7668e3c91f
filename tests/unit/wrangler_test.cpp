#include <cfdo/json/parse.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/wrangler/check_config.hpp>
#include <cfdo/wrangler/read_config.hpp>

#include <catch2/catch.hpp>

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

cfdo::wrangler::config_reading read(char const* jsonc, std::optional<std::string_view> environment = {}) {
    return cfdo::wrangler::read_config(cfdo::parse_json(jsonc, cfdo::jsonc).value(), environment);
}

std::vector<std::string> rules_and_paths(std::vector<cfdo::diagnostic> const& diagnostics) {
    std::vector<std::string> out;
    for (auto const& d : diagnostics) out.push_back(std::string(d.rule) + " " + std::string(d.path));
    return out;
}

} // namespace

TEST_CASE("read_config: an environment inherits name, dates and migrations, not bindings", "[wrangler]") {
    auto const reading = read(R"({
        "name": "counter", "compatibility_date": "2025-01-01",
        "durable_objects": {"bindings": [{"name": "COUNTER", "class_name": "Counter"}]},
        "migrations": [{"tag": "v1", "new_sqlite_classes": ["Counter"]}],
        "env": {"staging": {"vars": {"MODE": "staging"}}}
    })",
                              "staging");
    REQUIRE(reading.worker);
    auto const& worker = *reading.worker;
    CHECK(worker.name == "counter-staging");
    CHECK(worker.deployment.version.compatibility_date == cfdo::date(2025, 1, 1));
    CHECK(worker.deployment.history.size() == 1);
    REQUIRE(worker.deployment.version.bindings.size() == 1);
    CHECK(worker.deployment.version.bindings[0].holds<cfdo::plain_text_binding>());
    CHECK(rules_and_paths(reading.diagnostics) ==
          std::vector<std::string>{"config-durable-objects-not-inherited /env/staging"});
}

TEST_CASE("read_config: an environment's own name and migrations replace the top level's", "[wrangler]") {
    auto const reading = read(R"({
        "name": "counter",
        "migrations": [{"tag": "v1", "new_sqlite_classes": ["Counter"]}],
        "env": {"production": {"name": "counter-prod",
                               "migrations": [{"tag": "p1", "new_classes": ["Counter"]}]}}
    })",
                              "production");
    REQUIRE(reading.worker);
    CHECK(reading.worker->name == "counter-prod");
    REQUIRE(reading.worker->deployment.history.size() == 1);
    CHECK(reading.worker->deployment.history[0].tag == "p1");
    CHECK(reading.worker->migrations_location == "/env/production/migrations");
}

TEST_CASE("read_config: a shape error leaves no Worker to check", "[wrangler]") {
    auto const reading = read(R"({"migrations": [{"tag": 1}], "durable_objects": {"bindings": [{"name": "A"}]}})");
    CHECK_FALSE(reading.worker);
    CHECK(rules_and_paths(reading.diagnostics) ==
          std::vector<std::string>{"config-field-missing /durable_objects/bindings/0/class_name",
                                   "config-not-a-string /migrations/0/tag"});
    CHECK(reading.diagnostics[0].subject == "durable_objects.bindings[0].class_name");
}

TEST_CASE("read_config: keys with '/' and '~' are escaped in paths", "[wrangler]") {
    auto const reading = read(R"({"vars": {"a/b": "x", "a~b": "y"}, "kv_namespaces": [{"binding": "a/b"}]})");
    REQUIRE(reading.worker);
    auto const found = cfdo::wrangler::check(*reading.worker);
    CHECK(rules_and_paths(found) == std::vector<std::string>{"binding-name-duplicate /kv_namespaces/0/binding",
                                                             "binding-name-not-identifier /vars/a~1b",
                                                             "binding-name-not-identifier /vars/a~0b",
                                                             "binding-name-not-identifier /kv_namespaces/0/binding"});
}

TEST_CASE("check and plan: the steps after the deployed tag, with paths into the history", "[wrangler]") {
    auto const reading = read(R"({
        "name": "counter",
        "durable_objects": {"bindings": [{"name": "COUNTER", "class_name": "Counter"}]},
        "migrations": [{"tag": "v1", "new_sqlite_classes": ["Counter"]},
                       {"tag": "v2", "new_sqlite_classes": ["Room"]}]
    })");
    REQUIRE(reading.worker);
    cfdo::wrangler::check_options options{.exported_classes = std::vector<cfdo::text>{"Counter"},
                                          .deployed = cfdo::deployed_state{.migration_tag = "v1"}};
    CHECK(rules_and_paths(cfdo::wrangler::check(*reading.worker, options)) ==
          std::vector<std::string>{"new-class-not-exported /migrations/1/new_sqlite_classes/0"});
    auto const plan = cfdo::wrangler::plan(*reading.worker, options);
    REQUIRE(plan);
    CHECK(plan->old_tag == cfdo::text("v1"));
    CHECK(plan->new_tag == cfdo::text("v2"));
    CHECK(plan->steps.size() == 1);
    options.deployed = cfdo::deployed_state{.migration_tag = "v2"};
    CHECK_FALSE(cfdo::wrangler::plan(*reading.worker, options));
}

TEST_CASE("parse_json: comments and trailing commas only when asked for", "[wrangler][json]") {
    CHECK_FALSE(cfdo::parse_json("{\"a\": 1, // one\n}"));
    CHECK(cfdo::parse_json("{\"a\": 1, // one\n}", cfdo::jsonc));
    CHECK(cfdo::parse_json("/* before */ [1, 2,] // after", cfdo::jsonc));
    CHECK_FALSE(cfdo::parse_json("[1] /* unterminated", cfdo::jsonc));
}

TEST_CASE("check: an empty deployed tag is no tag, even when the history has an empty tag", "[wrangler]") {
    auto const reading = read(R"({
        "migrations": [{"tag": "", "new_sqlite_classes": ["A"]}, {"tag": "v2", "new_sqlite_classes": ["B"]}]
    })");
    REQUIRE(reading.worker);
    cfdo::wrangler::check_options const options{.exported_classes = std::vector<cfdo::text>{"A"},
                                                .deployed = cfdo::deployed_state{.migration_tag = ""}};
    // Every step is sent, so B's migration is the second one, not a third.
    CHECK(rules_and_paths(cfdo::wrangler::check(*reading.worker, options)) ==
          std::vector<std::string>{"migration-tag-empty /migrations/0/tag",
                                   "new-class-not-exported /migrations/1/new_sqlite_classes/0"});
}

TEST_CASE("check: bindings are held against the exports lifecycle, not against migrations", "[wrangler]") {
    auto const reading = read(R"({
        "durable_objects": {"bindings": [{"name": "A", "class_name": "A"}, {"name": "B", "class_name": "B"}]},
        "exports": {"A": {"type": "durable-object", "storage": "sqlite"}}
    })");
    REQUIRE(reading.worker);
    CHECK(reading.diagnostics.empty());
    CHECK(rules_and_paths(cfdo::wrangler::check(*reading.worker)) ==
          std::vector<std::string>{"binding-class-not-in-exports /durable_objects/bindings/1/class_name"});
}

TEST_CASE("read_config: --env with no environments at all reads the top-level Worker", "[wrangler]") {
    auto const reading = read(R"({"name": "counter", "vars": {"MODE": "x"}})", "staging");
    REQUIRE(reading.worker);
    CHECK(reading.worker->name == "counter");
    CHECK(reading.worker->deployment.version.bindings.size() == 1);
    CHECK(rules_and_paths(reading.diagnostics) == std::vector<std::string>{"config-environment-not-defined "});
}

namespace {

// The bindings read, as the JSON cfdo sends.
boost::json::value bindings_json(cfdo::wrangler::config_reading const& reading) {
    boost::json::array out;
    if (reading.worker)
        for (auto const& binding : reading.worker->deployment.version.bindings) out.push_back(cfdo::to_json(binding));
    return out;
}

struct wrangler_capture {
    char const* name;
    // A configuration of tests/e2e/wrangler/configs.
    char const* configuration;
    // The `metadata.bindings` wrangler 4.164.0 uploaded for it (captured
    // with the harness of tests/e2e/wrangler).
    char const* uploaded;
};

// clang-format off
constexpr wrangler_capture wrangler_captures[] = {
    {"binding_order", R"({
        "name": "ordered", "main": "src/index.js", "compatibility_date": "2025-05-20",
        "version_metadata": { "binding": "VERSION" },
        "ai": { "binding": "AI" },
        "services": [{ "binding": "BACKEND", "service": "backend" }],
        "r2_buckets": [{ "binding": "FILES", "bucket_name": "files" }],
        "queues": { "producers": [{ "binding": "OUTBOX", "queue": "outbox" }] },
        "durable_objects": { "bindings": [{ "name": "LOCK", "class_name": "Lock" }] },
        "kv_namespaces": [{ "binding": "SETTINGS", "id": "9d8c7b6a5f4e43d2c1b0a9f8e7d6c5b4" }],
        "d1_databases": [{ "binding": "DB", "database_name": "app", "database_id": "c0ffee00-1234-4abc-9def-0123456789ab" }],
        "hyperdrive": [{ "binding": "PG", "id": "00112233445566778899aabbccddeeff" }],
        "analytics_engine_datasets": [{ "binding": "STATS", "dataset": "stats" }],
        "worker_loaders": [{ "binding": "LOADER" }],
        "vars": { "JSON_FIRST": { "a": 1 }, "TEXT_SECOND": "text", "NUMBER_THIRD": 3, "TEXT_FOURTH": "more" },
        "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Lock"] }]
    })",
     R"([{"name":"TEXT_SECOND","type":"plain_text","text":"text"},{"name":"TEXT_FOURTH","type":"plain_text","text":"more"},{"name":"JSON_FIRST","type":"json","json":{"a":1}},{"name":"NUMBER_THIRD","type":"json","json":3},{"name":"SETTINGS","type":"kv_namespace","namespace_id":"9d8c7b6a5f4e43d2c1b0a9f8e7d6c5b4"},{"name":"LOCK","type":"durable_object_namespace","class_name":"Lock"},{"type":"queue","name":"OUTBOX","queue_name":"outbox"},{"name":"FILES","type":"r2_bucket","bucket_name":"files"},{"name":"DB","type":"d1","id":"c0ffee00-1234-4abc-9def-0123456789ab"},{"name":"PG","type":"hyperdrive","id":"00112233445566778899aabbccddeeff"},{"name":"BACKEND","type":"service","service":"backend"},{"name":"STATS","type":"analytics_engine","dataset":"stats"},{"name":"LOADER","type":"worker_loader"},{"name":"AI","type":"ai"},{"name":"VERSION","type":"version_metadata"}])"},
    {"platform", R"({
        "name": "platform", "main": "src/index.js", "compatibility_date": "2025-06-01",
        "ai": { "binding": "AI" },
        "browser": { "binding": "BROWSER" },
        "images": { "binding": "IMAGES" },
        "media": { "binding": "MEDIA" },
        "stream": { "binding": "STREAM" },
        "version_metadata": { "binding": "VERSION" },
        "analytics": { "binding": "ANALYTICS" },
        "worker_loaders": [{ "binding": "LOADER" }, { "binding": "SANDBOX_LOADER" }]
    })",
     R"([{"name":"LOADER","type":"worker_loader"},{"name":"SANDBOX_LOADER","type":"worker_loader"},{"name":"BROWSER","type":"browser"},{"name":"ANALYTICS","type":"analytics"},{"name":"AI","type":"ai"},{"name":"IMAGES","type":"images"},{"name":"STREAM","type":"stream"},{"name":"MEDIA","type":"media"},{"name":"VERSION","type":"version_metadata"}])"},
    {"data_platform", R"({
        "name": "data-platform", "main": "src/index.js", "compatibility_date": "2025-09-01",
        "pipelines": [
            { "binding": "EVENTS", "stream": "0f0e0d0c0b0a49088f7e6d5c4b3a2910" },
            { "binding": "LEGACY_EVENTS", "pipeline": "legacy-pipeline" }
        ],
        "k2": [{ "binding": "K2_STREAM", "stream": "5e4d3c2b1a0f49e8d7c6b5a4f3e2d1c0" }],
        "analytics_engine_datasets": [
            { "binding": "METRICS", "dataset": "request_metrics" },
            { "binding": "DEFAULT_DATASET" }
        ],
        "artifacts": [{ "binding": "BUILDS", "namespace": "build-artifacts" }],
        "flagship": [{ "binding": "FLAGS", "app_id": "b7c6d5e4-f3a2-4b1c-9d8e-7f6a5b4c3d2e" }],
        "ai_search": [{ "binding": "DOCS_SEARCH", "instance_name": "docs-search" }],
        "ai_search_namespaces": [{ "binding": "SEARCH_NS", "namespace": "support-search" }],
        "agent_memory": [{ "binding": "MEMORY", "namespace": "assistant-memory" }],
        "unsafe_hello_world": [{ "binding": "HELLO", "enable_timer": true }]
    })",
     R"([{"name":"SEARCH_NS","type":"ai_search_namespace","namespace":"support-search"},{"name":"DOCS_SEARCH","type":"ai_search","instance_name":"docs-search"},{"name":"MEMORY","type":"agent_memory","namespace":"assistant-memory"},{"name":"BUILDS","type":"artifacts","namespace":"build-artifacts"},{"name":"HELLO","type":"unsafe_hello_world","enable_timer":true},{"name":"FLAGS","type":"flagship","app_id":"b7c6d5e4-f3a2-4b1c-9d8e-7f6a5b4c3d2e"},{"name":"METRICS","type":"analytics_engine","dataset":"request_metrics"},{"name":"DEFAULT_DATASET","type":"analytics_engine"},{"name":"EVENTS","type":"pipelines","stream":"0f0e0d0c0b0a49088f7e6d5c4b3a2910"},{"name":"LEGACY_EVENTS","type":"pipelines","pipeline":"legacy-pipeline"},{"name":"K2_STREAM","type":"k2","stream":"5e4d3c2b1a0f49e8d7c6b5a4f3e2d1c0"}])"},
    {"security", R"({
        "name": "secure-edge", "main": "src/index.js", "compatibility_date": "2025-05-05",
        "secrets_store_secrets": [
            { "binding": "STRIPE_KEY", "store_id": "8f7a1b2c3d4e4f5a9b8c7d6e5f4a3b2c", "secret_name": "stripe-live-key" }
        ],
        "mtls_certificates": [{ "binding": "CLIENT_CERT", "certificate_id": "3a5c7e9b-1d2f-4a6b-8c0d-2e4f6a8b0c1d" }],
        "ratelimits": [
            { "name": "LOGIN_LIMITER", "namespace_id": "1001", "simple": { "limit": 10, "period": 60 } },
            { "name": "API_LIMITER", "namespace_id": "1002", "simple": { "limit": 100, "period": 10 } }
        ],
        "vpc_services": [{ "binding": "INTERNAL_API", "service_id": "0199a8e3-4b2c-7d1e-9f3a-5b6c7d8e9f0a" }],
        "vpc_networks": [
            { "binding": "TUNNEL_NET", "tunnel_id": "c2b1a0f9-e8d7-4c6b-a5f4-e3d2c1b0a9f8" },
            { "binding": "MESH_NET", "network_id": "d3c2b1a0-f9e8-4d7c-b6a5-f4e3d2c1b0a9" }
        ]
    })",
     R"([{"name":"STRIPE_KEY","type":"secrets_store_secret","store_id":"8f7a1b2c3d4e4f5a9b8c7d6e5f4a3b2c","secret_name":"stripe-live-key"},{"name":"LOGIN_LIMITER","type":"ratelimit","namespace_id":"1001","simple":{"limit":10,"period":60}},{"name":"API_LIMITER","type":"ratelimit","namespace_id":"1002","simple":{"limit":100,"period":10}},{"name":"INTERNAL_API","type":"vpc_service","service_id":"0199a8e3-4b2c-7d1e-9f3a-5b6c7d8e9f0a"},{"name":"TUNNEL_NET","type":"vpc_network","tunnel_id":"c2b1a0f9-e8d7-4c6b-a5f4-e3d2c1b0a9f8"},{"name":"MESH_NET","type":"vpc_network","network_id":"d3c2b1a0-f9e8-4d7c-b6a5-f4e3d2c1b0a9"},{"name":"CLIENT_CERT","type":"mtls_certificate","certificate_id":"3a5c7e9b-1d2f-4a6b-8c0d-2e4f6a8b0c1d"}])"},
    {"storage", R"({
        "name": "storage", "main": "src/index.js", "compatibility_date": "2024-11-11",
        "compatibility_flags": ["nodejs_compat"],
        "kv_namespaces": [
            { "binding": "CACHE", "id": "0f2ac74b498b48028cb68387c421e279" },
            { "binding": "SESSIONS", "id": "1e3bd85c5a9c59139dc79498d532f38a", "preview_id": "2f4ce96d6bad6a24aed8a5a9e643049b" }
        ],
        "r2_buckets": [
            { "binding": "UPLOADS", "bucket_name": "uploads" },
            { "binding": "EU_ARCHIVE", "bucket_name": "archive", "jurisdiction": "eu", "preview_bucket_name": "archive-preview" }
        ],
        "d1_databases": [{
            "binding": "DB", "database_name": "production-db", "database_id": "a1b2c3d4-e5f6-4789-abcd-ef0123456789",
            "preview_database_id": "b2c3d4e5-f6a7-4890-bcde-f01234567890", "migrations_dir": "migrations"
        }],
        "hyperdrive": [
            { "binding": "POSTGRES", "id": "ef43924d89064cddabfaccf06aadfab6", "localConnectionString": "postgres://user:password@localhost:5432/db" }
        ],
        "vectorize": [{ "binding": "EMBEDDINGS", "index_name": "embeddings-index" }]
    })",
     R"([{"name":"CACHE","type":"kv_namespace","namespace_id":"0f2ac74b498b48028cb68387c421e279"},{"name":"SESSIONS","type":"kv_namespace","namespace_id":"1e3bd85c5a9c59139dc79498d532f38a"},{"name":"UPLOADS","type":"r2_bucket","bucket_name":"uploads"},{"name":"EU_ARCHIVE","type":"r2_bucket","bucket_name":"archive","jurisdiction":"eu"},{"name":"DB","type":"d1","id":"a1b2c3d4-e5f6-4789-abcd-ef0123456789"},{"name":"EMBEDDINGS","type":"vectorize","index_name":"embeddings-index"},{"name":"POSTGRES","type":"hyperdrive","id":"ef43924d89064cddabfaccf06aadfab6"}])"},
    {"dispatch_namespaces", R"({
        "name": "dispatcher", "main": "src/index.js", "compatibility_date": "2024-09-23",
        "dispatch_namespaces": [
            { "binding": "CUSTOMERS", "namespace": "customers" },
            {
                "binding": "SANDBOXED", "namespace": "sandboxed",
                "outbound": { "service": "outbound-filter", "environment": "production", "parameters": ["customer_id", "plan"] }
            },
            { "binding": "PLAIN_OUTBOUND", "namespace": "plain", "outbound": { "service": "egress" } }
        ]
    })",
     R"([{"name":"CUSTOMERS","type":"dispatch_namespace","namespace":"customers"},{"name":"SANDBOXED","type":"dispatch_namespace","namespace":"sandboxed","outbound":{"worker":{"service":"outbound-filter","environment":"production"},"params":[{"name":"customer_id"},{"name":"plan"}]}},{"name":"PLAIN_OUTBOUND","type":"dispatch_namespace","namespace":"plain","outbound":{"worker":{"service":"egress"}}}])"},
    {"send_email", R"({
        "name": "mailer", "main": "src/index.js", "compatibility_date": "2024-09-23",
        "send_email": [
            { "name": "ANY_ADDRESS" },
            { "name": "SUPPORT", "destination_address": "support@example.com" },
            { "name": "TEAM", "allowed_destination_addresses": ["alice@example.com", "bob@example.com"] },
            { "name": "NOREPLY", "allowed_sender_addresses": ["noreply@example.com"] },
            { "name": "BOTH", "destination_address": "ops@example.com", "allowed_sender_addresses": ["alerts@example.com"] }
        ]
    })",
     R"([{"name":"ANY_ADDRESS","type":"send_email"},{"name":"SUPPORT","type":"send_email","destination_address":"support@example.com"},{"name":"TEAM","type":"send_email","allowed_destination_addresses":["alice@example.com","bob@example.com"]},{"name":"NOREPLY","type":"send_email","allowed_sender_addresses":["noreply@example.com"]},{"name":"BOTH","type":"send_email","allowed_sender_addresses":["alerts@example.com"],"destination_address":"ops@example.com"}])"},
    {"workflows", R"({
        "name": "orders", "main": "src/index.js", "compatibility_date": "2025-02-01",
        "workflows": [
            { "binding": "CHECKOUT", "name": "checkout-workflow", "class_name": "CheckoutWorkflow", "limits": { "steps": 500 } },
            { "binding": "SHIPPING", "name": "shipping-workflow", "class_name": "ShippingWorkflow", "script_name": "shipping-worker" }
        ]
    })",
     R"([{"type":"workflow","name":"CHECKOUT","workflow_name":"checkout-workflow","class_name":"CheckoutWorkflow"},{"type":"workflow","name":"SHIPPING","workflow_name":"shipping-workflow","class_name":"ShippingWorkflow","script_name":"shipping-worker"}])"},
    {"service_worker", R"({
        "name": "legacy-sw", "main": "src/index.js", "compatibility_date": "2023-05-18",
        "text_blobs": { "TEMPLATE": "data/template.txt" },
        "data_blobs": { "LOGO": "data/logo.bin" },
        "wasm_modules": { "ADD": "data/add.wasm" },
        "logfwdr": { "bindings": [{ "name": "LOGS", "destination": "log-sink" }] },
        "vars": { "FORMAT": "service-worker" }
    })",
     R"([{"name":"FORMAT","type":"plain_text","text":"service-worker"},{"name":"LOGS","type":"logfwdr","destination":"log-sink"},{"name":"ADD","type":"wasm_module","part":"ADD"},{"name":"TEMPLATE","type":"text_blob","part":"TEMPLATE"},{"name":"LOGO","type":"data_blob","part":"LOGO"}])"},
    {"unsafe", R"({
        "name": "unsafe", "main": "src/index.js", "compatibility_date": "2024-09-23",
        "unsafe": {
            "bindings": [
                { "name": "RATE", "type": "ratelimit", "namespace_id": "2001", "simple": { "limit": 5, "period": 60 } },
                { "name": "CUSTOM", "type": "some_future_binding", "setting": "value", "nested": { "flag": true } }
            ],
            "metadata": { "usage_model": "standard" }
        }
    })",
     R"([{"name":"RATE","type":"ratelimit","namespace_id":"2001","simple":{"limit":5,"period":60}},{"name":"CUSTOM","type":"some_future_binding","setting":"value","nested":{"flag":true}}])"},
    {"queues", R"({
        "name": "queues", "main": "src/index.js", "compatibility_date": "2024-09-23",
        "queues": {
            "producers": [
                { "binding": "JOBS", "queue": "jobs" },
                { "binding": "DELAYED", "queue": "delayed-jobs", "delivery_delay": 60 }
            ],
            "consumers": [{ "queue": "jobs", "max_batch_size": 10, "max_batch_timeout": 5, "max_retries": 3, "dead_letter_queue": "jobs-dlq" }]
        }
    })",
     R"([{"type":"queue","name":"JOBS","queue_name":"jobs"},{"type":"queue","name":"DELAYED","queue_name":"delayed-jobs","delivery_delay":60}])"},
    {"services_and_tails", R"({
        "name": "gateway", "main": "src/index.js", "compatibility_date": "2025-03-10",
        "services": [
            { "binding": "AUTH", "service": "auth-worker" },
            { "binding": "BILLING", "service": "billing-worker", "entrypoint": "BillingEntrypoint" },
            { "binding": "TENANT", "service": "tenant-worker", "props": { "tenant": "acme", "tier": 2 } }
        ],
        "tail_consumers": [{ "service": "log-tail" }, { "service": "audit-tail", "environment": "production" }]
    })",
     R"([{"name":"AUTH","type":"service","service":"auth-worker"},{"name":"BILLING","type":"service","service":"billing-worker","entrypoint":"BillingEntrypoint"},{"name":"TENANT","type":"service","service":"tenant-worker","props":{"tenant":"acme","tier":2}}])"},
    {"secrets_required", R"({
        "name": "secrets", "main": "src/index.js", "compatibility_date": "2025-01-15",
        "keep_vars": true,
        "vars": { "MODE": "production" },
        "secrets": { "required": ["API_KEY", "SIGNING_SECRET"] }
    })",
     R"([{"name":"API_KEY","type":"inherit"},{"name":"SIGNING_SECRET","type":"inherit"},{"name":"MODE","type":"plain_text","text":"production"}])"},
    {"assets", R"({
        "name": "site", "main": "src/index.js", "compatibility_date": "2025-04-01",
        "assets": {
            "directory": "./public", "binding": "ASSETS", "html_handling": "drop-trailing-slash",
            "not_found_handling": "single-page-application", "run_worker_first": ["/api/*", "!/api/docs/*"]
        }
    })",
     R"([{"name":"ASSETS","type":"assets"}])"},
};
// clang-format on

} // namespace

TEST_CASE("read_config: the bindings are those wrangler uploads, in its order", "[wrangler]") {
    for (auto const& capture : wrangler_captures) {
        INFO("configuration " << capture.name);
        auto const reading = read(capture.configuration);
        CHECK(reading.diagnostics.empty());
        REQUIRE(reading.worker);
        CHECK(bindings_json(reading) == cfdo::parse_json(capture.uploaded).value());
        // Where each binding is written stays in step with it.
        CHECK(reading.worker->binding_locations.size() == reading.worker->deployment.version.bindings.size());
    }
}

TEST_CASE("read_config: locations follow the bindings into wrangler's order", "[wrangler]") {
    auto const reading = read(R"({
        "ai": {"binding": "AI"},
        "services": [{"binding": "BACKEND", "service": "backend"}],
        "vars": {"JSON_FIRST": {"a": 1}, "TEXT": "text"},
        "ratelimits": [{"name": "LIMIT", "namespace_id": "1", "simple": {"limit": 1, "period": 10}}]
    })");
    REQUIRE(reading.worker);
    std::vector<std::string> pointers;
    for (auto const& location : reading.worker->binding_locations) pointers.push_back(location.pointer);
    CHECK(pointers ==
          std::vector<std::string>{"/vars/TEXT", "/vars/JSON_FIRST", "/ratelimits/0", "/services/0", "/ai"});
    CHECK(reading.worker->location_of("/version/bindings/2/name") == "/ratelimits/0/name");
    CHECK(reading.worker->location_of("/version/bindings/3/name") == "/services/0/binding");
    CHECK(reading.worker->location_of("/version/bindings/4/name") == "/ai/binding");
}

TEST_CASE("read_config: keys wrangler knows but does not upload are not warned about", "[wrangler]") {
    auto const reading = read(R"({
        "kv_namespaces": [{"binding": "KV", "id": "a", "preview_id": "b", "remote": true, "namepsace": "c"}],
        "d1_databases": [{"binding": "DB", "database_name": "x", "migrations_dir": "m", "database_internal_env": "s"}],
        "assets": {"directory": "./public", "html_handling": "none", "anything": 1},
        "ai": {"binding": "AI", "staging": true}
    })");
    CHECK(rules_and_paths(reading.diagnostics) ==
          std::vector<std::string>{"config-field-unknown /kv_namespaces/0/namepsace"});
    REQUIRE(reading.worker);
    // D1 without an id (wrangler provisions it): an empty id; no assets
    // binding without `assets.binding`.
    CHECK(bindings_json(reading) == cfdo::parse_json(R"([
        {"name": "KV", "type": "kv_namespace", "namespace_id": "a"},
        {"name": "DB", "type": "d1", "id": ""},
        {"name": "AI", "type": "ai", "staging": true}])")
                                        .value());
}

TEST_CASE("read_config: a required secret named like another binding is a duplicate, as wrangler says", "[wrangler]") {
    // wrangler's validateBindingsHaveUniqueNames counts secrets.required
    // among the bindings, and refuses the configuration.
    auto const reading = read(R"({"vars": {"API_KEY": "x"}, "secrets": {"required": ["API_KEY", "OTHER"]}})");
    REQUIRE(reading.worker);
    CHECK(bindings_json(reading) == cfdo::parse_json(R"([
        {"name": "API_KEY", "type": "inherit"}, {"name": "OTHER", "type": "inherit"},
        {"name": "API_KEY", "type": "plain_text", "text": "x"}])")
                                        .value());
    CHECK(rules_and_paths(cfdo::wrangler::check(*reading.worker)) ==
          std::vector<std::string>{"binding-name-duplicate /vars/API_KEY"});
}

TEST_CASE("read_config: the shapes of the newer binding sections", "[wrangler]") {
    auto const reading = read(R"({
        "ratelimits": [{"name": "A", "namespace_id": "1", "simple": {"limit": 1, "period": 30}},
                       {"name": "B", "namespace_id": "2", "simple": {"limit": -1, "period": 10}},
                       {"name": "C", "namespace_id": "3"}],
        "pipelines": [{"binding": "P"}],
        "dispatch_namespaces": [{"binding": "D", "namespace": "d", "outbound": {"parameters": ["x", 1]}}],
        "wasm_modules": {"W": 1},
        "secrets": {"required": [1]},
        "unsafe": {"bindings": [{"name": "U"}]},
        "browser": []
    })");
    CHECK_FALSE(reading.worker);
    CHECK(rules_and_paths(reading.diagnostics) ==
          std::vector<std::string>{
              "config-not-a-string /secrets/required/0", "config-ratelimit-period /ratelimits/0/simple/period",
              "config-not-a-whole-number /ratelimits/1/simple/limit", "config-field-missing /ratelimits/2/simple",
              "config-field-missing /dispatch_namespaces/0/outbound/service",
              "config-not-a-string /dispatch_namespaces/0/outbound/parameters/1",
              "config-field-missing /pipelines/0/stream", "config-not-a-string /wasm_modules/W",
              "config-not-an-object /browser", "config-field-missing /unsafe/bindings/0/type"});
}

TEST_CASE("read_config: unsafe bindings of a modelled type are that kind, unless they carry more", "[wrangler]") {
    auto const reading = read(R"({"unsafe": {"bindings": [
        {"name": "KV", "type": "kv_namespace", "namespace_id": "n"},
        {"name": "KV_DEV", "type": "kv_namespace", "namespace_id": "n", "dev": {"x": 1}}]}})");
    REQUIRE(reading.worker);
    auto const& bindings = reading.worker->deployment.version.bindings;
    REQUIRE(bindings.size() == 2);
    CHECK(bindings[0].holds<cfdo::kv_namespace_binding>());
    CHECK(bindings[1].holds<cfdo::raw_binding>());
    CHECK(bindings_json(reading) == cfdo::parse_json(R"([
        {"name": "KV", "type": "kv_namespace", "namespace_id": "n"},
        {"name": "KV_DEV", "type": "kv_namespace", "namespace_id": "n", "dev": {"x": 1}}])")
                                        .value());
}

TEST_CASE("read_config: exports are read as written, in the configuration's order", "[wrangler][exports]") {
    auto const reading = read(R"({
        "name": "chat",
        "exports": {
            "Room": {"type": "durable-object", "storage": "sqlite"},
            "Api": {"type": "worker", "cache": {"enabled": false}},
            "Old": {"type": "durable-object", "state": "renamed", "renamed_to": "Room"},
            "Legacy": {"type": "durable-object", "state": "created", "storage": "legacy-kv"},
            "Nightly": {"type": "workflow", "name": "nightly", "limits": {"steps": 10}}
        }
    })");
    REQUIRE(reading.worker);
    CHECK(reading.diagnostics.empty());
    auto const& exports = reading.worker->deployment.version.exports;
    std::vector<std::string> keys;
    for (auto const& entry : exports) keys.emplace_back(std::string_view(entry.key));
    CHECK(keys == std::vector<std::string>{"Room", "Api", "Old", "Legacy", "Nightly"});
    // An implicit state stays implicit, an explicit one is kept.
    CHECK(exports[0].value == cfdo::export_entry(cfdo::durable_object_export{.storage = "sqlite"}));
    CHECK(exports[1].value ==
          cfdo::export_entry(cfdo::worker_export{.cache = cfdo::entrypoint_cache{.enabled = false}}));
    CHECK(exports[2].value == cfdo::export_entry(cfdo::durable_object_renamed_export{.renamed_to = "Room"}));
    CHECK(exports[3].value ==
          cfdo::export_entry(cfdo::durable_object_export{.storage = "legacy-kv", .state = cfdo::text("created")}));
    CHECK(exports[4].value == cfdo::export_entry(cfdo::workflow_export{
                                  .name = "nightly", .limits = cfdo::workflow_export_limits{.steps = 10}}));
}

TEST_CASE("read_config: an environment's exports replace the top level's", "[wrangler][exports]") {
    auto const reading = read(R"({
        "name": "chat",
        "exports": {"Lobby": {"type": "durable-object", "storage": "sqlite"}},
        "env": {
            "staging": {"exports": {"Room": {"type": "durable-object", "storage": "sqlite"}}},
            "production": {}
        }
    })",
                              "staging");
    REQUIRE(reading.worker);
    REQUIRE(reading.worker->deployment.version.exports.size() == 1);
    CHECK(reading.worker->deployment.version.exports[0].key == "Room");
    CHECK(reading.worker->exports_location == "/env/staging/exports");

    auto const inherited = read(R"({
        "exports": {"Lobby": {"type": "durable-object", "storage": "sqlite"}},
        "env": {"production": {}}
    })",
                                "production");
    REQUIRE(inherited.worker);
    REQUIRE(inherited.worker->deployment.version.exports.size() == 1);
    CHECK(inherited.worker->deployment.version.exports[0].key == "Lobby");
}

TEST_CASE("read_config: a container takes its class from the exports entry naming it", "[wrangler][exports]") {
    auto const reading = read(R"({
        "name": "sandbox",
        "containers": [{"name": "box", "scheduling_policy": "durable_object"}, {"class_name": "Other"}],
        "exports": {"Sandbox": {"type": "durable-object", "storage": "sqlite", "container": "box"}}
    })");
    REQUIRE(reading.worker);
    auto const& containers = reading.worker->deployment.version.containers;
    REQUIRE(containers.size() == 2);
    CHECK(containers[0] == cfdo::version_container{.class_name = "Sandbox", .name = cfdo::text("box")});
    CHECK(containers[1] == cfdo::version_container{.class_name = "Other", .name = cfdo::text("sandbox-other")});

    // Named by no entry, a container without class_name runs nothing; and
    // only a Durable Object-managed container takes its class from exports.
    auto const unlinked = read(R"({"containers": [{"name": "box", "scheduling_policy": "durable_object"}]})");
    CHECK(rules_and_paths(unlinked.diagnostics) ==
          std::vector<std::string>{"config-field-missing /containers/0/class_name"});
    auto const unmanaged = read(R"({
        "containers": [{"name": "box"}],
        "exports": {"Sandbox": {"type": "durable-object", "storage": "sqlite", "container": "box"}}
    })");
    CHECK(rules_and_paths(unmanaged.diagnostics) ==
          std::vector<std::string>{"config-field-missing /containers/0/class_name"});
}

TEST_CASE("upload_metadata_of: exports go out as wrangler sends them", "[wrangler][exports]") {
    SECTION("Durable Object entries: no migrations, whatever the deployed tag") {
        auto const reading = read(R"({
            "name": "chat",
            "durable_objects": {"bindings": [{"name": "ROOM", "class_name": "Room"}]},
            "exports": {"Nightly": {"type": "workflow", "name": "nightly"},
                        "Room": {"type": "durable-object", "storage": "sqlite"},
                        "Api": {"type": "worker"}}
        })");
        REQUIRE(reading.worker);
        auto const metadata = cfdo::wrangler::upload_metadata_of(
            *reading.worker, {.deployed = cfdo::deployed_state{.migration_tag = "v1"}});
        CHECK_FALSE(metadata.version.migrations);
        // wrangler rebuilds the map: Worker entrypoints, Durable Objects, Workflows.
        std::vector<std::string> keys;
        for (auto const& entry : metadata.version.exports) keys.emplace_back(std::string_view(entry.key));
        CHECK(keys == std::vector<std::string>{"Api", "Room", "Nightly"});
    }
    SECTION("worker entries beside migrations") {
        auto const reading = read(R"({
            "name": "mixed",
            "migrations": [{"tag": "v1", "new_sqlite_classes": ["Store"]}],
            "exports": {"Public": {"type": "worker"}}
        })");
        REQUIRE(reading.worker);
        CHECK(reading.diagnostics.empty());
        auto const metadata = cfdo::wrangler::upload_metadata_of(*reading.worker);
        CHECK(metadata.version.migrations);
        CHECK(metadata.version.exports.size() == 1);
    }
}

// One binding of every kind cfdo models, every field set: the fixture the
// tests share so that a binding kind added to cfdo::binding cannot be
// forgotten by them. A kind without an example here stops the build at the
// static_assert below.
#ifndef CFDO_TESTS_EVERY_BINDING_KIND_HPP_INCLUDED
#define CFDO_TESTS_EVERY_BINDING_KIND_HPP_INCLUDED

#include <cfdo/model/bindings.hpp>

#include <boost/mp11/algorithm.hpp>

#include <vector>

namespace cfdo_tests {

template <class Kind>
constexpr bool no_example_yet = false;

/// A binding of `Kind` with every field set.
template <class Kind>
constexpr Kind example_binding() {
    static_assert(no_example_yet<Kind>, "add an example of this binding kind to tests/support/every_binding_kind.hpp");
    return Kind{};
}

template <>
constexpr cfdo::durable_object_binding example_binding() {
    return {.name = "ROOMS",
            .class_name = "Room",
            .script_name = "chat",
            .environment = "production",
            .namespace_id = "0f2ac74b",
            .dispatch_namespace = "customers"};
}

template <>
constexpr cfdo::plain_text_binding example_binding() {
    return {.name = "GREETING", .text = "hello"};
}

template <>
constexpr cfdo::secret_text_binding example_binding() {
    return {.name = "TOKEN", .text = "s3cr3t"};
}

template <>
constexpr cfdo::json_binding example_binding() {
    // Written as Boost.JSON serializes it: from_json gives back the value's
    // canonical text.
    return {.name = "SETTINGS", .json = R"({"debug":true,"levels":[1,2]})"};
}

template <>
constexpr cfdo::kv_namespace_binding example_binding() {
    return {.name = "CACHE", .namespace_id = "0f2ac74b498b"};
}

template <>
constexpr cfdo::r2_bucket_binding example_binding() {
    return {.name = "ASSETS", .bucket_name = "assets", .jurisdiction = "eu"};
}

template <>
constexpr cfdo::service_binding example_binding() {
    return {.name = "AUTH",
            .service = "auth",
            .entrypoint = "Verifier",
            .environment = "staging",
            .props = R"({"tenant":"acme"})"};
}

template <>
constexpr cfdo::d1_binding example_binding() {
    return {.name = "DB", .database_id = "a1b2", .id = "a1b2"};
}

template <>
constexpr cfdo::queue_binding example_binding() {
    return {.name = "JOBS", .queue_name = "jobs", .delivery_delay = 30};
}

template <>
constexpr cfdo::ai_binding example_binding() {
    return {.name = "AI", .staging = true};
}

template <>
constexpr cfdo::ai_search_binding example_binding() {
    return {.name = "SEARCH", .instance_name = "docs", .namespace_name = "support"};
}

template <>
constexpr cfdo::ai_search_namespace_binding example_binding() {
    return {.name = "SEARCHES", .namespace_name = "support"};
}

template <>
constexpr cfdo::messaging_binding example_binding() {
    return {.name = "MESSAGES", .namespace_name = "alerts"};
}

template <>
constexpr cfdo::analytics_engine_binding example_binding() {
    return {.name = "METRICS", .dataset = "requests"};
}

template <>
constexpr cfdo::artifacts_binding example_binding() {
    return {.name = "BUILDS", .namespace_name = "ci"};
}

template <>
constexpr cfdo::assets_binding example_binding() {
    return {.name = "STATIC"};
}

template <>
constexpr cfdo::browser_binding example_binding() {
    return {.name = "BROWSER"};
}

template <>
constexpr cfdo::data_blob_binding example_binding() {
    return {.name = "LOGO", .part = "logo.png"};
}

template <>
constexpr cfdo::dispatch_namespace_binding example_binding() {
    return {.name = "DISPATCHER",
            .namespace_name = "customers",
            .outbound = cfdo::dispatch_outbound{.worker = cfdo::dispatch_outbound_worker{.service = "egress",
                                                                                         .entrypoint = "Filter",
                                                                                         .environment = "production"},
                                                .params = {{.name = "customer"}}}};
}

template <>
constexpr cfdo::hyperdrive_binding example_binding() {
    return {.name = "POSTGRES", .id = "8d2c6e"};
}

template <>
constexpr cfdo::inherit_binding example_binding() {
    return {.name = "API_KEY", .old_name = "OLD_API_KEY", .version_id = "latest"};
}

template <>
constexpr cfdo::images_binding example_binding() {
    return {.name = "IMAGES"};
}

template <>
constexpr cfdo::media_binding example_binding() {
    return {.name = "MEDIA"};
}

template <>
constexpr cfdo::mtls_certificate_binding example_binding() {
    return {.name = "CLIENT_CERT", .certificate_id = "c0ffee"};
}

template <>
constexpr cfdo::pipelines_binding example_binding() {
    return {.name = "EVENTS", .pipeline = "clickstream", .stream = "0f0e0d0c"};
}

template <>
constexpr cfdo::k2_binding example_binding() {
    return {.name = "STREAM", .stream = "telemetry"};
}

template <>
constexpr cfdo::ratelimit_binding example_binding() {
    return {
        .name = "LIMITER", .namespace_id = "1001", .simple = {{.limit = 100, .period = 60, .mitigation_timeout = 600}}};
}

template <>
constexpr cfdo::send_email_binding example_binding() {
    return {.name = "MAILER",
            .allowed_destination_addresses = {"ops@example.com"},
            .allowed_sender_addresses = {"noreply@example.com"},
            .destination_address = "ops@example.com"};
}

template <>
constexpr cfdo::text_blob_binding example_binding() {
    return {.name = "TEMPLATE", .part = "template.html"};
}

template <>
constexpr cfdo::vectorize_binding example_binding() {
    return {.name = "EMBEDDINGS", .index_name = "docs-index"};
}

template <>
constexpr cfdo::version_metadata_binding example_binding() {
    return {.name = "VERSION"};
}

template <>
constexpr cfdo::secrets_store_secret_binding example_binding() {
    return {.name = "STRIPE_KEY", .store_id = "5a1e", .secret_name = "stripe"};
}

template <>
constexpr cfdo::flagship_binding example_binding() {
    return {.name = "FLAGS", .app_id = "web"};
}

template <>
constexpr cfdo::secret_key_binding example_binding() {
    return {.name = "SIGNING_KEY",
            .algorithm = R"({"hash":"SHA-256","name":"HMAC"})",
            .format = "jwk",
            .usages = {"sign", "verify"},
            .key_base64 = "c2VjcmV0",
            .key_jwk = R"({"k":"c2VjcmV0","kty":"oct"})"};
}

template <>
constexpr cfdo::workflow_binding example_binding() {
    return {.name = "ONBOARDING", .workflow_name = "onboarding", .class_name = "Onboarding", .script_name = "flows"};
}

template <>
constexpr cfdo::wasm_module_binding example_binding() {
    return {.name = "RESIZER", .part = "resize.wasm"};
}

template <>
constexpr cfdo::vpc_service_binding example_binding() {
    return {.name = "INTERNAL_API", .service_id = "vpc-svc-1"};
}

template <>
constexpr cfdo::vpc_network_binding example_binding() {
    return {.name = "OFFICE", .identity = "runtime-email-alpha", .network_id = "net-1", .tunnel_id = "tun-1"};
}

template <>
constexpr cfdo::worker_loader_binding example_binding() {
    return {.name = "LOADER"};
}

template <>
constexpr cfdo::stream_binding example_binding() {
    return {.name = "VIDEOS"};
}

template <>
constexpr cfdo::analytics_binding example_binding() {
    return {.name = "WEB_ANALYTICS"};
}

template <>
constexpr cfdo::agent_memory_binding example_binding() {
    return {.name = "MEMORY", .namespace_name = "assistant-memory"};
}

template <>
constexpr cfdo::logfwdr_binding example_binding() {
    return {.name = "LOGS", .destination = "log-sink"};
}

template <>
constexpr cfdo::raw_binding example_binding() {
    return {.kind = "some_future_binding", .name = "MEMORY", .fields = R"({"namespace":"assistant"})"};
}

/// One binding of every kind, in the order of cfdo::binding's alternatives.
constexpr std::vector<cfdo::binding> every_binding_kind() {
    std::vector<cfdo::binding> bindings;
    boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, cfdo::binding::alternatives>>(
        [&]<class Kind>(boost::mp11::mp_identity<Kind>) { bindings.push_back(example_binding<Kind>()); });
    return bindings;
}

} // namespace cfdo_tests

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_BINDING_KINDS_HPP_INCLUDED
#define CFDO_MODEL_BINDING_KINDS_HPP_INCLUDED

#include <cfdo/model/json_names.hpp>
#include <cfdo/model/json_text.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/text.hpp>

#include <boost/describe/class.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cfdo {

// Each binding kind is its own type, and its Cloudflare `type` string is a
// constant of that type: a binding cannot carry the wrong `type`, and the
// serializer writes it. Field names are Cloudflare's (the `bindings[]` items
// of the Workers API). Only the fields Cloudflare requires are `required`.
// The kinds of the `cloudflare` npm SDK 7.3 come first, those only wrangler
// sends after them.

/// `durable_object_namespace`: a Durable Object namespace, by class name
/// (defined in this Worker, or in `script_name` when given) or by
/// `namespace_id`.
struct durable_object_binding {
    static constexpr std::string_view type = "durable_object_namespace";

    required<"name"> name;
    /// The exported Durable Object class.
    std::optional<text> class_name{};
    /// The Worker that defines the class, when it is not this one.
    std::optional<text> script_name{};
    /// The (legacy service) environment of `script_name`.
    std::optional<text> environment{};
    std::optional<text> namespace_id{};
    /// The dispatch namespace (Workers for Platforms) of `script_name`.
    std::optional<text> dispatch_namespace{};

    friend constexpr bool operator==(durable_object_binding const&, durable_object_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(durable_object_binding, (),
                      (name, class_name, script_name, environment, namespace_id, dispatch_namespace))

/// `plain_text`: a string visible in the Worker's configuration.
struct plain_text_binding {
    static constexpr std::string_view type = "plain_text";

    required<"name"> name;
    required<"text"> text;

    friend constexpr bool operator==(plain_text_binding const&, plain_text_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(plain_text_binding, (), (name, text))

/// `secret_text`: a string Cloudflare stores encrypted and never shows again.
struct secret_text_binding {
    static constexpr std::string_view type = "secret_text";
    /// What `cfdo::redacted` hides.
    static constexpr std::array<std::string_view, 1> secret_fields{"text"};

    required<"name"> name;
    required<"text"> text;

    friend constexpr bool operator==(secret_text_binding const&, secret_text_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(secret_text_binding, (), (name, text))

/// `json`: an arbitrary JSON value exposed to the Worker.
struct json_binding {
    static constexpr std::string_view type = "json";

    required<"name"> name;
    required<"json", json_text> json;

    friend constexpr bool operator==(json_binding const&, json_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(json_binding, (), (name, json))

/// `kv_namespace`: a Workers KV namespace.
struct kv_namespace_binding {
    static constexpr std::string_view type = "kv_namespace";

    required<"name"> name;
    required<"namespace_id"> namespace_id;

    friend constexpr bool operator==(kv_namespace_binding const&, kv_namespace_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(kv_namespace_binding, (), (name, namespace_id))

/// `r2_bucket`: an R2 bucket.
struct r2_bucket_binding {
    static constexpr std::string_view type = "r2_bucket";

    required<"name"> name;
    required<"bucket_name"> bucket_name;
    /// `eu`, `fedramp` or `fedramp-high` when the bucket is not global.
    std::optional<text> jurisdiction{};

    friend constexpr bool operator==(r2_bucket_binding const&, r2_bucket_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(r2_bucket_binding, (), (name, bucket_name, jurisdiction))

/// `service`: another Worker (a service binding).
struct service_binding {
    static constexpr std::string_view type = "service";

    required<"name"> name;
    required<"service"> service;
    /// A named entrypoint exported by `service`.
    std::optional<text> entrypoint{};
    std::optional<text> environment{};
    /// What the entrypoint sees as `ctx.props`, as JSON (wrangler's `props`;
    /// the SDK does not list it).
    std::optional<json_text> props{};

    friend constexpr bool operator==(service_binding const&, service_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(service_binding, (), (name, service, entrypoint, environment, props))

/// `d1`: a D1 database.
struct d1_binding {
    static constexpr std::string_view type = "d1";

    required<"name"> name;
    /// The database's id, as the SDK names it; `id` is the alias wrangler
    /// sends. Cloudflare takes either (the rule d1-binding-without-database
    /// asks for one).
    std::optional<text> database_id{};
    std::optional<text> id{};

    friend constexpr bool operator==(d1_binding const&, d1_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(d1_binding, (), (name, database_id, id))

/// `queue`: a Queue the Worker produces to.
struct queue_binding {
    static constexpr std::string_view type = "queue";

    required<"name"> name;
    required<"queue_name"> queue_name;
    /// Seconds before a message sent without its own delay is delivered
    /// (wrangler's `delivery_delay`; the SDK does not list it).
    std::optional<std::uint32_t> delivery_delay{};

    friend constexpr bool operator==(queue_binding const&, queue_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(queue_binding, (), (name, queue_name, delivery_delay))

/// The Worker a dispatch namespace's Workers send their outbound requests
/// through, and what it is told about each.
struct dispatch_outbound_worker {
    std::optional<text> service{};
    std::optional<text> entrypoint{};
    std::optional<text> environment{};

    friend constexpr bool operator==(dispatch_outbound_worker const&, dispatch_outbound_worker const&) = default;
};
BOOST_DESCRIBE_STRUCT(dispatch_outbound_worker, (), (service, entrypoint, environment))

/// A parameter the dispatcher passes to the outbound Worker.
struct dispatch_outbound_param {
    required<"name"> name;

    friend constexpr bool operator==(dispatch_outbound_param const&, dispatch_outbound_param const&) = default;
};
BOOST_DESCRIBE_STRUCT(dispatch_outbound_param, (), (name))

struct dispatch_outbound {
    std::optional<dispatch_outbound_worker> worker{};
    std::vector<dispatch_outbound_param> params{};

    friend constexpr bool operator==(dispatch_outbound const&, dispatch_outbound const&) = default;
};
BOOST_DESCRIBE_STRUCT(dispatch_outbound, (), (worker, params))

/// A rate limiter's budget: `limit` requests per `period` seconds. Both are
/// always sent; wrangler takes a `period` of 10 or 60 only (the rule
/// ratelimit-period-unsupported).
struct ratelimit_simple {
    std::uint32_t limit = 0;
    std::uint32_t period = 0;
    /// Seconds a key stays limited once over its budget.
    std::optional<std::uint32_t> mitigation_timeout{};

    friend constexpr bool operator==(ratelimit_simple const&, ratelimit_simple const&) = default;
};
BOOST_DESCRIBE_STRUCT(ratelimit_simple, (), (limit, period, mitigation_timeout))

/// `ai`: Workers AI.
struct ai_binding {
    static constexpr std::string_view type = "ai";

    required<"name"> name;
    /// Workers AI's staging environment (wrangler's `ai.staging`; the SDK
    /// does not list it).
    std::optional<bool> staging{};

    friend constexpr bool operator==(ai_binding const&, ai_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(ai_binding, (), (name, staging))

/// `ai_search`: An AI Search instance.
struct ai_search_binding {
    static constexpr std::string_view type = "ai_search";

    required<"name"> name;
    required<"instance_name"> instance_name;
    /// The AI Search namespace of `instance_name`.
    std::optional<text> namespace_name{};

    friend constexpr bool operator==(ai_search_binding const&, ai_search_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(ai_search_binding, (), (name, instance_name, namespace_name))

template <>
struct json_field_names<ai_search_binding> {
    // `namespace` is a C++ keyword.
    static constexpr std::array renamed{renamed_field{"namespace_name", "namespace"}};
};

/// `ai_search_namespace`: An AI Search namespace.
struct ai_search_namespace_binding {
    static constexpr std::string_view type = "ai_search_namespace";

    required<"name"> name;
    required<"namespace_name"> namespace_name;

    friend constexpr bool operator==(ai_search_namespace_binding const&, ai_search_namespace_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(ai_search_namespace_binding, (), (name, namespace_name))

template <>
struct json_field_names<ai_search_namespace_binding> {
    // `namespace` is a C++ keyword.
    static constexpr std::array renamed{renamed_field{"namespace_name", "namespace"}};
};

/// `messaging`: A messaging namespace.
struct messaging_binding {
    static constexpr std::string_view type = "messaging";

    required<"name"> name;
    required<"namespace_name"> namespace_name;

    friend constexpr bool operator==(messaging_binding const&, messaging_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(messaging_binding, (), (name, namespace_name))

template <>
struct json_field_names<messaging_binding> {
    // `namespace` is a C++ keyword.
    static constexpr std::array renamed{renamed_field{"namespace_name", "namespace"}};
};

/// `analytics_engine`: A Workers Analytics Engine dataset.
struct analytics_engine_binding {
    static constexpr std::string_view type = "analytics_engine";

    required<"name"> name;
    /// The dataset; wrangler leaves it out when the configuration does, and
    /// Cloudflare then names the dataset after the binding.
    std::optional<text> dataset{};

    friend constexpr bool operator==(analytics_engine_binding const&, analytics_engine_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(analytics_engine_binding, (), (name, dataset))

/// `artifacts`: An artifacts namespace.
struct artifacts_binding {
    static constexpr std::string_view type = "artifacts";

    required<"name"> name;
    required<"namespace_name"> namespace_name;

    friend constexpr bool operator==(artifacts_binding const&, artifacts_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(artifacts_binding, (), (name, namespace_name))

template <>
struct json_field_names<artifacts_binding> {
    // `namespace` is a C++ keyword.
    static constexpr std::array renamed{renamed_field{"namespace_name", "namespace"}};
};

/// `assets`: The Worker's static assets (uploaded with the version's `assets`).
struct assets_binding {
    static constexpr std::string_view type = "assets";

    required<"name"> name;

    friend constexpr bool operator==(assets_binding const&, assets_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(assets_binding, (), (name))

/// `browser`: Browser Rendering.
struct browser_binding {
    static constexpr std::string_view type = "browser";

    required<"name"> name;

    friend constexpr bool operator==(browser_binding const&, browser_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(browser_binding, (), (name))

/// `data_blob`: A part of the upload, as an `ArrayBuffer` (service-worker scripts).
struct data_blob_binding {
    static constexpr std::string_view type = "data_blob";

    required<"name"> name;
    /// The name of the multipart part (a module of the version).
    required<"part"> part;

    friend constexpr bool operator==(data_blob_binding const&, data_blob_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(data_blob_binding, (), (name, part))

/// `dispatch_namespace`: A Workers for Platforms dispatch namespace.
struct dispatch_namespace_binding {
    static constexpr std::string_view type = "dispatch_namespace";

    required<"name"> name;
    required<"namespace_name"> namespace_name;
    /// The Worker that sees the dispatched Workers' outbound requests.
    std::optional<dispatch_outbound> outbound{};

    friend constexpr bool operator==(dispatch_namespace_binding const&, dispatch_namespace_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(dispatch_namespace_binding, (), (name, namespace_name, outbound))

template <>
struct json_field_names<dispatch_namespace_binding> {
    // `namespace` is a C++ keyword.
    static constexpr std::array renamed{renamed_field{"namespace_name", "namespace"}};
};

/// `hyperdrive`: A Hyperdrive configuration.
struct hyperdrive_binding {
    static constexpr std::string_view type = "hyperdrive";

    required<"name"> name;
    required<"id"> id;

    friend constexpr bool operator==(hyperdrive_binding const&, hyperdrive_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(hyperdrive_binding, (), (name, id))

/// `inherit`: A binding of the previous version, kept as it was (wrangler's `secrets.required`).
struct inherit_binding {
    static constexpr std::string_view type = "inherit";

    required<"name"> name;
    /// Its name in that version, when it is renamed.
    std::optional<text> old_name{};
    /// The version to take it from (`latest` when absent).
    std::optional<text> version_id{};

    friend constexpr bool operator==(inherit_binding const&, inherit_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(inherit_binding, (), (name, old_name, version_id))

/// `images`: Cloudflare Images.
struct images_binding {
    static constexpr std::string_view type = "images";

    required<"name"> name;

    friend constexpr bool operator==(images_binding const&, images_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(images_binding, (), (name))

/// `media`: Media Transformations.
struct media_binding {
    static constexpr std::string_view type = "media";

    required<"name"> name;

    friend constexpr bool operator==(media_binding const&, media_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(media_binding, (), (name))

/// `mtls_certificate`: A client certificate for mTLS subrequests.
struct mtls_certificate_binding {
    static constexpr std::string_view type = "mtls_certificate";

    required<"name"> name;
    required<"certificate_id"> certificate_id;

    friend constexpr bool operator==(mtls_certificate_binding const&, mtls_certificate_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(mtls_certificate_binding, (), (name, certificate_id))

/// `pipelines`: A Pipeline the Worker sends records to.
struct pipelines_binding {
    static constexpr std::string_view type = "pipelines";

    required<"name"> name;
    /// The pipeline (the SDK's field, which wrangler sends for its
    /// deprecated `pipeline` key)...
    std::optional<text> pipeline{};
    /// ... or the stream (what wrangler sends for `stream`).
    std::optional<text> stream{};

    friend constexpr bool operator==(pipelines_binding const&, pipelines_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(pipelines_binding, (), (name, pipeline, stream))

/// `k2`: A K2 stream.
struct k2_binding {
    static constexpr std::string_view type = "k2";

    required<"name"> name;
    required<"stream"> stream;

    friend constexpr bool operator==(k2_binding const&, k2_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(k2_binding, (), (name, stream))

/// `ratelimit`: A rate limiter.
struct ratelimit_binding {
    static constexpr std::string_view type = "ratelimit";

    required<"name"> name;
    /// A positive integer, as a string, unique in the account.
    required<"namespace_id"> namespace_id;
    required<"simple", ratelimit_simple> simple;

    friend constexpr bool operator==(ratelimit_binding const&, ratelimit_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(ratelimit_binding, (), (name, namespace_id, simple))

/// `send_email`: Sending email through Email Routing.
struct send_email_binding {
    static constexpr std::string_view type = "send_email";

    required<"name"> name;
    std::vector<text> allowed_destination_addresses{};
    std::vector<text> allowed_sender_addresses{};
    /// The only address it may send to.
    std::optional<text> destination_address{};

    friend constexpr bool operator==(send_email_binding const&, send_email_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(send_email_binding, (),
                      (name, allowed_destination_addresses, allowed_sender_addresses, destination_address))

/// `text_blob`: A part of the upload, as a string (service-worker scripts).
struct text_blob_binding {
    static constexpr std::string_view type = "text_blob";

    required<"name"> name;
    /// The name of the multipart part (a module of the version).
    required<"part"> part;

    friend constexpr bool operator==(text_blob_binding const&, text_blob_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(text_blob_binding, (), (name, part))

/// `vectorize`: A Vectorize index.
struct vectorize_binding {
    static constexpr std::string_view type = "vectorize";

    required<"name"> name;
    required<"index_name"> index_name;

    friend constexpr bool operator==(vectorize_binding const&, vectorize_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(vectorize_binding, (), (name, index_name))

/// `version_metadata`: The version's id, tag and timestamp.
struct version_metadata_binding {
    static constexpr std::string_view type = "version_metadata";

    required<"name"> name;

    friend constexpr bool operator==(version_metadata_binding const&, version_metadata_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(version_metadata_binding, (), (name))

/// `secrets_store_secret`: A secret of a Secrets Store.
struct secrets_store_secret_binding {
    static constexpr std::string_view type = "secrets_store_secret";

    required<"name"> name;
    required<"store_id"> store_id;
    required<"secret_name"> secret_name;

    friend constexpr bool operator==(secrets_store_secret_binding const&,
                                     secrets_store_secret_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(secrets_store_secret_binding, (), (name, store_id, secret_name))

/// `flagship`: A Flagship app (feature flags).
struct flagship_binding {
    static constexpr std::string_view type = "flagship";

    required<"name"> name;
    /// The app; wrangler leaves it out when the configuration does.
    std::optional<text> app_id{};

    friend constexpr bool operator==(flagship_binding const&, flagship_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(flagship_binding, (), (name, app_id))

/// `secret_key`: A WebCrypto key Cloudflare stores encrypted; its key material is a secret.
struct secret_key_binding {
    static constexpr std::string_view type = "secret_key";
    /// What `cfdo::redacted` hides.
    static constexpr std::array<std::string_view, 2> secret_fields{"key_base64", "key_jwk"};

    required<"name"> name;
    /// The WebCrypto algorithm, as JSON (`{"name":"HMAC","hash":"SHA-256"}`).
    required<"algorithm", json_text> algorithm;
    /// `raw`, `pkcs8`, `spki` or `jwk`.
    required<"format"> format;
    /// WebCrypto key usages (`sign`, `verify`, ...).
    required<"usages", std::vector<text>> usages;
    /// The key, base64-encoded (formats other than `jwk`).
    std::optional<text> key_base64{};
    /// The key as a JWK (format `jwk`).
    std::optional<json_text> key_jwk{};

    friend constexpr bool operator==(secret_key_binding const&, secret_key_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(secret_key_binding, (), (name, algorithm, format, usages, key_base64, key_jwk))

/// `workflow`: A Workflow.
struct workflow_binding {
    static constexpr std::string_view type = "workflow";

    required<"name"> name;
    required<"workflow_name"> workflow_name;
    /// The exported class of the Workflow's Worker.
    std::optional<text> class_name{};
    /// The Worker defining it, when it is not this one.
    std::optional<text> script_name{};

    friend constexpr bool operator==(workflow_binding const&, workflow_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(workflow_binding, (), (name, workflow_name, class_name, script_name))

/// `wasm_module`: A part of the upload, as a `WebAssembly.Module` (service-worker scripts).
struct wasm_module_binding {
    static constexpr std::string_view type = "wasm_module";

    required<"name"> name;
    /// The name of the multipart part (a module of the version).
    required<"part"> part;

    friend constexpr bool operator==(wasm_module_binding const&, wasm_module_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(wasm_module_binding, (), (name, part))

/// `vpc_service`: A Workers VPC service.
struct vpc_service_binding {
    static constexpr std::string_view type = "vpc_service";

    required<"name"> name;
    required<"service_id"> service_id;

    friend constexpr bool operator==(vpc_service_binding const&, vpc_service_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(vpc_service_binding, (), (name, service_id))

/// `vpc_network`: A Workers VPC network.
struct vpc_network_binding {
    static constexpr std::string_view type = "vpc_network";

    required<"name"> name;
    /// `runtime-email-alpha`.
    std::optional<text> identity{};
    std::optional<text> network_id{};
    std::optional<text> tunnel_id{};

    friend constexpr bool operator==(vpc_network_binding const&, vpc_network_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(vpc_network_binding, (), (name, identity, network_id, tunnel_id))

// Kinds wrangler 4.164 sends that the `cloudflare` npm SDK 7.3 does not list
// yet, shaped as wrangler sends them (its config-schema.json). The SDK
// comparison cannot cover them: `sdk_lists_it` is false, and the wrangler
// comparison covers them instead.

/// `worker_loader`: loads Workers at run time (wrangler's `worker_loaders`).
struct worker_loader_binding {
    static constexpr std::string_view type = "worker_loader";
    static constexpr bool sdk_lists_it = false;

    required<"name"> name;

    friend constexpr bool operator==(worker_loader_binding const&, worker_loader_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(worker_loader_binding, (), (name))

/// `stream`: Cloudflare Stream (wrangler's `stream`).
struct stream_binding {
    static constexpr std::string_view type = "stream";
    static constexpr bool sdk_lists_it = false;

    required<"name"> name;

    friend constexpr bool operator==(stream_binding const&, stream_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(stream_binding, (), (name))

/// `analytics`: Web Analytics (wrangler's `analytics`).
struct analytics_binding {
    static constexpr std::string_view type = "analytics";
    static constexpr bool sdk_lists_it = false;

    required<"name"> name;

    friend constexpr bool operator==(analytics_binding const&, analytics_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(analytics_binding, (), (name))

/// `agent_memory`: an Agent Memory namespace (wrangler's `agent_memory`).
struct agent_memory_binding {
    static constexpr std::string_view type = "agent_memory";
    static constexpr bool sdk_lists_it = false;

    required<"name"> name;
    required<"namespace_name"> namespace_name;

    friend constexpr bool operator==(agent_memory_binding const&, agent_memory_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(agent_memory_binding, (), (name, namespace_name))

template <>
struct json_field_names<agent_memory_binding> {
    // `namespace` is a C++ keyword.
    static constexpr std::array renamed{renamed_field{"namespace_name", "namespace"}};
};

/// `logfwdr`: forwards logs to a destination (wrangler's `logfwdr.bindings`).
struct logfwdr_binding {
    static constexpr std::string_view type = "logfwdr";
    static constexpr bool sdk_lists_it = false;

    required<"name"> name;
    required<"destination"> destination;

    friend constexpr bool operator==(logfwdr_binding const&, logfwdr_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(logfwdr_binding, (), (name, destination))

/// True for a kind the `cloudflare` npm SDK lists (the SDK comparison covers it).
template <class Kind>
inline constexpr bool sdk_lists = !requires { requires !Kind::sdk_lists_it; };

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_BINDINGS_HPP_INCLUDED
#define CFDO_MODEL_BINDINGS_HPP_INCLUDED

#include <cfdo/model/binding_kinds.hpp>
#include <cfdo/model/extra_fields.hpp>
#include <cfdo/model/json_names.hpp>
#include <cfdo/model/one_of.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/text.hpp>

#include <boost/describe/class.hpp>

#include <array>
#include <string_view>

namespace cfdo {

/// A binding of a kind cfdo does not model yet (or models differently):
/// its `type` and its other fields as JSON, sent as written. `from_json`
/// reads a binding of an unknown type into it, so nothing is lost.
struct raw_binding {
    /// Any binding kind is read into it when the type is not modelled.
    static constexpr bool accepts_any_type = true;

    /// The Cloudflare `type` string (JSON key `type`).
    required<"kind"> kind;
    required<"name"> name;
    /// Every field besides `type` and `name`, as a JSON object.
    extra_fields fields{};

    friend constexpr bool operator==(raw_binding const&, raw_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(raw_binding, (), (kind, name, fields))

template <>
struct json_field_names<raw_binding> {
    static constexpr std::array renamed{renamed_field{"kind", "type"}};
};

/// One item of a Worker version's `bindings`.
using binding =
    one_of<durable_object_binding, plain_text_binding, secret_text_binding, json_binding, kv_namespace_binding,
           r2_bucket_binding, service_binding, d1_binding, queue_binding, ai_binding, ai_search_binding,
           ai_search_namespace_binding, messaging_binding, analytics_engine_binding, artifacts_binding, assets_binding,
           browser_binding, data_blob_binding, dispatch_namespace_binding, hyperdrive_binding, inherit_binding,
           images_binding, media_binding, mtls_certificate_binding, pipelines_binding, k2_binding, ratelimit_binding,
           send_email_binding, text_blob_binding, vectorize_binding, version_metadata_binding,
           secrets_store_secret_binding, flagship_binding, secret_key_binding, workflow_binding, wasm_module_binding,
           vpc_service_binding, vpc_network_binding, worker_loader_binding, stream_binding, analytics_binding,
           agent_memory_binding, logfwdr_binding, raw_binding>;

/// The binding's `name` (its variable name in the Worker's `env`).
[[nodiscard]] constexpr std::string_view name_of(binding const& b) noexcept {
    return b.visit([](auto const& kind) -> std::string_view { return kind.name; });
}

/// The binding's Cloudflare `type` string.
[[nodiscard]] constexpr std::string_view type_of(binding const& b) noexcept {
    return b.visit([](auto const& kind) -> std::string_view {
        if constexpr (requires { kind.kind; }) return kind.kind;
        else return kind.type;
    });
}

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_REDACTION_HPP_INCLUDED
#define CFDO_API_REDACTION_HPP_INCLUDED

#include <cfdo/api/multipart.hpp>
#include <cfdo/api/request.hpp>
#include <cfdo/model/bindings.hpp>
#include <cfdo/support/json_limits.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>

#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <variant>

// A request as it may be shown: in logs, in a terminal, in a CI report. The
// request itself stays byte-exact (it is what a transport sends); this is a
// copy whose secret values are replaced.

namespace cfdo {

/// What a secret value is replaced with.
inline constexpr std::string_view redacted_value = "(redacted)";

namespace detail {

// The secret fields of a binding object, by its `type`: those each kind
// lists in `secret_fields`.
inline void redact_binding(boost::json::object& binding) {
    auto const* type = binding.if_contains("type");
    if (!type || !type->is_string()) return;
    std::string_view const kind_type = type->get_string();
    boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, binding::alternatives>>(
        [&](auto alternative) {
            using kind = typename decltype(alternative)::type;
            if constexpr (requires { kind::secret_fields; }) {
                if (kind_type != kind::type) return;
                for (auto const field : kind::secret_fields)
                    if (auto* value = binding.if_contains(field)) *value = redacted_value;
            }
        });
}

// A version's fields, wherever they sit: the body of "create a Worker
// version", an upload's `metadata`.
inline void redact_version_fields(boost::json::value& fields) {
    auto* object = fields.if_object();
    if (!object) return;
    if (auto* bindings = object->if_contains("bindings"); bindings && bindings->is_array())
        for (auto& item : bindings->get_array())
            if (auto* binding = item.if_object()) redact_binding(*binding);
    if (auto* assets = object->if_contains("assets"); assets && assets->is_object())
        if (auto* jwt = assets->get_object().if_contains("jwt")) *jwt = redacted_value;
}

} // namespace detail

/// `r` with every secret value replaced by `redacted_value`: secret_text's
/// `text`, secret_key's key material, the assets upload token. The method,
/// path, query, headers and every other byte are kept; a multipart body gets
/// a boundary of its own again.
[[nodiscard]] inline request redacted(request r) {
    if (auto* json = std::get_if<json_body>(&r.body)) {
        detail::redact_version_fields(json->value);
    } else if (auto* multipart = std::get_if<multipart_body>(&r.body)) {
        auto parts = std::move(multipart->parts);
        for (auto& part : parts) {
            if (part.name != "metadata") continue;
            boost::json::parse_options options;
            options.max_depth = json_max_depth;
            std::error_code ec;
            auto metadata = boost::json::parse(part.content, ec, {}, options);
            // What cannot be read cannot be shown as safe: hidden whole.
            if (ec) {
                part.content = std::string(redacted_value);
                continue;
            }
            detail::redact_version_fields(metadata);
            part.content = boost::json::serialize(metadata);
        }
        *multipart = multipart_body::with_parts(std::move(parts));
        for (auto& h : r.headers)
            if (h.name == "Content-Type") h.value = multipart->content_type();
    }
    return r;
}

} // namespace cfdo

#endif

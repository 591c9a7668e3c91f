// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_IMPL_MAKE_REQUEST_IPP_INCLUDED
#define CFDO_API_IMPL_MAKE_REQUEST_IPP_INCLUDED

// The definitions of make_request.hpp's entry points: in every translation
// unit that includes it when cfdo is header-only, once in <cfdo/src.hpp>
// otherwise.

#include <cfdo/api/make_request.hpp>
#include <cfdo/api/multipart.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/model/category.hpp>
#include <cfdo/model/modules.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/request_rules.hpp>
#include <cfdo/support/base64.hpp>

#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/pchars.hpp>

#include <algorithm>
#include <concepts>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace cfdo {

CFDO_DECL std::string invalid_request::summary(std::vector<diagnostic> const& diagnostics) {
    std::string text = "cfdo: invalid request";
    for (auto const& d : diagnostics)
        if (d.level == severity::error)
            text += "\n  " + d.path.str() + ": error[" + std::string(d.rule) + "]: " + message_of(d);
    return text;
}

namespace detail {

// The route's path with each `{parameter}` percent-encoded as exactly one
// segment, as the SDK's path encoder does (RFC 3986 `pchar`s stay as they
// are). The rules have already refused '/', dot-segments, control characters
// and empty values.
template <class Operation>
std::string expand_path(Operation const& op) {
    std::string path;
    std::string_view rest = Operation::endpoint.path;
    for_each_path_parameter(op, [&](std::string_view member, std::string_view value) {
        // Appended piece by piece: GCC 12 warns -Wrestrict (a false positive,
        // its bug 105329) at -O3 in users' builds for "{" + std::string(...).
        std::string braced;
        braced.reserve(member.size() + 2);
        braced.append(1, '{').append(member).append(1, '}');
        auto const placeholder = rest.find(braced);
        path += rest.substr(0, placeholder);
        path += boost::urls::encode(value, boost::urls::pchars);
        rest.remove_prefix(placeholder + member.size() + 2);
    });
    path += rest;
    return path;
}

// A query parameter's value as the SDK writes it into the URL.
template <class T>
std::string query_value(T const& value) {
    constexpr auto category = category_of<T>;
    if constexpr (category == model_category::optional) return query_value(*value);
    else if constexpr (category == model_category::required) return query_value(value.value());
    else if constexpr (category == model_category::boolean) return value ? "true" : "false";
    else if constexpr (category == model_category::integer) return std::to_string(value);
    else if constexpr (category == model_category::string) return std::string(std::string_view(value));
    else static_assert(no_json_form<T>, "cfdo: a query parameter is a string, a number or a boolean");
}

CFDO_DECL std::string module_bytes_of(worker_module const& module) {
    if (module.content.holds<module_bytes>()) return module.content.get<module_bytes>().bytes.str();
    // The rules refuse base64 text that does not decode.
    return base64_decode(module.content.get<module_base64>().base64).value_or(std::string());
}

// The classic script upload's body: the metadata without its version's
// modules as the `metadata` part, then a part per module, named after it.
// (A template, though it only ever takes upload_metadata, so that only a
// translation unit that builds an upload instantiates its JSON conversion.)
template <std::same_as<upload_metadata> Metadata>
multipart_body upload_body(Metadata const& upload) {
    auto const& version = upload.version;
    auto metadata = to_json(upload);
    metadata.as_object().erase("modules");
    std::vector<multipart_part> parts;
    parts.reserve(version.modules.size() + 1);
    parts.push_back({"metadata", std::nullopt, std::nullopt, boost::json::serialize(metadata)});
    for (auto const& module : version.modules)
        parts.push_back({module.name.str(), module.name.str(), module.content_type.str(), module_bytes_of(module)});
    return multipart_body::with_parts(std::move(parts));
}

// The version an upload or a new version sends, or null for other operations.
template <class Operation>
worker_version const* uploaded_version([[maybe_unused]] Operation const& op) {
    if constexpr (std::is_same_v<Operation, upload_script>) return &op.metadata.version;
    else if constexpr (std::is_same_v<Operation, create_version>) return &op.version;
    else return nullptr;
}

// The request of an operation, as its declaration says: the route's path,
// the query parameters in declaration order, and the body in its form.
template <operation Operation>
request build(Operation const& op) {
    static_assert(is_consistent_declaration<Operation>(),
                  "cfdo: the operation's endpoint contradicts its members (see is_consistent_declaration)");
    constexpr auto const& declared = Operation::endpoint;
    request r;
    r.method = declared.method;
    r.path = expand_path(op);
    for_each_query_parameter(op, [&](auto member, auto const& field) {
        r.query.push_back({std::string(member.key), query_value(field)});
    });
    if constexpr (declared.form == body_form::json) {
        r.headers = {{"Content-Type", "application/json"}};
        r.body = json_body{to_json(body_of(op))};
    } else if constexpr (declared.form == body_form::multipart_upload) {
        auto body = upload_body(body_of(op));
        r.headers = {{"Content-Type", body.content_type()}};
        r.body = std::move(body);
    }
    if (auto const* version = uploaded_version(op);
        version && std::any_of(version->exports.begin(), version->exports.end(),
                               [](auto const& entry) { return entry.value.template holds<workflow_export>(); }))
        r.headers.push_back({std::string(script_api_date_header), std::string(workflow_exports_api_date)});
    return r;
}

CFDO_DECL request request_or_throw(expected<request, std::vector<diagnostic>> built) {
    if (!built) throw invalid_request(std::move(built).error());
    return std::move(*built);
}

template <operation Operation>
expected<request, std::vector<diagnostic>> try_make_request_for_proven_body(Operation const& op) {
    auto diagnostics = validate_run_time_parts(op);
    if (has_errors(diagnostics)) return unexpected(std::move(diagnostics));
    return build(op);
}

} // namespace detail

template <operation Operation>
expected<request, std::vector<diagnostic>> try_make_request(Operation const& op, validation_context const& context) {
    auto diagnostics = validate(op, context);
    if (has_errors(diagnostics)) return unexpected(std::move(diagnostics));
    return detail::build(op);
}

template <version_operation Operation>
expected<request, std::vector<diagnostic>> try_make_request(Operation const& op, deployment const& d,
                                                            validation_context const& context) {
    auto diagnostics = validate(op, d, context);
    if (has_errors(diagnostics)) return unexpected(std::move(diagnostics));
    return detail::build(with_deployment(op, d, context));
}

} // namespace cfdo

#endif

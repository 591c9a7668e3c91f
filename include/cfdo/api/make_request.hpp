// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_MAKE_REQUEST_HPP_INCLUDED
#define CFDO_API_MAKE_REQUEST_HPP_INCLUDED

#include <cfdo/api/multipart.hpp>
#include <cfdo/api/request.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/model/category.hpp>
#include <cfdo/model/modules.hpp>
#include <cfdo/model/operation.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/request_rules.hpp>
#include <cfdo/support/base64.hpp>
#include <cfdo/support/expected.hpp>

#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/pchars.hpp>

#include <algorithm>
#include <concepts>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace cfdo {

/// Thrown by `make_request` when the operation breaks a rule; carries every
/// diagnostic, warnings included.
class invalid_request : public std::invalid_argument {
public:
    explicit invalid_request(std::vector<diagnostic> diagnostics)
        : std::invalid_argument(summary(diagnostics)), diagnostics_(std::move(diagnostics)) {}

    [[nodiscard]] std::vector<diagnostic> const& diagnostics() const noexcept { return diagnostics_; }

private:
    static std::string summary(std::vector<diagnostic> const& diagnostics) {
        std::string text = "cfdo: invalid request";
        for (auto const& d : diagnostics)
            if (d.level == severity::error)
                text += "\n  " + d.path.str() + ": error[" + std::string(d.rule) + "]: " + message_of(d);
        return text;
    }

    std::vector<diagnostic> diagnostics_;
};

/// The header wrangler 4.164 sends with an upload whose `exports` has a
/// `workflow` entry: Cloudflare takes Workflows in `exports` only from the
/// script API of that date on, and reads an upload without it by the older
/// API, which has no such entry kind.
inline constexpr std::string_view script_api_date_header = "Cloudflare-Workers-Script-Api-Date";
inline constexpr std::string_view workflow_exports_api_date = "2026-11-09";

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
        auto const placeholder = rest.find("{" + std::string(member) + "}");
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

inline std::string module_bytes_of(worker_module const& module) {
    if (module.content.holds<module_bytes>()) return module.content.get<module_bytes>().bytes.str();
    // The rules refuse base64 text that does not decode.
    return base64_decode(module.content.get<module_base64>().base64).value_or(std::string());
}

// The classic script upload's body: the metadata without its version's
// modules as the `metadata` part, then a part per module, named after it.
inline multipart_body upload_body(upload_metadata const& upload) {
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

// What make_request returns: the request built, or `invalid_request` thrown
// with every diagnostic.
inline request request_or_throw(expected<request, std::vector<diagnostic>> built) {
    if (!built) throw invalid_request(std::move(built).error());
    return std::move(*built);
}

} // namespace detail

/// The request for `op`, or every diagnostic when `op` breaks an error rule
/// under what `context` says (by default, nothing is known of what is
/// deployed).
template <operation Operation>
[[nodiscard]] expected<request, std::vector<diagnostic>> try_make_request(Operation const& op,
                                                                          validation_context const& context = {}) {
    auto diagnostics = validate(op, context);
    if (has_errors(diagnostics)) return unexpected(std::move(diagnostics));
    return detail::build(op);
}

/// The request for `op`; throws `invalid_request` when `op` breaks an error
/// rule.
template <operation Operation>
[[nodiscard]] request make_request(Operation const& op, validation_context const& context = {}) {
    return detail::request_or_throw(try_make_request(op, context));
}

/// The request for `op` sending deployment `d` under `context`: its version
/// is `payload(d, context)` — the history's steps after the deployed tag —
/// checked with the whole history; or every diagnostic when there is an
/// error.
///
///   auto request = cfdo::make_request(cfdo::create_version{.account_id = a, .worker_id = "counter"},
///                                     counter_deployment(), {.deployed = state});
template <version_operation Operation>
[[nodiscard]] expected<request, std::vector<diagnostic>> try_make_request(Operation const& op, deployment const& d,
                                                                          validation_context const& context = {}) {
    auto diagnostics = validate(op, d, context);
    if (has_errors(diagnostics)) return unexpected(std::move(diagnostics));
    return detail::build(with_deployment(op, d, context));
}

/// The same; throws `invalid_request` when there is an error.
template <version_operation Operation>
[[nodiscard]] request make_request(Operation const& op, deployment const& d, validation_context const& context = {}) {
    return detail::request_or_throw(try_make_request(op, d, context));
}

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_MAKE_REQUEST_HPP_INCLUDED
#define CFDO_API_MAKE_REQUEST_HPP_INCLUDED

#include <cfdo/api/multipart.hpp>
#include <cfdo/api/operations.hpp>
#include <cfdo/api/request.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/request_rules.hpp>
#include <cfdo/support/base64.hpp>
#include <cfdo/support/expected.hpp>

#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/pchars.hpp>

#include <concepts>
#include <stdexcept>
#include <string>
#include <string_view>
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
            if (d.level == severity::error) text += "\n  " + d.path.str() + ": error[" + std::string(d.rule) + "]: " + message_of(d);
        return text;
    }

    std::vector<diagnostic> diagnostics_;
};

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

template <class Operation>
request routed(Operation const& op) {
    request r;
    r.method = Operation::endpoint.method;
    r.path = expand_path(op);
    return r;
}

inline std::vector<header> json_headers() { return {{"Content-Type", "application/json"}}; }

inline request build(list_namespaces const& op) {
    auto r = routed(op);
    if (op.page) r.query.push_back({"page", std::to_string(*op.page)});
    if (op.per_page) r.query.push_back({"per_page", std::to_string(*op.per_page)});
    return r;
}

inline request build(list_objects const& op) {
    auto r = routed(op);
    if (op.limit) r.query.push_back({"limit", std::to_string(*op.limit)});
    if (op.cursor) r.query.push_back({"cursor", op.cursor->str()});
    return r;
}

inline request build(create_version const& op) {
    auto r = routed(op);
    if (op.deploy) r.query.push_back({"deploy", *op.deploy ? "true" : "false"});
    r.headers = json_headers();
    r.body = json_body{to_json(op.version)};
    return r;
}

inline std::string module_bytes_of(worker_module const& module) {
    if (module.content.holds<module_bytes>()) return module.content.get<module_bytes>().bytes.str();
    // The rules refuse base64 text that does not decode.
    return base64_decode(module.content.get<module_base64>().base64).value_or(std::string());
}

inline request build(upload_script const& op) {
    auto r = routed(op);

    // The metadata is the version without its modules, which travel as parts.
    auto metadata = to_json(op.version);
    metadata.as_object().erase("modules");

    std::vector<multipart_part> parts;
    parts.reserve(op.version.modules.size() + 1);
    parts.push_back({"metadata", std::nullopt, std::nullopt, boost::json::serialize(metadata)});
    for (auto const& module : op.version.modules)
        parts.push_back({module.name.str(), module.name.str(), module.content_type.str(), module_bytes_of(module)});
    auto body = multipart_body::with_parts(std::move(parts));
    r.headers = {{"Content-Type", body.content_type()}};
    r.body = std::move(body);
    return r;
}

} // namespace detail

/// Operations cfdo can turn into a request.
template <class Operation>
concept operation = requires(Operation const& op) {
    { validate(op) } -> std::same_as<std::vector<diagnostic>>;
    { detail::build(op) } -> std::same_as<request>;
};

/// The request for `op`, or every diagnostic when `op` breaks an error rule.
template <operation Operation>
[[nodiscard]] expected<request, std::vector<diagnostic>> try_make_request(Operation const& op) {
    auto diagnostics = validate(op);
    if (has_errors(diagnostics)) return unexpected(std::move(diagnostics));
    return detail::build(op);
}

/// The request for `op`; throws `invalid_request` when `op` breaks an error
/// rule.
template <operation Operation>
[[nodiscard]] request make_request(Operation const& op) {
    auto built = try_make_request(op);
    if (!built) throw invalid_request(std::move(built).error());
    return std::move(*built);
}

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_REQUEST_HPP_INCLUDED
#define CFDO_API_REQUEST_HPP_INCLUDED

#include <cfdo/api/multipart.hpp>
#include <cfdo/model/http_method.hpp>
#include <cfdo/support/base64.hpp>
#include <cfdo/support/utf8.hpp>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace cfdo {

/// Cloudflare's API root; `request::path` is relative to it.
inline constexpr std::string_view api_base_url = "https://api.cloudflare.com/client/v4";

/// One query parameter, not yet percent-encoded.
struct query_parameter {
    std::string name;
    std::string value;

    friend bool operator==(query_parameter const&, query_parameter const&) = default;
};

struct header {
    std::string name;
    std::string value;

    friend bool operator==(header const&, header const&) = default;
};

/// The value of header `name` among `headers` (names compared without
/// regard to case, as HTTP compares them), if present.
[[nodiscard]] inline std::optional<std::string> find_header(std::vector<header> const& headers, std::string_view name) {
    auto const same = [](std::string_view a, std::string_view b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
            if (lower(a[i]) != lower(b[i])) return false;
        }
        return true;
    };
    for (auto const& h : headers)
        if (same(h.name, name)) return h.value;
    return std::nullopt;
}

/// A JSON request body.
struct json_body {
    boost::json::value value;
};

/// What a request sends: nothing, JSON, or `multipart/form-data`.
using request_body = std::variant<std::monostate, json_body, multipart_body>;

/// An HTTP request described, not sent: cfdo does no I/O. A transport (any
/// callable taking a `request` and returning an `http_response`) sends it,
/// adding the host and its own credentials: an API token is never part of a
/// `request`, so nothing printed or serialized from one can leak it.
struct request {
    http_method method = http_method::get;
    /// Percent-encoded path below `api_base_url`, e.g.
    /// `/accounts/0123/workers/durable_objects/namespaces`.
    std::string path;
    std::vector<query_parameter> query;
    /// Headers the body needs (`Content-Type`); transports add their own.
    std::vector<header> headers;
    request_body body;

    /// The path and the percent-encoded query string: what follows the API
    /// root in the URL.
    [[nodiscard]] std::string target() const {
        std::string out = path;
        char separator = '?';
        for (auto const& parameter : query) {
            out += separator;
            out += boost::urls::encode(parameter.name, boost::urls::unreserved_chars);
            out += '=';
            out += boost::urls::encode(parameter.value, boost::urls::unreserved_chars);
            separator = '&';
        }
        return out;
    }

    /// The full URL below `base` (Cloudflare's API root unless given).
    [[nodiscard]] std::string url(std::string_view base = api_base_url) const {
        while (!base.empty() && base.back() == '/') base.remove_suffix(1);
        return std::string(base) + target();
    }

    /// The bytes sent as the body (empty when there is none).
    [[nodiscard]] std::string body_bytes() const {
        if (auto const* json = std::get_if<json_body>(&body)) return boost::json::serialize(json->value);
        if (auto const* multipart = std::get_if<multipart_body>(&body)) return multipart->bytes();
        return {};
    }

    /// The value of header `name` (compared case-insensitively), if set.
    [[nodiscard]] std::optional<std::string> header_value(std::string_view name) const {
        return find_header(headers, name);
    }
};

/// The request as JSON — `{"method", "path", "query", "headers", "body"}` —
/// for printing and for comparing with what another client sends. A JSON
/// body appears as its value, a multipart body as its raw text; a multipart
/// body that is not UTF-8 text (a WebAssembly module, say), which no JSON
/// string can carry, appears instead as `"body_base64"`, its bytes in base64.
[[nodiscard]] inline boost::json::value to_json(request const& r) {
    boost::json::object out;
    out["method"] = to_string(r.method);
    out["path"] = r.path;
    auto& query = out["query"].emplace_object();
    for (auto const& parameter : r.query) query[parameter.name] = parameter.value;
    auto& headers = out["headers"].emplace_object();
    for (auto const& h : r.headers) headers[h.name] = h.value;
    if (auto const* json = std::get_if<json_body>(&r.body)) out["body"] = json->value;
    else if (auto const* multipart = std::get_if<multipart_body>(&r.body)) {
        auto const bytes = multipart->bytes();
        if (is_utf8(bytes)) {
            out["body"] = bytes;
        } else {
            boost::json::string encoded;
            encoded.resize(base64_encoded_size(bytes.size()));
            base64_encode(bytes, encoded.data());
            out["body_base64"] = std::move(encoded);
        }
    } else {
        out["body"] = nullptr;
    }
    return out;
}

} // namespace cfdo

#endif

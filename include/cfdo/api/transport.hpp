// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_TRANSPORT_HPP_INCLUDED
#define CFDO_API_TRANSPORT_HPP_INCLUDED

#include <cfdo/api/request.hpp>

#include <concepts>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace cfdo {

/// What a transport returns: the HTTP status, the body's bytes, and the
/// headers that matter to the caller (a transport may leave them out; cfdo
/// reads `Retry-After`).
struct http_response {
    int status = 0;
    std::string body;
    std::vector<header> headers{};

    /// The value of header `name` (compared case-insensitively), if present.
    [[nodiscard]] std::optional<std::string> header_value(std::string_view name) const {
        return find_header(headers, name);
    }
};

/// What a transport throws when no answer comes back (the host cannot be
/// reached, TLS fails, the time is up). cfdo's own transports throw it; any
/// exception a user's transport throws is let through as well.
class transport_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Anything that sends a `request` and returns its `http_response`: a lambda
/// over libcurl, Boost.Beast, a test double... It adds the host (normally
/// `api_base_url`) and the credentials. A transport that cannot reach the
/// server throws; cfdo lets the exception through.
template <class T>
concept transport =
    std::invocable<T&, request const&> && std::convertible_to<std::invoke_result_t<T&, request const&>, http_response>;

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_TRANSPORT_HPP_INCLUDED
#define CFDO_API_TRANSPORT_HPP_INCLUDED

#include <cfdo/api/request.hpp>

#include <concepts>
#include <string>
#include <type_traits>

namespace cfdo {

/// What a transport returns: the HTTP status and the body's bytes.
struct http_response {
    int status = 0;
    std::string body;
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

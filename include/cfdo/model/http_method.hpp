// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_HTTP_METHOD_HPP_INCLUDED
#define CFDO_MODEL_HTTP_METHOD_HPP_INCLUDED

#include <cfdo/config.hpp>

#include <string_view>

namespace cfdo {

enum class http_method { get, post, put, patch, delete_ };

[[nodiscard]] constexpr std::string_view to_string(http_method method) noexcept {
    switch (method) {
    case http_method::get: return "GET";
    case http_method::post: return "POST";
    case http_method::put: return "PUT";
    case http_method::patch: return "PATCH";
    case http_method::delete_: return "DELETE";
    }
    return "GET";
}

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_SUPPORT_JSON_LIMITS_HPP_INCLUDED
#define CFDO_SUPPORT_JSON_LIMITS_HPP_INCLUDED

#include <cfdo/config.hpp>

#include <cstddef>

namespace cfdo {

/// Nesting limit for JSON that cfdo reads or checks: deep enough for any real
/// configuration or response, shallow enough that hostile input is refused
/// before it can exhaust the stack of code that walks the value.
inline constexpr std::size_t json_max_depth = 256;

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_JSON_POINTER_HPP_INCLUDED
#define CFDO_JSON_POINTER_HPP_INCLUDED

#include <string>
#include <string_view>

namespace cfdo {

/// Appends `/token` to a JSON pointer (RFC 6901), escaping `~` as `~0` and
/// `/` as `~1`.
inline void append_pointer_token(std::string& pointer, std::string_view token) {
    pointer.push_back('/');
    for (char const c : token) {
        if (c == '~') pointer += "~0";
        else if (c == '/') pointer += "~1";
        else pointer.push_back(c);
    }
}

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_JSON_POINTER_HPP_INCLUDED
#define CFDO_JSON_POINTER_HPP_INCLUDED

#include <cfdo/config.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace cfdo {

/// Appends `token` to a JSON pointer being built in `pointer` (a
/// `std::string`, or a `cfdo::text` in a constant expression), escaping `~`
/// as `~0` and `/` as `~1` (RFC 6901). The '/' before it is the caller's.
template <class Pointer>
constexpr void append_escaped_pointer_token(Pointer& pointer, std::string_view token) {
    for (auto special = token.find_first_of("~/"); special != std::string_view::npos;
         special = token.find_first_of("~/")) {
        pointer += token.substr(0, special);
        pointer += std::string_view(token[special] == '~' ? "~0" : "~1");
        token.remove_prefix(special + 1);
    }
    pointer += token;
}

/// Appends the decimal digits of an array index to a JSON pointer being built
/// in `pointer` (a `std::string`, or a `cfdo::text` in a constant expression,
/// where `std::to_string` is not available). The '/' before it is the
/// caller's.
template <class Pointer>
constexpr void append_pointer_index(Pointer& pointer, std::size_t index) {
    char digits[20]{};
    std::size_t count = 0;
    do {
        digits[sizeof digits - 1 - count++] = static_cast<char>('0' + index % 10);
        index /= 10;
    } while (index != 0);
    pointer += std::string_view(digits + sizeof digits - count, count);
}

/// Appends `/token` to a JSON pointer, the token escaped.
inline void append_pointer_token(std::string& pointer, std::string_view token) {
    pointer.push_back('/');
    append_escaped_pointer_token(pointer, token);
}

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_SUPPORT_PRINTABLE_HPP_INCLUDED
#define CFDO_SUPPORT_PRINTABLE_HPP_INCLUDED

#include <string>
#include <string_view>

namespace cfdo {

/// `text` with each control byte (below 0x20, and 0x7f) written as `\xNN`
/// and every other byte kept, UTF-8 included.
///
/// Error texts quote what a configuration, an environment variable or a
/// server sent; printed raw, a newline could forge a log line and an escape
/// sequence could rewrite a terminal. Applying it twice changes nothing more.
[[nodiscard]] inline std::string printable(std::string_view text) {
    constexpr std::string_view hex = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (char const c : text) {
        auto const byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 15];
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace cfdo

#endif

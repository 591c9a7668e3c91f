// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_SUPPORT_PRINTABLE_HPP_INCLUDED
#define CFDO_SUPPORT_PRINTABLE_HPP_INCLUDED

#include <cfdo/support/utf8.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace cfdo {

/// `text` with each control byte (below 0x20, and 0x7f) and each byte that
/// is not part of well-formed UTF-8 written as `\xNN`; every other byte is
/// kept, UTF-8 included.
///
/// Error texts quote what a configuration, an environment variable or a
/// server sent; printed raw, a newline could forge a log line, an escape
/// sequence could rewrite a terminal, and a stray byte would make a JSON
/// report invalid. Applying it twice changes nothing more.
[[nodiscard]] inline std::string printable(std::string_view text) {
    constexpr std::string_view hex = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        auto const byte = static_cast<unsigned char>(text[at]);
        auto const length = utf8_sequence_length(text, at);
        if (length == 0 || byte < 0x20 || byte == 0x7f) {
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 15];
            ++at;
        } else {
            out.append(text, at, length);
            at += length;
        }
    }
    return out;
}

} // namespace cfdo

#endif

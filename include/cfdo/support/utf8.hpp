// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_SUPPORT_UTF8_HPP_INCLUDED
#define CFDO_SUPPORT_UTF8_HPP_INCLUDED

#include <cfdo/config.hpp>

#include <cstddef>
#include <string_view>

namespace cfdo {

/// The length of the well-formed UTF-8 sequence at `text[at]` (RFC 3629: no
/// overlong forms, no surrogates, nothing above U+10FFFF), or 0 when there is
/// none.
[[nodiscard]] constexpr std::size_t utf8_sequence_length(std::string_view text, std::size_t at) noexcept {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    auto const lead = byte(at);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        if (lead == 0xe0) low = 0xa0;
        if (lead == 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        if (lead == 0xf0) low = 0x90;
        if (lead == 0xf4) high = 0x8f;
    } else {
        return 0;
    }
    if (at + length > text.size()) return 0;
    if (byte(at + 1) < low || byte(at + 1) > high) return 0;
    for (std::size_t i = 2; i < length; ++i)
        if (byte(at + i) < 0x80 || byte(at + i) > 0xbf) return 0;
    return length;
}

/// True when `text` is well-formed UTF-8, which JSON text must be.
[[nodiscard]] constexpr bool is_utf8(std::string_view text) noexcept {
    for (std::size_t at = 0; at < text.size();) {
        // ASCII first: names are almost always ASCII, and this is the hot loop
        // of a check that also runs inside constant expressions.
        if (static_cast<unsigned char>(text[at]) < 0x80) {
            ++at;
            continue;
        }
        auto const length = utf8_sequence_length(text, at);
        if (length == 0) return false;
        at += length;
    }
    return true;
}

} // namespace cfdo

#endif

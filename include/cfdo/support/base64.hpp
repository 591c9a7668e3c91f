// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_SUPPORT_BASE64_HPP_INCLUDED
#define CFDO_SUPPORT_BASE64_HPP_INCLUDED

#include <cfdo/config.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Standard base64 (RFC 4648 §4, with padding), as Cloudflare's
// `content_base64` and Node's `Buffer.toString('base64')` write it.

namespace cfdo {

namespace detail {

inline constexpr std::string_view base64_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

inline constexpr std::uint8_t base64_invalid = 0xff;

// The two characters of every 12-bit value, side by side: the encoder looks
// up half a group at a time, which doubles its throughput over one lookup
// per character (bench/, "base64"). 8 KiB, built once per program.
inline constexpr std::array<char, 2 * 4096> base64_pairs = [] {
    std::array<char, 2 * 4096> pairs{};
    for (std::size_t i = 0; i < 4096; ++i) {
        pairs[2 * i] = base64_alphabet[i >> 6];
        pairs[2 * i + 1] = base64_alphabet[i & 63];
    }
    return pairs;
}();

inline constexpr std::array<std::uint8_t, 256> base64_values = [] {
    std::array<std::uint8_t, 256> values{};
    values.fill(base64_invalid);
    for (std::size_t i = 0; i < base64_alphabet.size(); ++i)
        values[static_cast<unsigned char>(base64_alphabet[i])] = static_cast<std::uint8_t>(i);
    return values;
}();

} // namespace detail

/// Length of the base64 text of `byte_count` bytes.
[[nodiscard]] constexpr std::size_t base64_encoded_size(std::size_t byte_count) noexcept {
    return (byte_count + 2) / 3 * 4;
}

/// Writes the base64 text of `bytes` to `out`, which must have room for
/// `base64_encoded_size(bytes.size())` characters; returns one past the last
/// character written.
constexpr char* base64_encode(std::string_view bytes, char* out) noexcept {
    auto const* in = bytes.data();
    std::size_t remaining = bytes.size();
    auto byte = [](char c) { return static_cast<std::uint32_t>(static_cast<unsigned char>(c)); };
    auto const& alphabet = detail::base64_alphabet;
    auto const& pairs = detail::base64_pairs;
    while (remaining >= 3) {
        std::uint32_t const group = byte(in[0]) << 16 | byte(in[1]) << 8 | byte(in[2]);
        std::size_t const high = (group >> 12) * 2;
        std::size_t const low = (group & 0xfff) * 2;
        out[0] = pairs[high];
        out[1] = pairs[high + 1];
        out[2] = pairs[low];
        out[3] = pairs[low + 1];
        in += 3;
        out += 4;
        remaining -= 3;
    }
    if (remaining > 0) {
        std::uint32_t const group = byte(in[0]) << 16 | (remaining == 2 ? byte(in[1]) << 8 : 0u);
        out[0] = alphabet[group >> 18 & 63];
        out[1] = alphabet[group >> 12 & 63];
        out[2] = remaining == 2 ? alphabet[group >> 6 & 63] : '=';
        out[3] = '=';
        out += 4;
    }
    return out;
}

/// The base64 text of `bytes`.
[[nodiscard]] inline std::string base64_encode(std::string_view bytes) {
    std::string encoded(base64_encoded_size(bytes.size()), '\0');
    base64_encode(bytes, encoded.data());
    return encoded;
}

/// True when `encoded` is padded base64: a multiple of four characters of
/// the standard alphabet, with `=` only as final padding. (Like Go's and
/// Node's decoders, this accepts non-zero bits where padding leaves bits
/// unused; `is_canonical_base64` does not.)
[[nodiscard]] constexpr bool is_base64(std::string_view encoded) noexcept {
    if (encoded.size() % 4 != 0) return false;
    std::size_t padding = 0;
    if (!encoded.empty() && encoded.back() == '=') padding = encoded[encoded.size() - 2] == '=' ? 2 : 1;
    for (std::size_t i = 0; i < encoded.size() - padding; ++i)
        if (detail::base64_values[static_cast<unsigned char>(encoded[i])] == detail::base64_invalid) return false;
    return true;
}

/// True when `encoded` is `is_base64` and what an encoder writes: zero bits
/// where padding leaves bits unused, so that it is the one spelling of its
/// bytes.
[[nodiscard]] constexpr bool is_canonical_base64(std::string_view encoded) noexcept {
    if (!is_base64(encoded)) return false;
    std::size_t const padding = encoded.ends_with("==") ? 2 : encoded.ends_with('=') ? 1 : 0;
    if (padding == 0) return true;
    auto const last = detail::base64_values[static_cast<unsigned char>(encoded[encoded.size() - padding - 1])];
    return (last & (padding == 2 ? 0x0f : 0x03)) == 0;
}

/// The bytes of base64 text, or nothing when `encoded` is not `is_base64`.
[[nodiscard]] inline std::optional<std::string> base64_decode(std::string_view encoded) {
    if (!is_base64(encoded)) return std::nullopt;
    std::string bytes;
    bytes.reserve(encoded.size() / 4 * 3);
    auto value = [&](std::size_t i) -> std::uint32_t {
        return encoded[i] == '=' ? 0u : detail::base64_values[static_cast<unsigned char>(encoded[i])];
    };
    for (std::size_t i = 0; i < encoded.size(); i += 4) {
        std::uint32_t const group = value(i) << 18 | value(i + 1) << 12 | value(i + 2) << 6 | value(i + 3);
        bytes.push_back(static_cast<char>(group >> 16 & 0xff));
        if (encoded[i + 2] != '=') bytes.push_back(static_cast<char>(group >> 8 & 0xff));
        if (encoded[i + 3] != '=') bytes.push_back(static_cast<char>(group & 0xff));
    }
    return bytes;
}

} // namespace cfdo

#endif

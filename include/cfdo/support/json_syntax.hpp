// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_SUPPORT_JSON_SYNTAX_HPP_INCLUDED
#define CFDO_SUPPORT_JSON_SYNTAX_HPP_INCLUDED

#include <array>
#include <cstddef>
#include <string_view>

// A JSON syntax check usable in constant expressions, so that a `json`
// binding written as a literal is checked by the compiler with the same
// answer Boost.JSON gives at run time: RFC 8259 strictly (no comments, no
// trailing commas, UTF-8 validated), nesting at most `json_max_depth` deep.

namespace cfdo {

/// Nesting limit for JSON that cfdo reads or checks: deep enough for any real
/// configuration or response, shallow enough that hostile input is refused
/// before it can exhaust the stack of code that walks the value.
inline constexpr std::size_t json_max_depth = 256;

namespace detail {

class json_syntax_checker {
public:
    constexpr explicit json_syntax_checker(std::string_view text) noexcept : text_(text) {}

    constexpr bool valid() noexcept {
        std::array<char, json_max_depth> open{};
        std::size_t depth = 0;
        bool expect_value = true;
        for (;;) {
            skip_whitespace();
            if (expect_value) {
                if (at_end()) return false;
                char const c = text_[at_];
                if (c == '{' || c == '[') {
                    if (depth == open.size()) return false;
                    open[depth++] = c;
                    ++at_;
                    skip_whitespace();
                    if (!at_end() && text_[at_] == (c == '{' ? '}' : ']')) {
                        ++at_;
                        --depth;
                        expect_value = false;
                    } else if (c == '{' && !member_name()) {
                        return false;
                    }
                    continue;
                }
                if (!scalar()) return false;
                expect_value = false;
                continue;
            }
            if (depth == 0) return at_end();
            if (at_end()) return false;
            char const c = text_[at_++];
            char const container = open[depth - 1];
            if (c == ',') {
                expect_value = true;
                if (container == '{') {
                    skip_whitespace();
                    if (!member_name()) return false;
                }
            } else if ((container == '{' && c == '}') || (container == '[' && c == ']')) {
                --depth;
            } else {
                return false;
            }
        }
    }

private:
    constexpr bool at_end() const noexcept { return at_ >= text_.size(); }

    constexpr void skip_whitespace() noexcept {
        while (!at_end() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r'))
            ++at_;
    }

    constexpr bool literal(std::string_view word) noexcept {
        if (text_.substr(at_, word.size()) != word) return false;
        at_ += word.size();
        return true;
    }

    // `"name"` then `:`; leaves the position before the member's value.
    constexpr bool member_name() noexcept {
        if (at_end() || text_[at_] != '"' || !string()) return false;
        skip_whitespace();
        if (at_end() || text_[at_] != ':') return false;
        ++at_;
        return true;
    }

    constexpr bool scalar() noexcept {
        char const c = text_[at_];
        if (c == '"') return string();
        if (c == 't') return literal("true");
        if (c == 'f') return literal("false");
        if (c == 'n') return literal("null");
        return number();
    }

    constexpr bool digits() noexcept {
        auto const start = at_;
        while (!at_end() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
        return at_ > start;
    }

    constexpr bool number() noexcept {
        if (!at_end() && text_[at_] == '-') ++at_;
        if (at_end()) return false;
        if (text_[at_] == '0') ++at_;
        else if (!digits()) return false;
        if (!at_end() && text_[at_] == '.') {
            ++at_;
            if (!digits()) return false;
        }
        if (!at_end() && (text_[at_] == 'e' || text_[at_] == 'E')) {
            ++at_;
            if (!at_end() && (text_[at_] == '+' || text_[at_] == '-')) ++at_;
            if (!digits()) return false;
        }
        return true;
    }

    static constexpr bool is_hex(char c) noexcept {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    // The four hex digits after `\u`, or -1.
    constexpr long code_unit() noexcept {
        long unit = 0;
        for (int i = 0; i < 4; ++i) {
            if (at_end() || !is_hex(text_[at_])) return -1;
            char const c = text_[at_++];
            unit = unit * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        return unit;
    }

    constexpr bool string() noexcept {
        ++at_; // the opening quote
        while (!at_end()) {
            auto const byte = static_cast<unsigned char>(text_[at_]);
            if (byte == '"') {
                ++at_;
                return true;
            }
            if (byte < 0x20) return false;
            if (byte == '\\') {
                if (++at_ >= text_.size()) return false;
                char const escaped = text_[at_++];
                if (escaped == 'u') {
                    // UTF-16 escapes must pair up as Boost.JSON requires: a
                    // high surrogate followed by a low one, never alone.
                    auto const unit = code_unit();
                    if (unit < 0 || (unit >= 0xdc00 && unit <= 0xdfff)) return false;
                    if (unit >= 0xd800 && unit <= 0xdbff) {
                        if (!literal("\\u")) return false;
                        auto const low = code_unit();
                        if (low < 0xdc00 || low > 0xdfff) return false;
                    }
                } else if (std::string_view("\"\\/bfnrt").find(escaped) == std::string_view::npos) {
                    return false;
                }
                continue;
            }
            if (byte < 0x80) {
                ++at_;
                continue;
            }
            if (!utf8_sequence()) return false;
        }
        return false;
    }

    // One well-formed UTF-8 sequence of two to four bytes (RFC 3629: no
    // overlong forms, no surrogates, nothing above U+10FFFF).
    constexpr bool utf8_sequence() noexcept {
        auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text_[i]); };
        auto const lead = byte(at_);
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
            return false;
        }
        if (at_ + length > text_.size()) return false;
        if (byte(at_ + 1) < low || byte(at_ + 1) > high) return false;
        for (std::size_t i = 2; i < length; ++i)
            if (byte(at_ + i) < 0x80 || byte(at_ + i) > 0xbf) return false;
        at_ += length;
        return true;
    }

    std::string_view text_;
    std::size_t at_ = 0;
};

} // namespace detail

/// True when `text` is one JSON value (RFC 8259), at most `json_max_depth`
/// levels deep.
[[nodiscard]] constexpr bool is_json(std::string_view text) noexcept {
    return detail::json_syntax_checker(text).valid();
}

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_SUPPORT_JSON_SYNTAX_HPP_INCLUDED
#define CFDO_SUPPORT_JSON_SYNTAX_HPP_INCLUDED

#include <cfdo/support/json_limits.hpp>
#include <cfdo/support/utf8.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

// A JSON syntax check usable in constant expressions, so that a `json`
// binding written as a literal is checked by the compiler with the same
// answer Boost.JSON gives at run time: RFC 8259 strictly (no comments, no
// trailing commas, UTF-8 validated), nesting at most `json_max_depth` deep,
// and numbers refused where Boost.JSON 1.81 reports an exponent overflow.

namespace cfdo {

namespace detail {

class json_syntax_checker {
public:
    constexpr explicit json_syntax_checker(std::string_view text) noexcept : text_(text) {}

    /// True for one JSON value; `on_top_level_key(key)` sees each key of a
    /// top-level object, as written between its quotes (escapes kept).
    template <class OnTopLevelKey>
    constexpr bool valid(OnTopLevelKey on_top_level_key) noexcept {
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
                    } else if (c == '{' && !member_name(depth == 1, on_top_level_key)) {
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
                    if (!member_name(depth == 1, on_top_level_key)) return false;
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
    template <class OnTopLevelKey>
    constexpr bool member_name(bool top_level, OnTopLevelKey& on_top_level_key) noexcept {
        auto const start = at_ + 1;
        if (at_end() || text_[at_] != '"' || !string()) return false;
        if (top_level) on_top_level_key(text_.substr(start, at_ - 1 - start));
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

    // RFC 8259's number grammar, and Boost.JSON 1.81's one refusal of a
    // well-formed number: `error::exponent_overflow`, when the exponent
    // written, or that exponent plus the decimal shift of the digits Boost
    // keeps ("bias"), leaves the range of int (basic_parser::parse_number).
    constexpr bool number() noexcept {
        bool const negative = text_[at_] == '-';
        if (negative) ++at_;
        if (at_end()) return false;
        // Boost takes a faster path when 33 bytes (16 digits, a point, 16
        // digits) remain from the first digit, and it keeps fraction digits
        // differently there, which moves the overflow limit by a digit.
        bool const fast_path = text_.size() - at_ >= 33;
        auto const integer_begin = at_;
        if (text_[at_] == '0') ++at_;
        else if (!digits()) return false;
        auto const integer = text_.substr(integer_begin, at_ - integer_begin);
        std::string_view fraction;
        if (!at_end() && text_[at_] == '.') {
            auto const fraction_begin = ++at_;
            if (!digits()) return false;
            fraction = text_.substr(fraction_begin, at_ - fraction_begin);
        }
        if (at_end() || (text_[at_] != 'e' && text_[at_] != 'E')) return true;
        ++at_;
        bool const negative_exponent = !at_end() && text_[at_] == '-';
        if (!at_end() && (text_[at_] == '+' || text_[at_] == '-')) ++at_;
        auto const exponent_begin = at_;
        if (!digits()) return false;
        auto const exponent_digits = text_.substr(exponent_begin, at_ - exponent_begin);

        constexpr long long int_max = 2147483647;
        long long exponent = 0;
        for (char const c : exponent_digits) {
            exponent = exponent * 10 + (c - '0');
            if (exponent > int_max) return false;
        }
        auto const bias = boost_json_bias(negative, integer, fraction, fast_path);
        return negative_exponent ? bias - exponent >= -int_max - 1 : bias + exponent <= int_max;
    }

    // Boost.JSON's `num.bias` for these digits: + the integer digits it drops
    // once the mantissa would leave uint64 (int64 for a negative number), in
    // which case it ignores the fraction, else - the fraction digits it keeps.
    static constexpr long long boost_json_bias(bool negative, std::string_view integer, std::string_view fraction,
                                               bool fast_path) noexcept {
        std::uint64_t const limit = negative ? 9223372036854775808ull : 18446744073709551615ull;
        std::uint64_t mantissa = 0;
        for (std::size_t i = 0; i < integer.size(); ++i) {
            auto const digit = static_cast<std::uint64_t>(integer[i] - '0');
            if (mantissa > (limit - digit) / 10) return static_cast<long long>(integer.size() - i);
            mantissa = mantissa * 10 + digit;
        }
        long long bias = 0;
        std::size_t kept = 0;
        // The fast path reads up to 16 fraction digits at once and keeps them
        // all when the number has fewer than 19 digits in all; a lone "0"
        // counts as no digit there, and 16 integer digits leave the fast path.
        std::size_t const integer_count = integer == "0" ? 0 : integer.size();
        std::size_t const first_fraction_digits = fraction.size() < 16 ? fraction.size() : 16;
        if (fast_path && integer_count < 16 && integer_count + first_fraction_digits < 19) {
            for (; kept < first_fraction_digits; ++kept)
                mantissa = mantissa * 10 + static_cast<std::uint64_t>(fraction[kept] - '0');
            bias -= static_cast<long long>(kept);
        }
        // Otherwise a fraction digit is kept only while the mantissa is at
        // most 2^53 - 1, and the first one refused ends the keeping.
        for (; kept < fraction.size() && mantissa <= 9007199254740991ull; ++kept) {
            mantissa = mantissa * 10 + static_cast<std::uint64_t>(fraction[kept] - '0');
            --bias;
        }
        return bias;
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

    // One well-formed UTF-8 sequence of two to four bytes.
    constexpr bool utf8_sequence() noexcept {
        auto const length = utf8_sequence_length(text_, at_);
        at_ += length;
        return length != 0;
    }

    std::string_view text_;
    std::size_t at_ = 0;
};

} // namespace detail

/// True when `text` is one JSON value (RFC 8259), at most `json_max_depth`
/// levels deep.
[[nodiscard]] constexpr bool is_json(std::string_view text) noexcept {
    return detail::json_syntax_checker(text).valid([](std::string_view) {});
}

/// True when `text` is one JSON object; `on_key(key)` is called with each of
/// its keys as written between the quotes (escapes kept), valid or not.
template <class OnKey>
[[nodiscard]] constexpr bool is_json_object(std::string_view text, OnKey on_key) noexcept {
    auto const first = text.find_first_not_of(" \t\n\r");
    if (first == std::string_view::npos || text[first] != '{') return false;
    return detail::json_syntax_checker(text).valid(on_key);
}

} // namespace cfdo

#endif

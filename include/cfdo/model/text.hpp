// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_TEXT_HPP_INCLUDED
#define CFDO_MODEL_TEXT_HPP_INCLUDED

#include <compare>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace cfdo {

/// An owning string that works inside constant expressions on every
/// supported toolchain.
///
/// `std::string` cannot be used in a constant expression by Clang 16 with
/// libstdc++ 12 (its small-string union trips Clang's evaluator), while
/// `std::vector<char>` can on GCC 12 and Clang 16 alike. `text` is therefore a
/// thin `std::vector<char>` wrapper that converts to and from
/// `std::string_view` and `std::string`, so that one configuration type serves
/// literals checked at compile time and values read at run time.
///
/// The bytes are stored as given; no terminating NUL is kept and embedded NULs
/// are allowed (module contents may be binary).
class text {
public:
    using value_type = char;
    using const_iterator = std::vector<char>::const_iterator;

    constexpr text() noexcept = default;

    constexpr text(std::string_view chars) : chars_(chars.begin(), chars.end()) {}

    constexpr text(char const* chars) : text(std::string_view(chars)) {}

    constexpr text(std::string const& chars) : text(std::string_view(chars)) {}

    text(std::nullptr_t) = delete;

    [[nodiscard]] constexpr std::string_view view() const noexcept {
        return {chars_.data(), chars_.size()};
    }

    constexpr operator std::string_view() const noexcept { return view(); }

    [[nodiscard]] std::string str() const { return std::string(view()); }

    [[nodiscard]] constexpr char const* data() const noexcept { return chars_.data(); }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return chars_.size(); }
    [[nodiscard]] constexpr bool empty() const noexcept { return chars_.empty(); }
    [[nodiscard]] constexpr const_iterator begin() const noexcept { return chars_.begin(); }
    [[nodiscard]] constexpr const_iterator end() const noexcept { return chars_.end(); }

    constexpr text& operator+=(std::string_view more) {
        chars_.insert(chars_.end(), more.begin(), more.end());
        return *this;
    }

    friend constexpr bool operator==(text const& a, text const& b) noexcept {
        return a.view() == b.view();
    }

    friend constexpr std::strong_ordering operator<=>(text const& a, text const& b) noexcept {
        return a.view() <=> b.view();
    }

    // Comparisons with anything that reads as a string_view ("literal",
    // std::string, std::string_view). A template, so that comparing two texts
    // prefers the exact overload above instead of being ambiguous with it.
    template <class String>
        requires(std::is_convertible_v<String const&, std::string_view> &&
                 !std::is_base_of_v<text, String>)
    friend constexpr bool operator==(text const& a, String const& b) noexcept {
        return a.view() == std::string_view(b);
    }

    template <class String>
        requires(std::is_convertible_v<String const&, std::string_view> &&
                 !std::is_base_of_v<text, String>)
    friend constexpr std::strong_ordering operator<=>(text const& a, String const& b) noexcept {
        return a.view() <=> std::string_view(b);
    }

private:
    std::vector<char> chars_;
};

/// Appends the decimal digits of `number` (for JSON pointers built in
/// constant expressions, where `std::to_string` is not available).
constexpr void append_decimal(text& out, std::size_t number) {
    char digits[20] {};
    std::size_t count = 0;
    do {
        digits[count++] = static_cast<char>('0' + number % 10);
        number /= 10;
    } while (number != 0);
    while (count > 0) {
        char const digit[1] = {digits[--count]};
        out += std::string_view(digit, 1);
    }
}

} // namespace cfdo

#endif

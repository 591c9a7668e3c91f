// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_DATE_HPP_INCLUDED
#define CFDO_MODEL_DATE_HPP_INCLUDED

#include <cfdo/model/spelling.hpp>
#include <cfdo/support/printable.hpp>

#include <array>
#include <compare>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace cfdo {

namespace detail {

// Run time only: while compiling, a malformed date is kept (see `date`).
[[noreturn]] inline void date_must_be_written_YYYY_MM_DD(std::string_view written) {
    throw std::invalid_argument("cfdo::date: \"" + printable(written) + "\" is not a date written YYYY-MM-DD");
}

// Deliberately not constexpr, as above. A null `char const*` (getenv's
// answer for a variable that is not set) cannot be read at all.
[[noreturn]] inline void date_cannot_be_read_from_a_null_pointer() {
    throw std::invalid_argument("cfdo::date: the char const* is null, not a date written YYYY-MM-DD "
                                "(an unset environment variable?)");
}

constexpr std::string_view date_chars_of(char const* written) {
    if (written == nullptr) date_cannot_be_read_from_a_null_pointer();
    return written;
}

} // namespace detail

/// A calendar date written `YYYY-MM-DD`, as Cloudflare's `compatibility_date`.
///
/// Constructing from text checks the *form* (four digits, dash, two digits,
/// dash, two digits). A malformed run-time string (or a null `char const*`)
/// throws `std::invalid_argument`; `date::parse` is the non-throwing spelling.
/// Whether the digits name a real day (no February 30) is a validation rule,
/// `compatibility-date-invalid`, so that a configuration read at run time
/// reports it with the other diagnostics instead of failing early.
///
/// While compiling, a malformed text is kept instead (`malformed_text()`), in
/// a date that is no calendar date, and the same rule reports it: a throw
/// there would stop compilation deep inside `std::optional`'s constructors,
/// where neither compiler can print the text, whereas `cfdo::valid` prints
/// `{"compatibility-date-invalid", "2024-3-1", "/compatibility_date", ""}`.
class date {
public:
    constexpr date(int year, int month, int day) noexcept : year_(year), month_(month), day_(day) {}

    constexpr date(std::string_view written) : date(0, 0, 0) {
        if (auto const parsed = parse(written)) *this = *parsed;
        else if (std::is_constant_evaluated()) malformed_ = written;
        else detail::date_must_be_written_YYYY_MM_DD(written);
    }

    constexpr date(char const* written) : date(detail::date_chars_of(written)) {}

    date(std::string const& written) : date(std::string_view(written)) {}

    /// The date written in `text`, or nothing when `text` is not `YYYY-MM-DD`.
    [[nodiscard]] static constexpr std::optional<date> parse(std::string_view text) noexcept {
        if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
        auto number = [&](std::size_t from, std::size_t length) -> std::optional<int> {
            int value = 0;
            for (auto i = from; i < from + length; ++i) {
                if (text[i] < '0' || text[i] > '9') return std::nullopt;
                value = value * 10 + (text[i] - '0');
            }
            return value;
        };
        auto const year = number(0, 4);
        auto const month = number(5, 2);
        auto const day = number(8, 2);
        if (!year || !month || !day) return std::nullopt;
        return date(*year, *month, *day);
    }

    /// The text of a date built while compiling from text not written
    /// `YYYY-MM-DD` (its year, month and day are then 0); otherwise empty.
    [[nodiscard]] constexpr std::string_view malformed_text() const noexcept { return malformed_; }

    [[nodiscard]] constexpr int year() const noexcept { return year_; }
    [[nodiscard]] constexpr int month() const noexcept { return month_; }
    [[nodiscard]] constexpr int day() const noexcept { return day_; }

    /// True when the date exists in the proleptic Gregorian calendar.
    [[nodiscard]] constexpr bool is_calendar_date() const noexcept {
        if (year_ < 1 || year_ > 9999 || month_ < 1 || month_ > 12 || day_ < 1) return false;
        constexpr std::array<int, 12> days_in_month{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        bool const leap = (year_ % 4 == 0 && year_ % 100 != 0) || year_ % 400 == 0;
        int const last = days_in_month[static_cast<std::size_t>(month_ - 1)] + (month_ == 2 && leap ? 1 : 0);
        return day_ <= last;
    }

    /// The `YYYY-MM-DD` spelling (each field zero-padded, clamped to its width).
    [[nodiscard]] constexpr std::array<char, 10> chars() const noexcept {
        std::array<char, 10> out{};
        auto put = [&](std::size_t at, std::size_t width, int value) {
            for (auto i = width; i-- > 0;) {
                out[at + i] = static_cast<char>('0' + value % 10);
                value /= 10;
            }
        };
        put(0, 4, year_ < 0 ? 0 : year_);
        out[4] = '-';
        put(5, 2, month_ < 0 ? 0 : month_);
        out[7] = '-';
        put(8, 2, day_ < 0 ? 0 : day_);
        return out;
    }

    [[nodiscard]] std::string str() const {
        auto const spelled = chars();
        return std::string(spelled.data(), spelled.size());
    }

    friend constexpr bool operator==(date const&, date const&) noexcept = default;
    friend constexpr std::strong_ordering operator<=>(date const&, date const&) noexcept = default;

private:
    int year_;
    int month_;
    int day_;
    // Points into the text it was built from, a literal in practice.
    std::string_view malformed_{};
};

/// A date is written as its `YYYY-MM-DD` text in JSON.
template <>
struct spelling<date> {
    static constexpr std::string_view expected = "a date written YYYY-MM-DD";
    static constexpr bool json_safe = true;

    static constexpr std::size_t size(date const&) noexcept { return 10; }

    static constexpr char* write(date const& day, char* out) noexcept {
        for (char const c : day.chars()) *out++ = c;
        return out;
    }

    static constexpr std::optional<date> read(std::string_view written) noexcept { return date::parse(written); }
};

} // namespace cfdo

#endif

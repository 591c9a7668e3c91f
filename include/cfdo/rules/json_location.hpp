// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_JSON_LOCATION_HPP_INCLUDED
#define CFDO_RULES_JSON_LOCATION_HPP_INCLUDED

#include <cfdo/json/pointer.hpp>
#include <cfdo/model/text.hpp>

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string_view>

namespace cfdo::detail {

/// A JSON pointer kept as its pieces, spelled out only when a diagnostic
/// needs it. In a constant expression every character appended to a `text`
/// costs evaluation steps (Clang allows about a million), and almost no
/// location is ever reported: the validator passes these by value instead.
class json_location {
public:
    constexpr json_location() noexcept = default;

    /// `base` is a pointer prefix already spelled out ("", "/metadata").
    constexpr explicit json_location(std::string_view base) noexcept : base_(base) {}

    [[nodiscard]] constexpr json_location operator/(std::string_view key) const {
        auto next = *this;
        next.push({key, 0, false});
        return next;
    }

    [[nodiscard]] constexpr json_location operator/(std::size_t index) const {
        auto next = *this;
        next.push({{}, index, true});
        return next;
    }

    /// The pointer, e.g. "/migrations/steps/3/renamed_classes/0/to", with
    /// '~' and '/' inside keys escaped as RFC 6901 says ("workers/message" is
    /// "workers~1message").
    [[nodiscard]] constexpr text str() const {
        text pointer(base_);
        for (std::size_t i = 0; i < count_; ++i) {
            pointer += "/";
            if (segments_[i].is_index) {
                append_pointer_index(pointer, segments_[i].index);
                continue;
            }
            append_escaped_pointer_token(pointer, segments_[i].key);
        }
        return pointer;
    }

private:
    struct segment {
        std::string_view key;
        std::size_t index;
        bool is_index;
    };

    // The deepest location cfdo reports, /metadata/migrations/steps/i/
    // renamed_classes/j/from, has six segments below its base.
    static constexpr std::size_t max_segments = 8;

    constexpr void push(segment s) {
        if (count_ == max_segments) json_location_deeper_than_cfdo_reports();
        segments_[count_++] = s;
    }

    // Deliberately not constexpr: a location deeper than any cfdo reports is
    // a bug of cfdo's, which must not give a wrong pointer silently.
    [[noreturn]] static void json_location_deeper_than_cfdo_reports() {
        throw std::logic_error("cfdo: a JSON pointer deeper than json_location holds");
    }

    std::string_view base_{};
    std::array<segment, max_segments> segments_{};
    std::size_t count_ = 0;
};

} // namespace cfdo::detail

#endif

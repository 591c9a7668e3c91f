// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_TEXT_ENCODING_RULES_HPP_INCLUDED
#define CFDO_RULES_TEXT_ENCODING_RULES_HPP_INCLUDED

#include <cfdo/model/category.hpp>
#include <cfdo/model/members.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/json_location.hpp>
#include <cfdo/support/utf8.hpp>

#include <cstddef>
#include <string_view>
#include <vector>

// Every text of a payload becomes a JSON string, and JSON text is UTF-8:
// a name read from a file in another encoding would otherwise go out as
// invalid JSON. This walks any model value by its categories and reports
// each text that is not well-formed UTF-8, at its JSON pointer. Spelled
// values are exempt (module bytes travel as base64, whose text the module
// rules check), and so is JSON source (`json-binding-not-json` checks its
// encoding).

namespace cfdo::detail {

/// Where a text walk is: a chain of frames on the walk's own call stack, each
/// one segment below its parent. Going down costs a few steps (nothing is
/// copied, nothing allocated), and a location is spelled out only for a text
/// that gets reported: every valid configuration pays for the walk, at
/// compile time too.
class text_path {
public:
    /// Where the walk starts.
    constexpr text_path() noexcept = default;

    [[nodiscard]] constexpr text_path operator/(std::string_view key) const noexcept {
        return text_path(this, key, 0, false);
    }

    [[nodiscard]] constexpr text_path operator/(std::size_t index) const noexcept {
        return text_path(this, {}, index, true);
    }

    /// This place as a location below `start`, where the walk started.
    [[nodiscard]] constexpr json_location under(json_location const& start) const {
        if (parent_ == nullptr) return start;
        auto const above = parent_->under(start);
        return is_index_ ? above / index_ : above / key_;
    }

private:
    constexpr text_path(text_path const* parent, std::string_view key, std::size_t index, bool is_index) noexcept
        : parent_(parent), key_(key), index_(index), is_index_(is_index) {}

    text_path const* parent_ = nullptr;
    std::string_view key_;
    std::size_t index_ = 0;
    bool is_index_ = false;
};

/// Calls `on_text(text, path, key)` for every text inside `value`, `path`
/// being `where` extended to it and `key` the member that holds it. One
/// instantiation per model type and callback type: the walks of every rule
/// share them (the callback a named type, not a lambda of a template).
template <class T, class OnText>
constexpr void for_each_text(T const& value, text_path const& where, std::string_view key, OnText& on_text) {
    constexpr auto category = category_of<T>;
    if constexpr (category == model_category::string) {
        on_text(std::string_view(value), where, key);
    } else if constexpr (category == model_category::required) {
        for_each_text(value.value(), where, key, on_text);
    } else if constexpr (category == model_category::alternatives) {
        value.visit([&](auto const& held) { for_each_text(held, where, key, on_text); });
    } else if constexpr (category == model_category::optional) {
        if (value) for_each_text(*value, where, key, on_text);
    } else if constexpr (category == model_category::sequence) {
        for (std::size_t i = 0; i < value.size(); ++i) for_each_text(value[i], where / i, key, on_text);
    } else if constexpr (category == model_category::keyed_object) {
        for (auto const& member : value) {
            auto const at = where / std::string_view(member.key);
            on_text(std::string_view(member.key), at, key);
            for_each_text(member.value, at, key, on_text);
        }
    } else if constexpr (category == model_category::described) {
        for_each_member(value, [&](auto member, auto const& field) {
            if constexpr (member.is_inlined) for_each_text(field, where, key, on_text);
            else for_each_text(field, where / member.key, member.key, on_text);
        });
    }
    // Anything else (spelled values, JSON source, numbers, booleans) is not text.
}

/// Reports a text that is not UTF-8 at its pointer below `start`.
struct report_text_not_utf8 {
    json_location const& start;
    std::vector<diagnostic>& out;

    constexpr void operator()(std::string_view text, text_path const& at, std::string_view key) const {
        if (!is_utf8(text)) out.push_back(make_diagnostic("text-not-utf8", key, at.under(start).str()));
    }
};

/// Reports each text inside `value` that is not UTF-8, at its pointer.
template <class T>
constexpr void check_text_encoding(T const& value, json_location const& where, std::string_view key,
                                   std::vector<diagnostic>& out) {
    report_text_not_utf8 report{where, out};
    for_each_text(value, text_path(), key, report);
}

} // namespace cfdo::detail

#endif

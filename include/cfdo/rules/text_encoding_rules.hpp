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

/// A location that is never spelled out: the walk below, given one, costs
/// nothing for the places it passes.
struct no_location {
    template <class Segment>
    constexpr no_location operator/(Segment const&) const noexcept {
        return {};
    }
};

/// Calls `on_text(text, location, key)` for every text inside `value`,
/// `location` being `where` extended to it (so built only if asked for).
template <class T, class Location, class OnText>
constexpr void for_each_text(T const& value, Location const& where, std::string_view key, OnText&& on_text) {
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
            on_text(std::string_view(member.key), where / std::string_view(member.key), key);
            for_each_text(member.value, where / std::string_view(member.key), key, on_text);
        }
    } else if constexpr (category == model_category::described) {
        for_each_member(value, [&](auto member, auto const& field) {
            if constexpr (member.is_inlined) for_each_text(field, where, key, on_text);
            else for_each_text(field, where / member.key, member.key, on_text);
        });
    }
    // Anything else (spelled values, JSON source, numbers, booleans) is not text.
}

/// True when every text inside `value` is UTF-8. Nothing is located: this
/// is the pass every valid configuration pays for, at compile time too.
template <class T>
constexpr bool all_text_is_utf8(T const& value) {
    bool all = true;
    for_each_text(value, no_location(), {},
                  [&](std::string_view t, no_location, std::string_view) { all = all && is_utf8(t); });
    return all;
}

/// Reports each text inside `value` that is not UTF-8, at its pointer.
template <class T>
constexpr void check_text_encoding(T const& value, json_location const& where, std::string_view key,
                                   std::vector<diagnostic>& out) {
    if (all_text_is_utf8(value)) return;
    for_each_text(value, where, key, [&](std::string_view t, json_location const& at, std::string_view at_key) {
        if (!is_utf8(t)) out.push_back(make_diagnostic("text-not-utf8", at_key, at.str()));
    });
}

} // namespace cfdo::detail

#endif

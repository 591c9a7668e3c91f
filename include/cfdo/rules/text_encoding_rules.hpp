// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_TEXT_ENCODING_RULES_HPP_INCLUDED
#define CFDO_RULES_TEXT_ENCODING_RULES_HPP_INCLUDED

#include <cfdo/json/concepts.hpp>
#include <cfdo/model/bindings.hpp>
#include <cfdo/model/json_names.hpp>
#include <cfdo/model/modules.hpp>
#include <cfdo/model/one_of.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/json_location.hpp>
#include <cfdo/support/utf8.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

// Every text of a payload becomes a JSON string, and JSON text is UTF-8:
// a name read from a file in another encoding would otherwise go out as
// invalid JSON. This walks any model value member by member (Describe) and
// reports each text that is not well-formed UTF-8, at its JSON pointer.
// Module bytes are exempt (they travel as base64), and so is JSON source
// (`json-binding-not-json` checks its encoding).

namespace cfdo::detail {

/// Calls `on_text(text, location, key)` for every text inside `value`,
/// `location` being `where` extended to it (so built only if asked for).
template <class T, class OnText>
constexpr void for_each_text(T const& value, json_location const& where, std::string_view key, OnText&& on_text) {
    if constexpr (std::is_same_v<T, json_text> || std::is_same_v<T, module_bytes>) {
        return;
    } else if constexpr (std::is_base_of_v<text, T>) {
        on_text(static_cast<text const&>(value), where, key);
    } else if constexpr (is_required_v<T>) {
        for_each_text(value.value(), where, key, on_text);
    } else if constexpr (requires { typename T::alternatives; }) {
        value.visit([&](auto const& held) { for_each_text(held, where, key, on_text); });
    } else if constexpr (requires { value.has_value(); *value; }) {
        if (value) for_each_text(*value, where, key, on_text);
    } else if constexpr (requires { value.size(); value[0]; typename T::value_type; }) {
        for (std::size_t i = 0; i < value.size(); ++i) for_each_text(value[i], where / i, key, on_text);
    } else if constexpr (described_model<T>) {
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
            [&](auto member) {
                auto const member_key = json_key<T>(member.name);
                for_each_text(value.*member.pointer, where / member_key, member_key, on_text);
            });
    }
    // Anything else (dates, numbers, booleans) is not text.
}

/// True when every text inside `value` is UTF-8. Nothing is located: this
/// is the pass every valid configuration pays for, at compile time too.
template <class T>
constexpr bool all_text_is_utf8(T const& value) {
    if constexpr (std::is_same_v<T, json_text> || std::is_same_v<T, module_bytes>) {
        return true;
    } else if constexpr (std::is_base_of_v<text, T>) {
        return is_utf8(value);
    } else if constexpr (is_required_v<T>) {
        return all_text_is_utf8(value.value());
    } else if constexpr (requires { typename T::alternatives; }) {
        return value.visit([](auto const& held) { return all_text_is_utf8(held); });
    } else if constexpr (requires { value.has_value(); *value; }) {
        return !value || all_text_is_utf8(*value);
    } else if constexpr (requires { value.size(); value[0]; typename T::value_type; }) {
        for (auto const& item : value)
            if (!all_text_is_utf8(item)) return false;
        return true;
    } else if constexpr (described_model<T>) {
        bool all = true;
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
            [&](auto member) { all = all && all_text_is_utf8(value.*member.pointer); });
        return all;
    } else {
        return true;
    }
}

/// Reports each text inside `value` that is not UTF-8, at its pointer.
template <class T>
constexpr void check_text_encoding(T const& value, json_location const& where, std::string_view key,
                                   std::vector<diagnostic>& out) {
    if (all_text_is_utf8(value)) return;
    for_each_text(value, where, key, [&](text const& t, json_location const& at, std::string_view at_key) {
        if (!is_utf8(t)) out.push_back(make_diagnostic("text-not-utf8", at_key, at.str()));
    });
}

} // namespace cfdo::detail

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_JSON_TO_JSON_STRING_HPP_INCLUDED
#define CFDO_JSON_TO_JSON_STRING_HPP_INCLUDED

#include <cfdo/json/to_json.hpp>
#include <cfdo/model/category.hpp>
#include <cfdo/model/members.hpp>
#include <cfdo/model/spelling.hpp>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <charconv>
#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

// The JSON text of a model value, written directly, without building a
// Boost.JSON DOM first: byte for byte what `boost::json::serialize(to_json(x))`
// writes (tests/unit/to_json_string_test.cpp compares them), in about a third
// of the time (bench/, "counter-payload"). Payloads are written once and sent;
// the DOM was only a detour.

namespace cfdo {

namespace detail {

/// A JSON string, escaped as Boost.JSON's serializer escapes: `"`, `\` and
/// the control characters, the latter as \b \t \n \f \r or \u00xx
/// (lowercase); everything else, UTF-8 included, is copied.
constexpr bool needs_escaping(char c) noexcept { return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\'; }

inline void write_json_string(std::string& out, std::string_view chars) {
    constexpr std::string_view hex = "0123456789abcdef";
    out.push_back('"');
    std::size_t run = 0; // start of the characters not copied yet
    for (std::size_t i = 0; i < chars.size(); ++i) {
        auto const c = static_cast<unsigned char>(chars[i]);
        if (!needs_escaping(chars[i])) continue;
        out.append(chars.substr(run, i - run));
        run = i + 1;
        out.push_back('\\');
        switch (c) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '\b': out.push_back('b'); break;
        case '\t': out.push_back('t'); break;
        case '\n': out.push_back('n'); break;
        case '\f': out.push_back('f'); break;
        case '\r': out.push_back('r'); break;
        default:
            out.append("u00");
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    out.append(chars.substr(run));
    out.push_back('"');
}

template <class T>
void write_json(std::string& out, T const& value);

// The members of `value`, each after a comma unless `first`; `Scope` as for
// to_json's write_object.
template <class T, class Scope>
void write_members(std::string& out, T const& value, bool& first) {
    for_each_present_member(value, [&](auto member, auto const& field) {
        if constexpr (member.is_extra) {
            for (auto const& extra : unmodelled_fields<Scope>(field, {})) {
                if (!std::exchange(first, false)) out.push_back(',');
                write_json_string(out, extra.key());
                out.push_back(':');
                out.append(boost::json::serialize(extra.value()));
            }
        } else if constexpr (member.is_inlined) {
            write_members<typename decltype(member)::type, Scope>(out, field, first);
        } else {
            if (!std::exchange(first, false)) out.push_back(',');
            write_json_string(out, member.key);
            out.push_back(':');
            write_json(out, field);
        }
    });
}

template <class T>
void write_json(std::string& out, T const& value) {
    constexpr auto category = category_of<T>;
    if constexpr (category == model_category::string) {
        write_json_string(out, std::string_view(value));
    } else if constexpr (category == model_category::spelled) {
        // Written straight into the output (a module's base64 is the bulk of
        // a payload), then escaped only if it has to be: base64 given as
        // text may hold anything until the rules have looked at it.
        auto const start = out.size() + 1;
        auto const size = spelling<T>::size(value);
        out.resize(start + size + 1, '"');
        out[start - 1] = '"';
        spelling<T>::write(value, out.data() + start);
        if constexpr (!spelling_is_json_safe<T>) {
            std::string_view const spelled(out.data() + start, size);
            if (std::any_of(spelled.begin(), spelled.end(), [](char c) { return needs_escaping(c); })) {
                std::string const raw(spelled);
                out.resize(start - 1);
                write_json_string(out, raw);
            }
        }
    } else if constexpr (category == model_category::boolean) {
        out.append(value ? "true" : "false");
    } else if constexpr (category == model_category::integer) {
        char digits[24];
        auto const end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        out.append(digits, end);
    } else if constexpr (category == model_category::required) {
        write_json(out, value.value());
    } else if constexpr (category == model_category::optional) {
        if (value) write_json(out, *value);
        else out.append("null");
    } else if constexpr (category == model_category::sequence) {
        out.push_back('[');
        bool first = true;
        for (auto const& item : value) {
            if (!std::exchange(first, false)) out.push_back(',');
            write_json(out, item);
        }
        out.push_back(']');
    } else if constexpr (category == model_category::keyed_object) {
        // As to_json's object, which has one member per key: a key written
        // twice keeps its first place and its last value. (Found with a
        // hash table: a map of many entries must not cost their square.)
        std::unordered_map<std::string_view, std::size_t> last_of;
        last_of.reserve(value.size());
        for (std::size_t i = 0; i < value.size(); ++i) last_of[std::string_view(value[i].key)] = i;
        out.push_back('{');
        bool first = true;
        for (std::size_t i = 0; i < value.size(); ++i) {
            auto const last = last_of.find(std::string_view(value[i].key));
            if (last == last_of.end()) continue; // written already, at its first place
            if (!std::exchange(first, false)) out.push_back(',');
            write_json_string(out, std::string_view(value[i].key));
            out.push_back(':');
            write_json(out, value[last->second].value);
            last_of.erase(last);
        }
        out.push_back('}');
    } else if constexpr (category == model_category::alternatives) {
        value.visit([&](auto const& held) { write_json(out, held); });
    } else if constexpr (category == model_category::described) {
        // As to_json: `type` first for binding kinds, then the members under
        // their JSON keys, absent ones left out.
        out.push_back('{');
        bool first = true;
        if constexpr (has_type_constant<T>) {
            write_json_string(out, "type");
            out.push_back(':');
            write_json_string(out, T::type);
            first = false;
        }
        if constexpr (has_state_constant<T>) {
            out.append(",\"state\":");
            write_json_string(out, T::state);
        }
        write_members<T, T>(out, value, first);
        out.push_back('}');
    } else {
        // What is re-spelled by Boost.JSON (a binding's `json_text`, parsed
        // and re-serialized; floating-point numbers; an operation's SDK
        // params, written rarely): through the DOM, to stay byte-identical.
        out.append(boost::json::serialize(to_json(value)));
    }
}

} // namespace detail

/// The JSON text of any model type: exactly
/// `boost::json::serialize(cfdo::to_json(value))`, written without the DOM.
/// Throws what `to_json` throws (`invalid_json_text` for a `json_text` that
/// is not JSON).
template <class T>
[[nodiscard]] std::string to_json_string(T const& value) {
    std::string out;
    // A payload is rarely smaller: growing from empty would copy it ~8 times.
    out.reserve(1024);
    detail::write_json(out, value);
    return out;
}

} // namespace cfdo

#endif

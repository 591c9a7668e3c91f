// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_JSON_TO_JSON_STRING_HPP_INCLUDED
#define CFDO_JSON_TO_JSON_STRING_HPP_INCLUDED

#include <cfdo/json/concepts.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/model/date.hpp>
#include <cfdo/model/json_names.hpp>
#include <cfdo/model/modules.hpp>
#include <cfdo/model/one_of.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/support/base64.hpp>

#include <boost/describe/members.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include <boost/mp11/algorithm.hpp>

#include <charconv>
#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

// The JSON text of a model value, written directly, without building a
// Boost.JSON DOM first: byte for byte what `boost::json::serialize(to_json(x))`
// writes (tests/unit/to_json_string_test.cpp compares them), in about a third
// of the time (bench/, "counter-payload"). Payloads are written once and sent;
// the DOM was only a detour.

namespace cfdo {

namespace detail {

template <class T>
inline constexpr bool is_one_of_v = false;
template <class... Alternatives>
inline constexpr bool is_one_of_v<one_of<Alternatives...>> = true;

template <class T>
inline constexpr bool is_optional_v = false;
template <class T>
inline constexpr bool is_optional_v<std::optional<T>> = true;

template <class T>
inline constexpr bool is_vector_v = false;
template <class T>
inline constexpr bool is_vector_v<std::vector<T>> = true;

/// A JSON string, escaped as Boost.JSON's serializer escapes: `"`, `\` and
/// the control characters, the latter as \b \t \n \f \r or \u00xx
/// (lowercase); everything else, UTF-8 included, is copied.
inline void write_json_string(std::string& out, std::string_view chars) {
    constexpr std::string_view hex = "0123456789abcdef";
    out.push_back('"');
    std::size_t run = 0; // start of the characters not copied yet
    for (std::size_t i = 0; i < chars.size(); ++i) {
        auto const c = static_cast<unsigned char>(chars[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
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
void write_json(std::string& out, T const& value) {
    if constexpr (is_required_v<T>) {
        write_json(out, value.value());
    } else if constexpr (std::is_same_v<T, text>) {
        write_json_string(out, value.view());
    } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view>) {
        write_json_string(out, std::string_view(value));
    } else if constexpr (std::is_same_v<T, date>) {
        auto const spelled = value.chars();
        write_json_string(out, std::string_view(spelled.data(), spelled.size()));
    } else if constexpr (std::is_same_v<T, module_bytes>) {
        // Base64 needs no escaping: encoded straight into the output.
        auto const start = out.size() + 1;
        out.resize(start + base64_encoded_size(value.bytes.size()) + 1, '"');
        out[start - 1] = '"';
        base64_encode(value.bytes.view(), out.data() + start);
    } else if constexpr (std::is_same_v<T, module_base64>) {
        write_json_string(out, value.base64.view());
    } else if constexpr (std::is_same_v<T, bool>) {
        out.append(value ? "true" : "false");
    } else if constexpr (std::integral<T>) {
        char digits[24];
        auto const end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        out.append(digits, end);
    } else if constexpr (is_one_of_v<T>) {
        value.visit([&](auto const& held) { write_json(out, held); });
    } else if constexpr (is_optional_v<T>) {
        if (value) write_json(out, *value);
        else out.append("null");
    } else if constexpr (is_vector_v<T>) {
        out.push_back('[');
        bool first = true;
        for (auto const& item : value) {
            if (!std::exchange(first, false)) out.push_back(',');
            write_json(out, item);
        }
        out.push_back(']');
    } else if constexpr (described_model<T> && !has_own_json_conversion<T>) {
        // As the `tag_invoke` of to_json.hpp: `type` first for binding
        // kinds, then the members under their JSON keys, absent ones left out.
        out.push_back('{');
        bool first = true;
        if constexpr (has_type_constant<T>) {
            write_json_string(out, "type");
            out.push_back(':');
            write_json_string(out, T::type);
            first = false;
        }
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto member) {
            auto const& field = value.*member.pointer;
            if (is_absent(field)) return;
            if (!std::exchange(first, false)) out.push_back(',');
            write_json_string(out, json_key<T>(member.name));
            out.push_back(':');
            write_json(out, field);
        });
        out.push_back('}');
    } else {
        // What has a conversion of its own (a binding's `json_text`, which is
        // parsed and re-serialized; floating-point numbers, which Boost.JSON
        // spells its way): through the DOM, to stay byte-identical.
        out.append(boost::json::serialize(boost::json::value_from(value)));
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

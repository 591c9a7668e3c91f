// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_JSON_TO_JSON_HPP_INCLUDED
#define CFDO_JSON_TO_JSON_HPP_INCLUDED

#include <cfdo/json/concepts.hpp>
#include <cfdo/json/finite_numbers.hpp>
#include <cfdo/model/bindings.hpp>
#include <cfdo/model/date.hpp>
#include <cfdo/model/json_names.hpp>
#include <cfdo/model/modules.hpp>
#include <cfdo/model/one_of.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/support/base64.hpp>
#include <cfdo/support/json_syntax.hpp>

#include <boost/describe/members.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

// Conversions of the model to Boost.JSON values, found by `value_from`
// through argument-dependent lookup. They write what Cloudflare's SDK sends:
// absent optionals and empty arrays are left out (the SDK omits `undefined`),
// never written as `null` or `[]`.

namespace cfdo {

namespace detail {

template <class T>
constexpr bool is_absent(T const&) noexcept {
    return false;
}

template <class T>
constexpr bool is_absent(std::optional<T> const& member) noexcept {
    return !member.has_value();
}

template <class T>
constexpr bool is_absent(std::vector<T> const& member) noexcept {
    return member.empty();
}

template <class T>
void put_member(boost::json::value& out, T const& member) {
    boost::json::value_from(member, out);
}

template <class T>
void put_member(boost::json::value& out, std::optional<T> const& member) {
    boost::json::value_from(*member, out);
}

} // namespace detail

/// Thrown when a `json_text` is not JSON. `make_request` never lets it
/// escape: the rule `json-binding-not-json` refuses such a binding first.
class invalid_json_text : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

inline void tag_invoke(boost::json::value_from_tag, boost::json::value& out, text const& t) {
    out = boost::json::string(t.view(), out.storage());
}

template <field_name Field, class T>
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, required<Field, T> const& member) {
    boost::json::value_from(member.value(), out);
}

inline void tag_invoke(boost::json::value_from_tag, boost::json::value& out, date const& d) {
    auto const spelled = d.chars();
    out = boost::json::string(std::string_view(spelled.data(), spelled.size()), out.storage());
}

inline void tag_invoke(boost::json::value_from_tag, boost::json::value& out, json_text const& source) {
    boost::json::parse_options options;
    options.max_depth = json_max_depth;
    std::error_code ec;
    auto parsed = boost::json::parse(source.view(), ec, out.storage(), options);
    if (ec) throw invalid_json_text("cfdo::json_text is not JSON: " + ec.message());
    write_non_finite_numbers_as_null(parsed);
    out = std::move(parsed);
}

inline void tag_invoke(boost::json::value_from_tag, boost::json::value& out, module_bytes const& content) {
    boost::json::string encoded(out.storage());
    encoded.resize(base64_encoded_size(content.bytes.size()));
    base64_encode(content.bytes.view(), encoded.data());
    out = std::move(encoded);
}

inline void tag_invoke(boost::json::value_from_tag, boost::json::value& out, module_base64 const& content) {
    out = boost::json::string(content.base64.view(), out.storage());
}

template <class... Alternatives>
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, one_of<Alternatives...> const& value) {
    value.visit([&](auto const& held) { boost::json::value_from(held, out); });
}

/// Any described model struct: its members under their JSON keys, absent ones
/// left out; binding kinds also get their `type`.
template <described_model T>
    requires(!has_own_json_conversion<T>)
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, T const& value) {
    auto& object = out.emplace_object();
    if constexpr (has_type_constant<T>) object.emplace("type", T::type);
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto member) {
        auto const& field = value.*member.pointer;
        if (detail::is_absent(field)) return;
        detail::put_member(object[json_key<T>(member.name)], field);
    });
}

/// Chosen only when the conversion of its own that `T` declares is not
/// visible: says which header provides it.
template <described_model T>
    requires has_own_json_conversion<T>
void tag_invoke(boost::json::value_from_tag, boost::json::value&, T const&) {
    static_assert(!has_own_json_conversion<T>,
                  "cfdo: the JSON form of an operation is its SDK params; include <cfdo/api/sdk_params.hpp>");
}

/// The JSON value of any model type, exactly as Cloudflare's SDK would send
/// it.
template <class T>
[[nodiscard]] boost::json::value to_json(T const& value, boost::json::storage_ptr storage = {}) {
    return boost::json::value_from(value, std::move(storage));
}

} // namespace cfdo

#endif

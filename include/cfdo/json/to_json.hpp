// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_JSON_TO_JSON_HPP_INCLUDED
#define CFDO_JSON_TO_JSON_HPP_INCLUDED

#include <cfdo/json/finite_numbers.hpp>
#include <cfdo/model/category.hpp>
#include <cfdo/model/members.hpp>
#include <cfdo/model/operation.hpp>
#include <cfdo/model/spelling.hpp>
#include <cfdo/support/json_limits.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

// The model as Boost.JSON values, by the categories of model/category.hpp:
// what Cloudflare's SDK sends. Absent optionals and empty arrays are left out
// (the SDK omits `undefined`), never written as `null` or `[]`; an operation
// is written as the SDK's params.

namespace cfdo {

/// Thrown when a `json_text` is not JSON. `make_request` never lets it
/// escape: the rule `json-binding-not-json` refuses such a binding first.
class invalid_json_text : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

namespace detail {

template <class T>
void write_value(boost::json::value& out, T const& value);

inline void write_embedded_json(boost::json::value& out, std::string_view source) {
    boost::json::parse_options options;
    options.max_depth = json_max_depth;
    std::error_code ec;
    auto parsed = boost::json::parse(source, ec, out.storage(), options);
    if (ec) throw invalid_json_text("cfdo::json_text is not JSON: " + ec.message());
    write_non_finite_numbers_as_null(parsed);
    out = std::move(parsed);
}

// The members of an `extra_fields` that `T` does not model, parsed.
template <class T>
boost::json::object unmodelled_fields(extra_fields const& extra, boost::json::storage_ptr storage) {
    boost::json::value parsed(std::move(storage));
    write_embedded_json(parsed, extra.view());
    auto* fields = parsed.if_object();
    if (!fields) throw invalid_json_text("cfdo::extra_fields is not a JSON object");
    boost::json::object kept(parsed.storage());
    for (auto& field : *fields)
        if (!is_member_key<T>(field.key())) kept.emplace(field.key(), std::move(field.value()));
    return kept;
}

// `value`'s members into `object`. `Scope` is the type whose object it is:
// `T` itself, or the type that writes `T` inline, whose keys `T`'s extra
// fields may not set either.
template <class T, class Scope = T>
void write_object(boost::json::object& object, T const& value) {
    if constexpr (has_type_constant<T>) object.emplace("type", T::type);
    if constexpr (has_state_constant<T>) object.emplace("state", T::state);
    for_each_present_member(value, [&](auto member, auto const& field) {
        if constexpr (member.is_extra) {
            for (auto& extra : unmodelled_fields<Scope>(field, object.storage()))
                object.emplace(extra.key(), std::move(extra.value()));
        } else if constexpr (member.is_inlined) {
            write_object<typename decltype(member)::type, Scope>(object, field);
        } else {
            write_value(object[member.key], field);
        }
    });
}

// An operation's SDK params: its parameters under their keys, then its body
// as the endpoint's form has the SDK carry it.
template <operation Operation>
void write_sdk_params(boost::json::object& object, Operation const& op) {
    constexpr auto const& declared = Operation::endpoint;
    for_each_present_member(op, [&](auto member, auto const& field) {
        if constexpr (decltype(member)::name != declared.body) write_value(object[member.key], field);
    });
    if constexpr (declared.form == body_form::json) {
        // The body's fields beside the parameters.
        boost::json::object body(object.storage());
        write_object(body, body_of(op));
        // (Emplaced: the body's extra fields cannot replace a parameter.)
        for (auto& field : body) object.emplace(field.key(), std::move(field.value()));
    } else if constexpr (declared.form == body_form::multipart_upload) {
        // The version as `metadata`, its modules as `files`.
        boost::json::object metadata(object.storage());
        write_object(metadata, body_of(op));
        if (auto* modules = metadata.if_contains("modules")) object["files"] = std::move(*modules);
        metadata.erase("modules");
        object["metadata"] = std::move(metadata);
    }
}

template <class T>
void write_value(boost::json::value& out, T const& value) {
    constexpr auto category = category_of<T>;
    if constexpr (category == model_category::string) {
        out = boost::json::string(std::string_view(value), out.storage());
    } else if constexpr (category == model_category::spelled) {
        boost::json::string spelled(out.storage());
        spelled.resize(spelling<T>::size(value));
        spelling<T>::write(value, spelled.data());
        out = std::move(spelled);
    } else if constexpr (category == model_category::embedded_json) {
        write_embedded_json(out, value.view());
    } else if constexpr (category == model_category::boolean || category == model_category::integer ||
                         category == model_category::floating_point) {
        out = value;
    } else if constexpr (category == model_category::required) {
        write_value(out, value.value());
    } else if constexpr (category == model_category::optional) {
        if (value) write_value(out, *value);
        else out = nullptr;
    } else if constexpr (category == model_category::sequence) {
        auto& array = out.emplace_array();
        array.reserve(value.size());
        for (auto const& item : value) write_value(array.emplace_back(nullptr), item);
    } else if constexpr (category == model_category::keyed_object) {
        // (A key written twice keeps its first place and its last value:
        // a JSON object has one member per key.)
        auto& object = out.emplace_object();
        object.reserve(value.size());
        for (auto const& member : value) write_value(object[std::string_view(member.key)], member.value);
    } else if constexpr (category == model_category::alternatives) {
        value.visit([&](auto const& held) { write_value(out, held); });
    } else if constexpr (category == model_category::operation) {
        write_sdk_params(out.emplace_object(), value);
    } else if constexpr (category == model_category::described) {
        write_object(out.emplace_object(), value);
    } else {
        static_assert(no_json_form<T>, "cfdo::to_json: this type has no JSON form");
    }
}

} // namespace detail

/// The JSON value of any model type, exactly as Cloudflare's SDK would send
/// it; an operation gives its SDK params.
template <class T>
[[nodiscard]] boost::json::value to_json(T const& value, boost::json::storage_ptr storage = {}) {
    boost::json::value out(std::move(storage));
    detail::write_value(out, value);
    return out;
}

/// The same, for `boost::json::value_from`: cfdo's types convert inside the
/// user's own Boost.JSON conversions.
template <class T>
    requires(category_of<T> == model_category::described || category_of<T> == model_category::operation ||
             category_of<T> == model_category::alternatives || category_of<T> == model_category::spelled ||
             category_of<T> == model_category::required || category_of<T> == model_category::embedded_json ||
             std::is_same_v<T, text>)
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, T const& value) {
    detail::write_value(out, value);
}

} // namespace cfdo

#endif

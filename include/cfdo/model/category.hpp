// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_CATEGORY_HPP_INCLUDED
#define CFDO_MODEL_CATEGORY_HPP_INCLUDED

#include <cfdo/model/extra_fields.hpp>
#include <cfdo/model/json_text.hpp>
#include <cfdo/model/keyed.hpp>
#include <cfdo/model/members.hpp>
#include <cfdo/model/one_of.hpp>
#include <cfdo/model/operation.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/spelling.hpp>
#include <cfdo/model/text.hpp>

#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

// What kind of value a model type is, in the manner of Boost.JSON's
// conversion categories. Every walk over the model — the JSON writers and
// reader, the text-encoding rules — switches on `category_of<T>` and nothing
// else, so that a type is treated alike everywhere.

namespace cfdo {

enum class model_category {
    /// `cfdo::text` or a standard string: a JSON string.
    string,
    /// A value with a text spelling of its own (`cfdo::spelling`): a JSON string.
    spelled,
    /// `cfdo::json_text`: JSON source, embedded as the value it spells.
    embedded_json,
    /// `cfdo::extra_fields`: JSON object source whose members join those of
    /// the enclosing object; absent when empty.
    extra,
    boolean,
    integer,
    floating_point,
    /// `cfdo::required<Field, T>`: as its `T`.
    required,
    /// `std::optional`: absent when empty.
    optional,
    /// `std::vector`: a JSON array, absent when empty.
    sequence,
    /// `std::vector<cfdo::keyed<T>>`: a JSON object whose keys are data,
    /// absent when empty.
    keyed_object,
    /// `cfdo::one_of`: as the alternative it holds.
    alternatives,
    /// An API operation: its parameters and body, as the SDK's params.
    operation,
    /// A described struct: a JSON object of its members.
    described,
    /// None of the above: no JSON form.
    unsupported,
};

namespace detail {

template <class T>
inline constexpr bool is_optional_v = false;
template <class T>
inline constexpr bool is_optional_v<std::optional<T>> = true;

template <class T>
inline constexpr bool is_vector_v = false;
template <class T>
inline constexpr bool is_vector_v<std::vector<T>> = true;

template <class T>
inline constexpr bool is_keyed_vector_v = false;
template <class T>
inline constexpr bool is_keyed_vector_v<std::vector<keyed<T>>> = true;

template <class T>
constexpr model_category category_for() {
    if constexpr (std::is_same_v<T, json_text>) return model_category::embedded_json;
    else if constexpr (std::is_same_v<T, extra_fields>) return model_category::extra;
    else if constexpr (is_required_v<T>) return model_category::required;
    else if constexpr (std::is_same_v<T, text> || std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view>)
        return model_category::string;
    else if constexpr (requires { spelling<T>::expected; }) return model_category::spelled;
    else if constexpr (std::is_same_v<T, bool>) return model_category::boolean;
    else if constexpr (std::integral<T>) return model_category::integer;
    else if constexpr (std::floating_point<T>) return model_category::floating_point;
    else if constexpr (is_optional_v<T>) return model_category::optional;
    else if constexpr (is_keyed_vector_v<T>) return model_category::keyed_object;
    else if constexpr (is_vector_v<T>) return model_category::sequence;
    else if constexpr (is_one_of_v<T>) return model_category::alternatives;
    else if constexpr (operation<T>) return model_category::operation;
    else if constexpr (described_model<T>) return model_category::described;
    else return model_category::unsupported;
}

} // namespace detail

/// The category of `T` (cv-qualifiers and references ignored).
template <class T>
inline constexpr model_category category_of = detail::category_for<std::remove_cvref_t<T>>();

/// For a `static_assert` in the branch of a walk no type should reach.
template <class T>
inline constexpr bool no_json_form = false;

} // namespace cfdo

#endif

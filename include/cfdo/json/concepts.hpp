// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_JSON_CONCEPTS_HPP_INCLUDED
#define CFDO_JSON_CONCEPTS_HPP_INCLUDED

#include <boost/describe/members.hpp>

#include <concepts>
#include <string_view>
#include <type_traits>

namespace cfdo {

/// A struct whose members are listed with `BOOST_DESCRIBE_STRUCT`; cfdo
/// converts it to and from a JSON object member by member.
template <class T>
concept described_model = std::is_class_v<T> && boost::describe::has_describe_members<T>::value;

/// True for described types that are written to and read from JSON by
/// conversions of their own rather than member by member (the operations,
/// whose SDK params flatten their body). Declared next to the type, so that
/// no translation unit can silently fall back to the member-by-member form:
/// without the header that defines the conversions, using them is a compile
/// error that names it.
template <class T>
inline constexpr bool has_own_json_conversion = false;

/// A binding kind: its Cloudflare `type` string is a constant of the type.
template <class T>
concept has_type_constant = requires {
    { T::type } -> std::convertible_to<std::string_view>;
};

} // namespace cfdo

#endif

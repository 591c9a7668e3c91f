// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_REQUIRED_HPP_INCLUDED
#define CFDO_MODEL_REQUIRED_HPP_INCLUDED

#include <cfdo/model/text.hpp>

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

namespace cfdo {

/// A field name usable as a template argument, so that it appears verbatim in
/// compiler diagnostics.
template <std::size_t N>
struct field_name {
    char chars[N]{};

    consteval field_name(char const (&name)[N]) { std::copy_n(name, N, chars); }

    [[nodiscard]] constexpr std::string_view view() const noexcept { return {chars, N - 1}; }
};

/// A member that Cloudflare requires and that cfdo therefore makes impossible
/// to leave out.
///
/// `required<"name"> name;` behaves like the `text` (or `T`) it derives from,
/// but has no default constructor: an aggregate initialization that omits the
/// member does not compile, whether the other values are literals or come from
/// `getenv`. The field name is a template argument so that the compiler's
/// first error line names it:
///
///   GCC 12:   use of deleted function 'cfdo::required<Field, T>::required()
///             [with ... Field = cfdo::field_name<5>{"name"}; ...]'
///   Clang 16: call to deleted constructor of 'cfdo::required<"name", cfdo::text>'
///
/// By convention `Field` spells the C++ member's own name; tests/static checks
/// that convention for every model type.
template <field_name Field, class T = text>
struct required : T {
    static_assert(std::is_class_v<T>, "cfdo::required wraps class types such as cfdo::text");

    static constexpr std::string_view field = Field.view();

    required() = delete;

    using T::T;

    constexpr required(T value) : T(std::move(value)) {}

    /// The wrapped value, as its own type. (Not named `get`, which would hide
    /// `one_of::get<T>` when `T` is a `one_of`.)
    [[nodiscard]] constexpr T const& value() const noexcept { return *this; }
    [[nodiscard]] constexpr T& value() noexcept { return *this; }
};

namespace detail {

template <class T>
struct is_required : std::false_type {};

template <field_name Field, class T>
struct is_required<required<Field, T>> : std::true_type {
    using wrapped = T;
};

} // namespace detail

/// True for the member types made with `cfdo::required`.
template <class T>
inline constexpr bool is_required_v = detail::is_required<T>::value;

} // namespace cfdo

#endif

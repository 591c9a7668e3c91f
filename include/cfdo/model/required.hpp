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

/// Never true: the default constructor of `required` asserts it, so that the
/// failing requirement spells out the field left out.
template <field_name Field>
inline constexpr bool required_field_is_given = false;

namespace detail {

// What a left-out `required` member initializes its value with: nothing, as
// compilation has already stopped at the assertion beside the call. (A value
// type need not have a default constructor: `one_of` has none.)
template <class T>
[[noreturn]] constexpr T never_built() {
    throw "cfdo::required: a required field was left out";
}

} // namespace detail

/// A member that Cloudflare requires and that cfdo therefore makes impossible
/// to leave out.
///
/// `required<"name"> name;` behaves like the `text` (or `T`) it derives from,
/// but an aggregate initialization that omits the member does not compile,
/// whether the other values are literals or come from `getenv`, and however
/// the aggregate is written — `{.from = "A"}` inside a braced vector too. The
/// field name is a template argument so that the compiler's first lines name
/// it:
///
///   GCC 12:   In instantiation of 'constexpr cfdo::required<Field, T>::required()
///             [with ... Field = cfdo::field_name<3>{"to"}; T = cfdo::text]':
///             ...
///             error: static assertion failed: cfdo: a field Cloudflare requires is left out ...
///             note: 'cfdo::required_field_is_given<cfdo::field_name<3>{"to"}>' evaluates to false
///   Clang 16: error: static assertion failed due to requirement
///             'required_field_is_given<cfdo::field_name<3>{"to"}>': cfdo: a field Cloudflare requires ...
///
/// The default constructor exists and fails when it is instantiated, rather
/// than being deleted: for an element of a braced list, Clang treats a
/// deleted constructor as "no conversion" and reports only that the vector
/// has no matching constructor, never the field. A consequence is that
/// `std::is_default_constructible_v` holds for a type with a required member
/// (which is only declared, never usable), and that a `requires` expression
/// omitting such a member is an error rather than false.
///
/// By convention `Field` spells the C++ member's own name; tests/static checks
/// that convention for every model type.
template <field_name Field, class T = text>
struct required : T {
    static_assert(std::is_class_v<T>, "cfdo::required wraps class types such as cfdo::text");

    static constexpr std::string_view field = Field.view();

    constexpr required() : T(detail::never_built<T>()) {
        static_assert(required_field_is_given<Field>,
                      "cfdo: a field Cloudflare requires is left out; give the field the template argument names");
    }

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

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_MEMBERS_HPP_INCLUDED
#define CFDO_MODEL_MEMBERS_HPP_INCLUDED

#include <cfdo/model/extra_fields.hpp>
#include <cfdo/model/json_names.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/bind.hpp>

#include <concepts>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

// The one way cfdo walks the members of a model struct: the JSON writers,
// the JSON reader, the text-encoding rules and the operations' parameters
// all visit members through these functions, so that they agree on which
// members there are, under which JSON key, and which are absent.

namespace cfdo {

/// A struct whose members are listed with `BOOST_DESCRIBE_STRUCT`: it is
/// written to JSON and read back member by member.
template <class T>
concept described_model = std::is_class_v<T> && boost::describe::has_describe_members<T>::value;

/// A binding kind: its Cloudflare `type` string is a constant of the type,
/// written before its members.
template <class T>
concept has_type_constant = requires {
    { T::type } -> std::convertible_to<std::string_view>;
};

/// A kind of which several share a `type` (the Durable Object entries of
/// `exports`): its `state` is a constant too, written after `type`, and a
/// reader takes an object for it only when the object's `state` matches.
template <class T>
concept has_state_constant =
    has_type_constant<T> && requires { requires std::same_as<std::remove_cv_t<decltype(T::state)>, std::string_view>; };

/// The public members of `T`, as Boost.Describe lists them.
template <class T>
using described_members = boost::describe::describe_members<T, boost::describe::mod_public>;

/// The type of the member of `T` that `Descriptor` describes.
template <class T, class Descriptor>
using described_member_type = std::remove_cvref_t<decltype(std::declval<T const&>().*Descriptor::pointer)>;

/// The types of the public members of `T`, in declaration order (an mp11 list).
template <class T>
using member_types = boost::mp11::mp_rename<
    boost::mp11::mp_transform_q<boost::mp11::mp_bind_front<described_member_type, T>, described_members<T>>,
    boost::mp11::mp_list>;

/// One member of `T`, as the visitors below pass it: its position, its C++
/// name, its JSON key and its type.
template <class T, class Descriptor, std::size_t Index>
struct member_info {
    using type = described_member_type<T, Descriptor>;
    static constexpr std::size_t index = Index;
    static constexpr std::string_view name = Descriptor::name;
    static constexpr std::string_view key = json_key<T>(Descriptor::name);
    /// The escape hatch (`cfdo::extra_fields`): its members join the
    /// enclosing object's, under keys of their own.
    static constexpr bool is_extra = std::is_same_v<type, extra_fields>;
    /// Written inline (`json_inlined`): its members join the enclosing
    /// object's.
    static constexpr bool is_inlined = key == json_inlined;

    [[nodiscard]] static constexpr type const& of(T const& value) noexcept { return value.*Descriptor::pointer; }
    [[nodiscard]] static constexpr type& of(T& value) noexcept { return value.*Descriptor::pointer; }
};

/// True for a member that JSON leaves out, as Cloudflare's SDK omits
/// `undefined`: an empty optional or an empty array.
template <class T>
[[nodiscard]] constexpr bool is_absent(T const&) noexcept {
    return false;
}

template <class T>
[[nodiscard]] constexpr bool is_absent(std::optional<T> const& member) noexcept {
    return !member.has_value();
}

template <class T>
[[nodiscard]] constexpr bool is_absent(std::vector<T> const& member) noexcept {
    return member.empty();
}

[[nodiscard]] constexpr bool is_absent(extra_fields const& member) noexcept { return member.empty(); }

/// Calls `visit(member)` with the `member_info` of each member of `T`, in
/// declaration order: for code that has no value yet (readers).
template <described_model T, class Visit>
constexpr void for_each_member_of(Visit&& visit) {
    using members = described_members<T>;
    boost::mp11::mp_for_each<boost::mp11::mp_iota<boost::mp11::mp_size<members>>>([&](auto index) {
        visit(member_info<T, boost::mp11::mp_at<members, decltype(index)>, decltype(index)::value>{});
    });
}

/// Calls `visit(member, field)` for each member of `value`, in declaration
/// order, `member` being its `member_info` and `field` its value.
template <described_model T, class Visit>
constexpr void for_each_member(T const& value, Visit&& visit) {
    for_each_member_of<T>([&](auto member) { visit(member, member.of(value)); });
}

/// `for_each_member`, leaving out the absent members (`is_absent`): what
/// JSON carries.
template <described_model T, class Visit>
constexpr void for_each_present_member(T const& value, Visit&& visit) {
    for_each_member(value, [&](auto member, auto const& field) {
        if (!is_absent(field)) visit(member, field);
    });
}

/// True when `key` is the JSON key of a member of `T`, or `type` for a
/// binding kind: the keys a reader of `T` knows, and the keys its
/// `extra_fields` may not set.
template <described_model T>
[[nodiscard]] constexpr bool is_member_key(std::string_view key) noexcept {
    if constexpr (has_type_constant<T>)
        if (key == "type") return true;
    if constexpr (has_state_constant<T>)
        if (key == "state") return true;
    bool known = false;
    for_each_member_of<T>([&](auto member) {
        if constexpr (member.is_inlined) known = known || is_member_key<typename decltype(member)::type>(key);
        else known = known || (!member.is_extra && member.key == key);
    });
    return known;
}

namespace detail {

template <described_model T>
constexpr bool keeps_unknown_fields_of() {
    bool keeps = false;
    for_each_member_of<T>([&](auto member) {
        if constexpr (member.is_extra) keeps = true;
        else if constexpr (member.is_inlined)
            keeps = keeps || keeps_unknown_fields_of<typename decltype(member)::type>();
    });
    return keeps;
}

template <described_model T>
constexpr bool has_inlined_member_of() {
    bool inlined = false;
    for_each_member_of<T>([&](auto member) { inlined = inlined || member.is_inlined; });
    return inlined;
}

} // namespace detail

/// True when `T` (or a member written inline) has an `extra_fields` member:
/// it keeps the keys it does not model instead of ignoring them.
template <described_model T>
inline constexpr bool keeps_unknown_fields = detail::keeps_unknown_fields_of<T>();

/// True when a member of `T` is written inline (`json_inlined`).
template <described_model T>
inline constexpr bool has_inlined_member = detail::has_inlined_member_of<T>();

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_OPERATION_HPP_INCLUDED
#define CFDO_MODEL_OPERATION_HPP_INCLUDED

#include <cfdo/model/http_method.hpp>
#include <cfdo/model/members.hpp>

#include <boost/mp11/algorithm.hpp>

#include <concepts>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>

// How an API operation is declared. An operation is an aggregate of its
// parameters, described with Boost.Describe like the rest of the model, with
// one `static constexpr cfdo::endpoint endpoint` that says everything else
// about it and `using response = ...` for what it answers:
//
//   struct list_objects {
//       static constexpr cfdo::endpoint endpoint{
//           .method = http_method::get,
//           .path = "/accounts/{account_id}/workers/durable_objects/namespaces/{namespace_id}/objects",
//           .sdk_method = "durableObjects.namespaces.objects.list",
//           .ranges = list_objects_ranges};
//       using response = object_page;
//       required<"account_id"> account_id;
//       ...
//   };
//
// From that alone cfdo derives the request (each `{member}` of the path
// percent-encoded into its segment, every other member but the body in the
// query, the body as the form says), its rules, its SDK params (to_json,
// from_json), its response decoding and, with `pagination`, its pages.

namespace cfdo {

/// How an operation's body travels.
enum class body_form {
    /// No body.
    none,
    /// The body member as JSON; the SDK's params carry its fields beside the
    /// parameters.
    json,
    /// The classic script upload: `multipart/form-data` with the version
    /// (without its modules) as the `metadata` part and one part per module;
    /// the SDK's params carry them as `metadata` and `files`.
    multipart_upload,
};

/// A query parameter with a documented range, and the rule that enforces it.
struct parameter_range {
    /// The member (C++ name).
    std::string_view member;
    std::uint32_t minimum;
    std::uint32_t maximum;
    /// The catalogue id of the rule reported when the value is outside.
    std::string_view rule;
};

/// Everything an operation's declaration says besides its parameters.
struct endpoint {
    http_method method;
    /// The path as Cloudflare's documentation writes it, each `{member}` a
    /// path parameter naming a text member of the operation.
    std::string_view path;
    /// The method of Cloudflare's npm SDK that makes the same call
    /// (`durableObjects.namespaces.list`); the SDK comparison holds cfdo to it.
    std::string_view sdk_method = {};
    /// Why the npm SDK has no such method, when `sdk_method` is empty.
    std::string_view not_in_sdk = {};
    /// The member sent as the body (empty: none), and how it is sent.
    std::string_view body = {};
    body_form form = body_form::none;
    /// The path parameter naming the Worker the body configures: its rules
    /// check the version as that Worker's.
    std::string_view worker = {};
    /// The documented ranges of query parameters.
    std::span<parameter_range const> ranges = {};
};

/// An API operation cfdo can build, check, send and decode.
template <class T>
concept operation = described_model<T> && requires {
    { T::endpoint } -> std::same_as<endpoint const&>;
    typename T::response;
};

/// The typed result of an operation: what its declaration names.
template <operation Operation>
using response_of_t = typename Operation::response;

/// An operation whose answer comes in pages numbered from 1: `Page` is the
/// parameter asking for a page, `Items` the member of the response holding
/// the page's items and `Info` its `page_info` (whose `total_pages` ends the
/// listing). Declared in the operation as `using pagination = ...`.
template <auto Page, auto Items, auto Info>
struct numbered_pages {};

/// An operation whose answer comes in pages chained by a cursor: `Cursor` is
/// the parameter, `Items` the page's items and `NextCursor` the response's
/// cursor to the next page (none on the last).
template <auto Cursor, auto Items, auto NextCursor>
struct cursor_pages {};

/// Calls `visit(name)` for each `{name}` of a route's path, in order; false
/// when a `{` is not closed.
template <class Visit>
constexpr bool for_each_placeholder(std::string_view path, Visit&& visit) {
    for (auto open = path.find('{'); open != std::string_view::npos; open = path.find('{')) {
        auto const close = path.find('}', open);
        if (close == std::string_view::npos) return false;
        visit(path.substr(open + 1, close - open - 1));
        path.remove_prefix(close + 1);
    }
    return true;
}

/// Calls `visit(name, value)` for each `{name}` of `Operation`'s path, in
/// order, `value` being the member's text.
template <operation Operation, class Visit>
constexpr void for_each_path_parameter(Operation const& op, Visit&& visit) {
    for_each_placeholder(Operation::endpoint.path, [&](std::string_view name) {
        for_each_member(op, [&](auto member, auto const& field) {
            if constexpr (std::is_convertible_v<decltype(field), std::string_view>)
                if (member.name == name) visit(name, std::string_view(field));
        });
    });
}

/// True when `name` is a `{name}` of `Operation`'s path.
template <operation Operation>
[[nodiscard]] constexpr bool is_path_parameter(std::string_view name) noexcept {
    bool found = false;
    for_each_placeholder(Operation::endpoint.path,
                         [&](std::string_view placeholder) { found = found || placeholder == name; });
    return found;
}

/// True for a member sent in the query: neither a path parameter nor the body.
template <operation Operation>
[[nodiscard]] constexpr bool is_query_parameter(std::string_view name) noexcept {
    return !is_path_parameter<Operation>(name) && name != Operation::endpoint.body;
}

/// Calls `visit(member, field)` for each query parameter of `op` that is
/// present, in declaration order.
template <operation Operation, class Visit>
constexpr void for_each_query_parameter(Operation const& op, Visit&& visit) {
    for_each_present_member(op, [&](auto member, auto const& field) {
        if constexpr (is_query_parameter<Operation>(decltype(member)::name)) visit(member, field);
    });
}

namespace detail {

template <class Operation>
struct body_member {
    template <class Descriptor>
    using is_body = std::bool_constant<std::string_view(Descriptor::name) == Operation::endpoint.body>;
    using members = described_members<Operation>;
    static constexpr std::size_t index = boost::mp11::mp_find_if<members, is_body>::value;
    static_assert(index < boost::mp11::mp_size<members>::value,
                  "cfdo: the endpoint's `body` names no member of the operation");
    using info = member_info<Operation, boost::mp11::mp_at_c<members, index>, index>;
};

} // namespace detail

/// The operation has a body.
template <class Operation>
concept operation_with_body = operation<Operation> && (Operation::endpoint.form != body_form::none);

/// The body member of `op`.
template <operation_with_body Operation>
[[nodiscard]] constexpr auto const& body_of(Operation const& op) noexcept {
    return detail::body_member<Operation>::info::of(op);
}

/// Everything the declaration of `Operation` must hold to itself, for the
/// library's own static tests: each `{name}` of the path names a text member;
/// the body is named exactly when there is one; the Worker is a path
/// parameter; each range names a query parameter; and the SDK method is
/// given, or why there is none.
template <operation Operation>
[[nodiscard]] constexpr bool is_consistent_declaration() {
    constexpr auto const& declared = Operation::endpoint;
    bool consistent = (declared.body.empty() == (declared.form == body_form::none)) &&
                      (declared.sdk_method.empty() != declared.not_in_sdk.empty()) &&
                      (declared.worker.empty() || is_path_parameter<Operation>(declared.worker));
    consistent =
        for_each_placeholder(
            declared.path,
            [&](std::string_view name) {
                bool names_text = false;
                for_each_member_of<Operation>([&](auto member) {
                    if constexpr (std::is_convertible_v<typename decltype(member)::type const&, std::string_view>)
                        names_text = names_text || member.name == name;
                });
                consistent = consistent && names_text;
            }) &&
        consistent;
    for (auto const& range : declared.ranges) {
        bool names_query = false;
        for_each_member_of<Operation>([&](auto member) {
            names_query = names_query || (member.name == range.member && is_query_parameter<Operation>(member.name));
        });
        consistent = consistent && names_query && range.minimum <= range.maximum && !range.rule.empty();
    }
    return consistent;
}

} // namespace cfdo

#endif

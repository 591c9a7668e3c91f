// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_ROUTE_HPP_INCLUDED
#define CFDO_API_ROUTE_HPP_INCLUDED

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstddef>
#include <string_view>
#include <type_traits>

namespace cfdo {

enum class http_method { get, post, put, patch, delete_ };

[[nodiscard]] constexpr std::string_view to_string(http_method method) noexcept {
    switch (method) {
    case http_method::get: return "GET";
    case http_method::post: return "POST";
    case http_method::put: return "PUT";
    case http_method::patch: return "PATCH";
    case http_method::delete_: return "DELETE";
    }
    return "GET";
}

/// Where an operation goes: its method and its path, written as Cloudflare's
/// documentation writes it, `{member}` standing for a path parameter. The
/// one description serves both the rules (every `{member}` is checked to be a
/// safe single segment) and the request (each is percent-encoded into the
/// path).
struct route {
    http_method method;
    std::string_view path;
};

/// Calls `visit(member_name, value)` for each `{member}` of `Operation`'s
/// route, in order; `value` is the member's text.
template <class Operation, class Visit>
constexpr void for_each_path_parameter(Operation const& op, Visit&& visit) {
    std::string_view rest = Operation::endpoint.path;
    for (auto open = rest.find('{'); open != std::string_view::npos; open = rest.find('{')) {
        auto const close = rest.find('}', open);
        auto const name = rest.substr(open + 1, close - open - 1);
        boost::mp11::mp_for_each<boost::describe::describe_members<Operation, boost::describe::mod_public>>(
            [&](auto member) {
                using member_type = std::remove_cvref_t<decltype(op.*member.pointer)>;
                if constexpr (std::is_convertible_v<member_type const&, std::string_view>)
                    if (name == member.name) visit(name, std::string_view(op.*member.pointer));
            });
        rest.remove_prefix(close + 1);
    }
}

/// True when every `{member}` of `Operation`'s route names a text member:
/// a route that mentions a parameter the operation lacks is caught in the
/// library's own static tests.
template <class Operation>
[[nodiscard]] constexpr bool route_names_only_text_members() {
    std::string_view rest = Operation::endpoint.path;
    for (auto open = rest.find('{'); open != std::string_view::npos; open = rest.find('{')) {
        auto const close = rest.find('}', open);
        if (close == std::string_view::npos) return false;
        auto const name = rest.substr(open + 1, close - open - 1);
        bool found = false;
        boost::mp11::mp_for_each<boost::describe::describe_members<Operation, boost::describe::mod_public>>(
            [&](auto member) {
                using member_type =
                    std::remove_cvref_t<decltype(std::declval<Operation const&>().*member.pointer)>;
                if constexpr (std::is_convertible_v<member_type const&, std::string_view>)
                    found = found || name == member.name;
            });
        if (!found) return false;
        rest.remove_prefix(close + 1);
    }
    return true;
}

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_PAGINATION_HPP_INCLUDED
#define CFDO_API_PAGINATION_HPP_INCLUDED

#include <cfdo/api/make_request.hpp>
#include <cfdo/api/responses.hpp>
#include <cfdo/api/transport.hpp>
#include <cfdo/model/operation.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/support/printable.hpp>

#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

// Helpers that drive a user-supplied transport through a paginated listing,
// as the operation's `pagination` declares it. They stop on the last page,
// and at the first error, which they return. Invalid parameters throw
// `invalid_request` before anything is sent.

namespace cfdo {

/// Sends `op` through `send` and decodes the answer.
template <operation Operation, transport Transport>
[[nodiscard]] api_result<response_of_t<Operation>> call(Transport&& send, Operation const& op) {
    http_response const response = send(make_request(op));
    return decode_response<Operation>(response);
}

/// An operation whose answers come in pages.
template <class Operation>
concept paged_operation = operation<Operation> && requires { typename Operation::pagination; };

namespace detail {

// A page callback may return nothing (visit every page) or a bool (false
// stops early).
template <class OnPage, class Page>
bool keep_going(OnPage& on_page, Page const& page) {
    if constexpr (std::is_void_v<std::invoke_result_t<OnPage&, Page const&>>) {
        on_page(page);
        return true;
    } else {
        return static_cast<bool>(on_page(page));
    }
}

// Pages numbered from `first`'s page (or 1), asked for one after the other
// as Cloudflare's SDK does: until a page comes back empty, or its
// `total_pages` says it was the last. A page with the same items as the one
// before is an error (`pagination_loop`) rather than an endless listing.
template <auto Page, auto Items, auto Info, class Transport, class Operation, class OnPage>
std::optional<api_error> for_each_page(numbered_pages<Page, Items, Info>, Transport& send, Operation request_page,
                                       OnPage& on_page) {
    std::uint32_t page = (request_page.*Page).value_or(1);
    // A server that ignores `page` and leaves out total_pages sends its first
    // page again and again: 2^32 requests before the page number runs out.
    // Items (namespaces) are unique, so two pages with the same items can
    // only be the same page sent twice.
    std::remove_cvref_t<decltype(std::declval<response_of_t<Operation>&>().*Items)> previous;
    for (;;) {
        auto decoded = call(send, request_page);
        if (!decoded) return std::move(decoded).error();
        auto& items = (*decoded).*Items;
        if (items.empty()) return std::nullopt;
        if (items == previous)
            return api_error{api_error_kind::pagination_loop,
                             200,
                             {},
                             "page " + std::to_string(page) + " has the same items as page " +
                                 std::to_string(page - 1) + ": the server ignores the page parameter"};
        if (!keep_going(on_page, *decoded)) return std::nullopt;
        auto const total_pages = ((*decoded).*Info).total_pages;
        if (total_pages && page >= *total_pages) return std::nullopt;
        if (page == std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
        previous = std::move(items);
        request_page.*Page = ++page;
    }
}

// Pages chained by a cursor, followed until a page has none. A cursor that
// was already followed is an error (`pagination_loop`) rather than an
// endless loop.
template <auto Cursor, auto Items, auto NextCursor, class Transport, class Operation, class OnPage>
std::optional<api_error> for_each_page(cursor_pages<Cursor, Items, NextCursor>, Transport& send, Operation request_page,
                                       OnPage& on_page) {
    std::set<std::string> cursors_followed;
    if (auto const& first = request_page.*Cursor) cursors_followed.insert(std::string(std::string_view(*first)));
    for (;;) {
        auto decoded = call(send, request_page);
        if (!decoded) return std::move(decoded).error();
        if (!((*decoded).*Items).empty() && !keep_going(on_page, *decoded)) return std::nullopt;
        auto const& next = (*decoded).*NextCursor;
        if (!next || next->empty()) return std::nullopt;
        if (!cursors_followed.insert(*next).second)
            return api_error{api_error_kind::pagination_loop,
                             200,
                             {},
                             "the cursor \"" + printable(*next) + "\" was already followed"};
        request_page.*Cursor = *next;
    }
}

// The items of a page, from the operation's pagination declaration.
template <auto Page, auto Items, auto Info>
constexpr auto items_member(numbered_pages<Page, Items, Info>) {
    return Items;
}
template <auto Cursor, auto Items, auto NextCursor>
constexpr auto items_member(cursor_pages<Cursor, Items, NextCursor>) {
    return Items;
}

} // namespace detail

/// Calls `on_page` with each non-empty page of the listing that starts with
/// `first`, as `Operation::pagination` chains them; `on_page` may return
/// false to stop. Returns the first error, if any.
template <transport Transport, paged_operation Operation, std::invocable<response_of_t<Operation> const&> OnPage>
std::optional<api_error> for_each_page(Transport&& send, Operation first, OnPage&& on_page) {
    return detail::for_each_page(typename Operation::pagination{}, send, std::move(first), on_page);
}

/// Every item of the listing that starts with `first`, all pages followed.
template <transport Transport, paged_operation Operation>
[[nodiscard]] auto list_all(Transport&& send, Operation first) {
    constexpr auto items = detail::items_member(typename Operation::pagination{});
    std::remove_cvref_t<decltype(std::declval<response_of_t<Operation>&>().*items)> all;
    auto error = for_each_page(send, std::move(first), [&](response_of_t<Operation> const& page) {
        all.insert(all.end(), (page.*items).begin(), (page.*items).end());
    });
    using result = api_result<decltype(all)>;
    if (error) return result(unexpected(std::move(*error)));
    return result(std::move(all));
}

/// Every page of namespaces of the account (`for_each_page` for `list_namespaces`).
template <transport Transport, std::invocable<namespace_page const&> OnPage>
std::optional<api_error> for_each_namespace_page(Transport&& send, list_namespaces first, OnPage&& on_page) {
    return for_each_page(send, std::move(first), on_page);
}

/// Every namespace of the account, all pages followed.
template <transport Transport>
[[nodiscard]] api_result<std::vector<namespace_info>> list_all_namespaces(Transport&& send, list_namespaces first) {
    return list_all(send, std::move(first));
}

/// Every page of objects of a namespace (`for_each_page` for `list_objects`).
template <transport Transport, std::invocable<object_page const&> OnPage>
std::optional<api_error> for_each_object_page(Transport&& send, list_objects first, OnPage&& on_page) {
    return for_each_page(send, std::move(first), on_page);
}

/// Every object of the namespace, all pages followed.
template <transport Transport>
[[nodiscard]] api_result<std::vector<object_info>> list_all_objects(Transport&& send, list_objects first) {
    return list_all(send, std::move(first));
}

} // namespace cfdo

#endif

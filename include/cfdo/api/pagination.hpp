// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_PAGINATION_HPP_INCLUDED
#define CFDO_API_PAGINATION_HPP_INCLUDED

#include <cfdo/api/make_request.hpp>
#include <cfdo/api/operations.hpp>
#include <cfdo/api/responses.hpp>
#include <cfdo/api/transport.hpp>
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

// Helpers that drive a user-supplied transport through a paginated listing.
// They stop on the last page, and at the first error, which they return.
// Invalid parameters throw `invalid_request` before anything is sent.

namespace cfdo {

/// Sends `op` through `send` and decodes the answer.
template <operation Operation, transport Transport>
[[nodiscard]] api_result<response_of_t<Operation>> call(Transport&& send, Operation const& op) {
    http_response const response = send(make_request(op));
    return decode_response<Operation>(response);
}

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

} // namespace detail

/// Calls `on_page` with each non-empty page of namespaces, asking for page
/// `first.page` (or 1), then the next, as Cloudflare's SDK does: until a page
/// comes back empty, or `result_info.total_pages` says it was the last. A
/// page with the same namespaces as the one before is an error
/// (`pagination_loop`) rather than an endless listing. Returns the first
/// error, if any.
template <transport Transport, std::invocable<namespace_page const&> OnPage>
std::optional<api_error> for_each_namespace_page(Transport&& send, list_namespaces first, OnPage&& on_page) {
    auto request_page = std::move(first);
    std::uint32_t page = request_page.page.value_or(1);
    // A server that ignores `page` and leaves out total_pages sends its first
    // page again and again: 2^32 requests before the page number runs out.
    // Namespace ids are unique, so two pages with the same namespaces can
    // only be the same page sent twice.
    std::vector<namespace_info> previous;
    for (;;) {
        auto decoded = call(send, request_page);
        if (!decoded) return std::move(decoded).error();
        if (decoded->namespaces.empty()) return std::nullopt;
        if (decoded->namespaces == previous)
            return api_error{api_error_kind::pagination_loop, 200, {},
                             "page " + std::to_string(page) + " has the same namespaces as page " +
                                 std::to_string(page - 1) + ": the server ignores the page parameter"};
        if (!detail::keep_going(on_page, *decoded)) return std::nullopt;
        auto const total_pages = decoded->info.total_pages;
        if (total_pages && page >= *total_pages) return std::nullopt;
        if (page == std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
        previous = std::move(decoded->namespaces);
        request_page.page = ++page;
    }
}

/// Every namespace of the account, all pages followed.
template <transport Transport>
[[nodiscard]] api_result<std::vector<namespace_info>> list_all_namespaces(Transport&& send, list_namespaces first) {
    std::vector<namespace_info> all;
    auto error = for_each_namespace_page(send, std::move(first), [&](namespace_page const& page) {
        all.insert(all.end(), page.namespaces.begin(), page.namespaces.end());
    });
    if (error) return unexpected(std::move(*error));
    return all;
}

/// Calls `on_page` with each non-empty page of objects, following the cursor
/// until a page has none. A cursor that was already followed is an error
/// (`pagination_loop`) rather than an endless loop. Returns the first error,
/// if any.
template <transport Transport, std::invocable<object_page const&> OnPage>
std::optional<api_error> for_each_object_page(Transport&& send, list_objects first, OnPage&& on_page) {
    auto request_page = std::move(first);
    std::set<std::string> cursors_followed;
    if (request_page.cursor) cursors_followed.insert(request_page.cursor->str());
    for (;;) {
        auto decoded = call(send, request_page);
        if (!decoded) return std::move(decoded).error();
        if (!decoded->objects.empty() && !detail::keep_going(on_page, *decoded)) return std::nullopt;
        if (!decoded->cursor) return std::nullopt;
        if (!cursors_followed.insert(*decoded->cursor).second)
            return api_error{api_error_kind::pagination_loop, 200, {},
                             "the cursor \"" + printable(*decoded->cursor) + "\" was already followed"};
        request_page.cursor = *decoded->cursor;
    }
}

/// Every object of the namespace, all pages followed.
template <transport Transport>
[[nodiscard]] api_result<std::vector<object_info>> list_all_objects(Transport&& send, list_objects first) {
    std::vector<object_info> all;
    auto error = for_each_object_page(send, std::move(first), [&](object_page const& page) {
        all.insert(all.end(), page.objects.begin(), page.objects.end());
    });
    if (error) return unexpected(std::move(*error));
    return all;
}

} // namespace cfdo

#endif

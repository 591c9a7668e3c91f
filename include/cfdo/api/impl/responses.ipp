// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_IMPL_RESPONSES_IPP_INCLUDED
#define CFDO_API_IMPL_RESPONSES_IPP_INCLUDED

// The definitions of responses.hpp's decoding: in every translation unit
// that includes it when cfdo is header-only, once in <cfdo/src.hpp>
// otherwise.

#include <cfdo/api/responses.hpp>
#include <cfdo/json/from_json.hpp>
#include <cfdo/json/parse.hpp>

#include <boost/describe/class.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cfdo {

namespace detail {

struct envelope {
    boost::json::object const* object;
    int http_status;
};

CFDO_DECL api_error unexpected_result_error(int status, decode_error const& error) {
    return {api_error_kind::unexpected_result, status, {}, error.what()};
}

template <class T>
expected<T, api_error> decode_member(envelope const& e, std::string_view key) {
    static boost::json::value const null_value;
    auto const* found = e.object->if_contains(key);
    auto decoded = from_json<T>(found ? *found : null_value);
    if (!decoded) {
        auto error = std::move(decoded).error();
        error.path.insert(0, "/" + std::string(key));
        return unexpected(unexpected_result_error(e.http_status, error));
    }
    return std::move(*decoded);
}

CFDO_DECL api_result<namespace_page> decode_result(envelope const& e, type_tag<namespace_page>) {
    auto namespaces = decode_member<std::vector<namespace_info>>(e, "result");
    if (!namespaces) return unexpected(std::move(namespaces).error());
    auto info = decode_member<std::optional<page_info>>(e, "result_info");
    if (!info) return unexpected(std::move(info).error());
    return namespace_page{std::move(*namespaces), info->value_or(page_info{})};
}

struct result_cursors {
    std::optional<std::string> after{};
};
BOOST_DESCRIBE_STRUCT(result_cursors, (), (after))

/// `result_info` of the objects listing; the next cursor is at
/// `cursors.after` (what the TypeScript and Go SDKs read) or at `cursor`
/// (the OpenAPI schema, the Python SDK, Miniflare).
struct cursor_info {
    std::optional<std::string> cursor{};
    std::optional<result_cursors> cursors{};
    std::optional<std::int64_t> count{};
};
BOOST_DESCRIBE_STRUCT(cursor_info, (), (cursor, cursors, count))

CFDO_DECL api_result<object_page> decode_result(envelope const& e, type_tag<object_page>) {
    auto objects = decode_member<std::vector<object_info>>(e, "result");
    if (!objects) return unexpected(std::move(objects).error());
    auto info = decode_member<std::optional<cursor_info>>(e, "result_info");
    if (!info) return unexpected(std::move(info).error());
    object_page page{std::move(*objects), std::nullopt, std::nullopt};
    if (auto const& i = *info) {
        page.count = i->count;
        if (i->cursors && i->cursors->after && !i->cursors->after->empty()) page.cursor = i->cursors->after;
        else if (i->cursor && !i->cursor->empty()) page.cursor = i->cursor;
    }
    return page;
}

template <class Result>
api_result<Result> decode_result(envelope const& e, type_tag<Result>) {
    return decode_member<Result>(e, "result");
}

// Cloudflare's `errors`, item by item: a malformed item must not hide the
// codes of the others, which callers match (`has_code`). Appends the
// well-formed items to `out` and returns what was wrong with the rest.
// A 100402's `meta.details` are read too, as leniently; other codes' `meta`
// is not: only 100402 documents one, so another shape there is nobody's
// mistake (wrangler reads it for 100402 only, too).
CFDO_DECL std::string decode_error_items(boost::json::value const& errors, std::vector<api_message>& out) {
    std::string problems;
    auto const malformed = [&](decode_error const& error) {
        problems += (problems.empty() ? "" : "; ") + ("malformed \"errors\": " + error.what());
    };
    auto const* items = errors.if_array();
    if (!items) {
        malformed(decode_error{"/errors", expected_but_got("an array", errors)});
        return problems;
    }
    for (std::size_t i = 0; i < items->size(); ++i) {
        auto item = from_json<api_message>((*items)[i]);
        if (!item) {
            auto error = std::move(item).error();
            error.path.insert(0, "/errors/" + std::to_string(i));
            malformed(error);
            continue;
        }
        if (item->code == exports_reconciliation_failure_code)
            for (auto const& error : decode_reconciliation_details((*items)[i].as_object(), i, item->details))
                malformed(error);
        out.push_back(std::move(*item));
    }
    return problems;
}

// HTTP 429, whatever the body (a proxy's page, or Cloudflare's envelope with
// its errors): `Retry-After` in seconds when the server sent it so (an
// HTTP-date is left in `detail`).
CFDO_DECL api_error rate_limited(http_response const& response) {
    api_error error{api_error_kind::rate_limited, response.status, {}, {}};
    if (auto parsed = parse_json(response.body); parsed && parsed->is_object())
        if (auto const* errors = parsed->as_object().if_contains("errors"); errors && !errors->is_null())
            error.detail = decode_error_items(*errors, error.errors);
    if (auto const after = response.header_value("Retry-After")) {
        std::uint64_t seconds = 0;
        bool const is_number = !after->empty() && after->size() <= 9 &&
                               std::all_of(after->begin(), after->end(), [](char c) { return c >= '0' && c <= '9'; });
        if (is_number) {
            for (char const c : *after) seconds = seconds * 10 + static_cast<std::uint64_t>(c - '0');
            error.retry_after = std::chrono::seconds(static_cast<std::int64_t>(seconds));
        } else {
            error.detail += (error.detail.empty() ? "" : "; ") + std::string("Retry-After: ") + *after;
        }
    }
    return error;
}

} // namespace detail

template <operation Operation>
api_result<response_of_t<Operation>> decode_response(http_response const& response) {
    int const status = response.status;
    if (status == 429) return unexpected(detail::rate_limited(response));
    // The DOM lives only while the result is decoded from it: an arena that
    // is released at once is about twice as fast as a heap allocation per
    // value (bench/, "namespace-page-1000").
    auto parsed = parse_json(response.body, {}, boost::json::make_shared_resource<boost::json::monotonic_resource>());
    if (!parsed) return unexpected(api_error{api_error_kind::not_json, status, {}, parsed.error().what()});
    auto const* object = parsed->if_object();
    if (!object)
        return unexpected(api_error{api_error_kind::not_an_envelope, status, {}, "the body is not a JSON object"});
    auto const* success = object->if_contains("success");
    if (!success || !success->is_bool())
        return unexpected(api_error{api_error_kind::not_an_envelope, status, {}, "no boolean \"success\" in the body"});

    detail::envelope const envelope{object, status};
    bool const http_ok = status >= 200 && status < 300;
    if (!success->as_bool() || !http_ok) {
        api_error failure{api_error_kind::failure, status, {}, {}};
        if (auto const* errors = object->if_contains("errors"); errors && !errors->is_null())
            failure.detail = detail::decode_error_items(*errors, failure.errors);
        if (success->as_bool())
            failure.detail += (failure.detail.empty() ? "" : "; ") + std::string("success with an HTTP error status");
        return unexpected(std::move(failure));
    }
    return detail::decode_result(envelope, detail::type_tag<response_of_t<Operation>>{});
}

} // namespace cfdo

#endif

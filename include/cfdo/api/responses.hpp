// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_RESPONSES_HPP_INCLUDED
#define CFDO_API_RESPONSES_HPP_INCLUDED

#include <cfdo/api/exports_reconciliation.hpp>
#include <cfdo/api/transport.hpp>
#include <cfdo/json/from_json.hpp>
#include <cfdo/json/parse.hpp>
#include <cfdo/model/operation.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/model/results.hpp>
#include <cfdo/support/expected.hpp>
#include <cfdo/support/printable.hpp>

#include <boost/describe/class.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// What Cloudflare answers, decoded defensively. Every response is wrapped in
// the v4 envelope `{success, errors[], messages[], result, result_info}`; it
// becomes either the typed result of the operation or an `api_error` that
// says what went wrong. Unknown fields are ignored, since the API grows.

namespace cfdo {

/// One item of the envelope's `errors` (or `messages`).
struct api_message {
    std::int64_t code = 0;
    std::string message;
    std::optional<std::string> documentation_url{};
    /// For a 100402, the well-formed items of its `meta.details`: the class
    /// by class reasons the aggregate `message` leaves out. Not described:
    /// it is read from `meta` item by item (`decode_response`), so that a
    /// malformed detail never costs the error; `from_json<api_message>`
    /// leaves it empty.
    std::vector<reconciliation_detail> details{};

    friend bool operator==(api_message const&, api_message const&) = default;
};
BOOST_DESCRIBE_STRUCT(api_message, (), (code, message, documentation_url))

enum class api_error_kind {
    /// The body is not JSON (an HTML error page from a proxy, a cut-off body).
    not_json,
    /// JSON, but not Cloudflare's envelope (no boolean `success`).
    not_an_envelope,
    /// Cloudflare reports failure: `success: false` or an HTTP error status.
    failure,
    /// `success: true`, but `result` does not have the documented shape.
    unexpected_result,
    /// A paginated listing returned the same cursor twice, or the same page of
    /// namespaces twice in a row; following it would never end.
    pagination_loop,
    /// HTTP 429: too many requests. `retry_after` says when to try again,
    /// when the server said it.
    rate_limited,
};

[[nodiscard]] constexpr std::string_view to_string(api_error_kind kind) noexcept {
    switch (kind) {
    case api_error_kind::not_json: return "not_json";
    case api_error_kind::not_an_envelope: return "not_an_envelope";
    case api_error_kind::failure: return "failure";
    case api_error_kind::unexpected_result: return "unexpected_result";
    case api_error_kind::pagination_loop: return "pagination_loop";
    case api_error_kind::rate_limited: return "rate_limited";
    }
    return "failure";
}

/// Why a call produced no result.
struct api_error {
    api_error_kind kind = api_error_kind::failure;
    int http_status = 0;
    /// Cloudflare's `errors`, every well-formed code and message, in order.
    std::vector<api_message> errors;
    /// What cfdo found wrong with the body (parser message, JSON pointer),
    /// malformed items of `errors` included.
    std::string detail;
    /// For `rate_limited`: the `Retry-After` the server sent, in seconds.
    std::optional<std::chrono::seconds> retry_after{};

    /// True when Cloudflare reported error `code`.
    [[nodiscard]] bool has_code(std::int64_t code) const noexcept {
        for (auto const& e : errors)
            if (e.code == code) return true;
        return false;
    }

    /// True when the Worker asked about does not exist: HTTP 404 with
    /// Cloudflare's 10007 ("This Worker does not exist on your account.").
    [[nodiscard]] bool is_no_such_worker() const noexcept { return http_status == 404 && has_code(10007); }

    /// True when Cloudflare could not reconcile the upload's `exports` with
    /// the deployed Durable Object namespaces (100402); the reasons are the
    /// `details` of that error. The code alone decides: it is specific to
    /// this failure, whatever status a proxy on the way may have made of the
    /// 400.
    [[nodiscard]] bool is_exports_reconciliation_failure() const noexcept {
        return has_code(exports_reconciliation_failure_code);
    }

    /// Everything, for people. The server's messages are its own text, so
    /// control bytes in them are escaped (`printable`), as in `detail`. An
    /// error's details follow it, each as `class: scenario: message`.
    [[nodiscard]] std::string what() const {
        std::string text = "HTTP " + std::to_string(http_status) + ": " + std::string(to_string(kind));
        for (auto const& e : errors) {
            text += "; " + printable(e.message) + " [code: " + std::to_string(e.code) + "]";
            for (auto const& d : e.details) text += "; " + d.what();
        }
        if (!detail.empty()) text += "; " + printable(detail);
        if (retry_after) text += "; retry after " + std::to_string(retry_after->count()) + " s";
        return text;
    }
};

template <class T>
using api_result = expected<T, api_error>;

namespace detail {

struct envelope {
    boost::json::object const* object;
    int http_status;
};

inline api_error unexpected_result_error(int status, decode_error const& error) {
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

inline api_result<namespace_page> decode_result(envelope const& e, type_tag<namespace_page>) {
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

inline api_result<object_page> decode_result(envelope const& e, type_tag<object_page>) {
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
inline std::string decode_error_items(boost::json::value const& errors, std::vector<api_message>& out) {
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
inline api_error rate_limited(http_response const& response) {
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

/// Decodes Cloudflare's answer to `Operation`.
template <operation Operation>
[[nodiscard]] api_result<response_of_t<Operation>> decode_response(http_response const& response) {
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

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_RESPONSES_HPP_INCLUDED
#define CFDO_API_RESPONSES_HPP_INCLUDED

#include <cfdo/api/exports_reconciliation.hpp>
#include <cfdo/api/transport.hpp>
#include <cfdo/config.hpp>
#include <cfdo/model/operation.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/model/results.hpp>
#include <cfdo/support/expected.hpp>
#include <cfdo/support/printable.hpp>

#include <boost/describe/class.hpp>
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

/// Decodes Cloudflare's answer to `Operation`.
template <operation Operation>
[[nodiscard]] api_result<response_of_t<Operation>> decode_response(http_response const& response);

} // namespace cfdo

#if CFDO_HEADER_ONLY
#include <cfdo/api/impl/responses.ipp>
#endif

#endif

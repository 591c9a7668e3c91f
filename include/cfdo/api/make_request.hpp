// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_MAKE_REQUEST_HPP_INCLUDED
#define CFDO_API_MAKE_REQUEST_HPP_INCLUDED

#include <cfdo/api/request.hpp>
#include <cfdo/config.hpp>
#include <cfdo/model/deployment.hpp>
#include <cfdo/model/operation.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/validation_context.hpp>
#include <cfdo/support/expected.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

// Building requests: the entry points are declared here and defined in
// impl/make_request.ipp — included below when cfdo is header-only, compiled
// once by <cfdo/src.hpp> with CFDO_SEPARATE_COMPILATION (config.hpp). So
// that a translation unit that only builds requests does not parse or
// instantiate the rules and the JSON conversion, this header includes
// neither: include <cfdo/rules/request_rules.hpp> to call `validate`, and
// <cfdo/json/to_json.hpp> for `to_json` of a model value.

namespace cfdo {

/// Thrown by `make_request` when the operation breaks a rule; carries every
/// diagnostic, warnings included.
class invalid_request : public std::invalid_argument {
public:
    explicit invalid_request(std::vector<diagnostic> diagnostics)
        : std::invalid_argument(summary(diagnostics)), diagnostics_(std::move(diagnostics)) {}

    [[nodiscard]] std::vector<diagnostic> const& diagnostics() const noexcept { return diagnostics_; }

private:
    static std::string summary(std::vector<diagnostic> const& diagnostics);

    std::vector<diagnostic> diagnostics_;
};

/// The header wrangler 4.164 sends with an upload whose `exports` has a
/// `workflow` entry: Cloudflare takes Workflows in `exports` only from the
/// script API of that date on, and reads an upload without it by the older
/// API, which has no such entry kind.
inline constexpr std::string_view script_api_date_header = "Cloudflare-Workers-Script-Api-Date";
inline constexpr std::string_view workflow_exports_api_date = "2026-11-09";

/// A configuration proven valid while compiling: `cfdo::checked<factory>`
/// (rules/compile_time.hpp) and `checked_with`. `make()` builds it.
template <class Proven>
concept proven_configuration = Proven::checked_at_compile_time && requires { Proven::make(); };

namespace detail {

// The request for `op`, whose body `valid<>` has already proven: only what
// is known at run time alone is checked — the path and query parameters,
// and the names of the upload's module parts.
template <operation Operation>
[[nodiscard]] expected<request, std::vector<diagnostic>> try_make_request_for_proven_body(Operation const& op);

// `op` carrying what `Proven::make()` builds: its whole body, or the
// version inside it.
template <version_operation Operation, proven_configuration Proven>
constexpr Operation with_proven_body(Operation op) {
    auto& body = body_member<Operation>::info::of(op);
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(Proven::make())>, std::remove_cvref_t<decltype(body)>>)
        body = Proven::make();
    else version_of(body) = Proven::make();
    return op;
}

[[nodiscard]] CFDO_DECL request request_or_throw(expected<request, std::vector<diagnostic>> built);

} // namespace detail

/// The request for `op`, or every diagnostic when `op` breaks an error rule
/// under what `context` says (by default, nothing is known of what is
/// deployed).
template <operation Operation>
[[nodiscard]] expected<request, std::vector<diagnostic>> try_make_request(Operation const& op,
                                                                          validation_context const& context = {});

/// The request for `op`; throws `invalid_request` when `op` breaks an error
/// rule.
template <operation Operation>
[[nodiscard]] request make_request(Operation const& op, validation_context const& context = {}) {
    return detail::request_or_throw(try_make_request(op, context));
}

/// The request for `op` sending deployment `d` under `context`: its version
/// is `payload(d, context)` — the history's steps after the deployed tag —
/// checked with the whole history; or every diagnostic when there is an
/// error.
///
///   auto request = cfdo::make_request(cfdo::create_version{.account_id = a, .worker_id = "counter"},
///                                     counter_deployment(), {.deployed = state});
template <version_operation Operation>
[[nodiscard]] expected<request, std::vector<diagnostic>> try_make_request(Operation const& op, deployment const& d,
                                                                          validation_context const& context = {});

/// The same; throws `invalid_request` when there is an error.
template <version_operation Operation>
[[nodiscard]] request make_request(Operation const& op, deployment const& d, validation_context const& context = {}) {
    return detail::request_or_throw(try_make_request(op, d, context));
}

/// The request for `op` carrying a configuration proven while compiling
/// (`cfdo::checked<factory>`): its version (or, for a factory of
/// `upload_metadata`, the upload's whole metadata) replaces `op`'s, and only
/// what depends on run-time values is checked again — the path and query
/// parameters, and the upload's module part names — not the whole rule set
/// that `valid<>` has already run. Or every diagnostic when there is an
/// error.
///
///   using counter = cfdo::checked<counter_version>;
///   auto request = cfdo::make_request(cfdo::create_version{.account_id = a, .worker_id = "counter"}, counter{});
///
/// The version is judged as `valid<>` judged it, under its options: a
/// binding that names this Worker by `script_name` is told from one to
/// another Worker by the context factory's `script_name`, not by the path.
template <version_operation Operation, proven_configuration Proven>
[[nodiscard]] expected<request, std::vector<diagnostic>> try_make_request(Operation const& op, Proven) {
    return detail::try_make_request_for_proven_body(detail::with_proven_body<Operation, Proven>(op));
}

/// The same; throws `invalid_request` when a parameter breaks an error rule.
template <version_operation Operation, proven_configuration Proven>
[[nodiscard]] request make_request(Operation const& op, Proven proven) {
    return detail::request_or_throw(try_make_request(op, proven));
}

} // namespace cfdo

#if CFDO_HEADER_ONLY
#include <cfdo/api/impl/make_request.ipp>
#endif

#endif

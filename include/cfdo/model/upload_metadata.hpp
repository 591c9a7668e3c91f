// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_UPLOAD_METADATA_HPP_INCLUDED
#define CFDO_MODEL_UPLOAD_METADATA_HPP_INCLUDED

#include <cfdo/model/extra_fields.hpp>
#include <cfdo/model/json_names.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/model/worker_version.hpp>

#include <boost/describe/class.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace cfdo {

/// A Worker that receives this one's events (`tail_consumers`,
/// `streaming_tail_consumers`).
struct tail_consumer {
    required<"service"> service;
    std::optional<text> environment{};
    /// The dispatch namespace of `service`.
    std::optional<text> namespace_name{};

    friend constexpr bool operator==(tail_consumer const&, tail_consumer const&) = default;
};
BOOST_DESCRIBE_STRUCT(tail_consumer, (), (service, environment, namespace_name))

template <>
struct json_field_names<tail_consumer> {
    // `namespace` is a C++ keyword.
    static constexpr std::array renamed{renamed_field{"namespace_name", "namespace"}};
};

/// The logs of `observability`.
struct observability_logs {
    std::optional<bool> enabled{};
    std::optional<bool> invocation_logs{};
    std::optional<double> head_sampling_rate{};
    std::optional<bool> persist{};
    std::vector<text> destinations{};

    friend constexpr bool operator==(observability_logs const&, observability_logs const&) = default;
};
BOOST_DESCRIBE_STRUCT(observability_logs, (), (enabled, invocation_logs, head_sampling_rate, persist, destinations))

/// The traces of `observability`.
struct observability_traces {
    std::optional<bool> enabled{};
    std::optional<double> head_sampling_rate{};
    std::optional<bool> persist{};
    std::vector<text> destinations{};
    /// `authenticated` or `accept`.
    std::optional<text> propagation_policy{};

    friend constexpr bool operator==(observability_traces const&, observability_traces const&) = default;
};
BOOST_DESCRIBE_STRUCT(observability_traces, (),
                      (enabled, head_sampling_rate, persist, destinations, propagation_policy))

struct observability_issues {
    std::optional<bool> enabled{};

    friend constexpr bool operator==(observability_issues const&, observability_issues const&) = default;
};
BOOST_DESCRIBE_STRUCT(observability_issues, (), (enabled))

/// Workers Logs and traces. Everything is optional: wrangler sends what the
/// configuration writes, nothing more.
struct observability {
    std::optional<bool> enabled{};
    std::optional<double> head_sampling_rate{};
    std::optional<observability_logs> logs{};
    std::optional<observability_traces> traces{};
    std::optional<observability_issues> issues{};
    std::optional<bool> redact_query_string{};
    /// What cfdo does not model yet, sent as written.
    extra_fields extra{};

    friend constexpr bool operator==(observability const&, observability const&) = default;
};
BOOST_DESCRIBE_STRUCT(observability, (),
                      (enabled, head_sampling_rate, logs, traces, issues, redact_query_string, extra))

/// How running Durable Objects move to the new code: `immediate`, or
/// `deferred` for at most `max_delay` seconds (0 to 86400; wrangler's
/// default is deferred, 300).
struct code_update_strategy {
    required<"mode"> mode;
    std::optional<std::uint32_t> max_delay{};

    friend constexpr bool operator==(code_update_strategy const&, code_update_strategy const&) = default;
};
BOOST_DESCRIBE_STRUCT(code_update_strategy, (), (mode, max_delay))

/// The `metadata` of the classic script upload (`PUT .../workers/scripts/{script_name}`):
/// a version's fields, and those only this upload takes. The version's
/// fields are written beside the others, not under a key of their own; its
/// modules travel as multipart parts.
///
///   cfdo::upload_metadata{.version = counter_version(), .logpush = true,
///                         .observability = cfdo::observability{.enabled = true}}
struct upload_metadata {
    worker_version version{};
    /// Binding types the upload keeps from the deployed version when it does
    /// not send them (wrangler: `secret_text`, `secret_key`, and with
    /// `keep_vars` also `plain_text`, `json`).
    std::vector<text> keep_bindings{};
    /// Keep the deployed static assets.
    std::optional<bool> keep_assets{};
    std::optional<bool> logpush{};
    std::optional<cfdo::observability> observability{};
    std::vector<text> tags{};
    std::vector<tail_consumer> tail_consumers{};
    std::vector<tail_consumer> streaming_tail_consumers{};
    std::optional<cfdo::code_update_strategy> code_update_strategy{};
    /// The part holding a service-worker script (instead of `main_module`).
    std::optional<text> body_part{};

    friend constexpr bool operator==(upload_metadata const&, upload_metadata const&) = default;
};
BOOST_DESCRIBE_STRUCT(upload_metadata, (),
                      (version, keep_bindings, keep_assets, logpush, observability, tags, tail_consumers,
                       streaming_tail_consumers, code_update_strategy, body_part))

template <>
struct json_field_names<upload_metadata> {
    static constexpr std::array renamed{renamed_field{"version", json_inlined}};
};

/// The version an upload carries (so that code serves both bodies alike).
[[nodiscard]] constexpr worker_version const& version_of(upload_metadata const& m) noexcept { return m.version; }
[[nodiscard]] constexpr worker_version& version_of(upload_metadata& m) noexcept { return m.version; }
[[nodiscard]] constexpr worker_version const& version_of(worker_version const& v) noexcept { return v; }
[[nodiscard]] constexpr worker_version& version_of(worker_version& v) noexcept { return v; }

} // namespace cfdo

#endif

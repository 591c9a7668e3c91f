// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_WRANGLER_CHECK_CONFIG_HPP_INCLUDED
#define CFDO_WRANGLER_CHECK_CONFIG_HPP_INCLUDED

#include <cfdo/json/from_json.hpp>
#include <cfdo/json/parse.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/model/date.hpp>
#include <cfdo/model/deployed_state.hpp>
#include <cfdo/model/exports.hpp>
#include <cfdo/model/migrations.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/model/upload_metadata.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/history_rules.hpp>
#include <cfdo/rules/validation_context.hpp>
#include <cfdo/rules/version_rules.hpp>
#include <cfdo/wrangler/read_config.hpp>

#include <boost/json/parse.hpp>

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

namespace cfdo::wrangler {

/// What a configuration alone does not say.
struct check_options {
    /// The classes the entry module exports; when given (even empty), the
    /// rules about exports apply.
    std::optional<std::vector<text>> exported_classes{};
    /// What is assumed about the Worker as Cloudflare has it: unknown (the
    /// default), a first deploy, or a deployed state (a deployed tag alone
    /// is a state whose classes are not known).
    deployed_assumption deployed = unknown_state{};
    /// The day to compare compatibility_date with (default: today, UTC).
    std::optional<date> today{};
};

namespace detail {

inline validation_context context_of(worker_config const& config, check_options const& options) {
    return {.exported_classes = options.exported_classes,
            .script_name = config.name,
            .today = options.today,
            .deployed = options.deployed};
}

} // namespace detail

/// Every rule over a Worker read from a configuration, under the options'
/// assumption about what is deployed — as `validate(deployment)` — with each
/// diagnostic's path pointing into the configuration.
[[nodiscard]] inline std::vector<diagnostic> check(worker_config const& config, check_options const& options = {}) {
    auto found = validate(config.deployment, detail::context_of(config, options));
    // (A Worker whose `exports` declares its Durable Objects is checked
    // against them by the version rules, not against migrations.)
    // A blob or Wasm module section names its own file, which the upload
    // sends as the part: there are no modules to look the part up in.
    std::erase_if(found, [](diagnostic const& d) { return d.rule == "binding-part-missing"; });
    for (auto& d : found) d.path = text(config.location_of(d.path));
    return found;
}

/// The `migrations` to send when deploying the Worker, as wrangler computes
/// them from the deployed tag (none when everything is deployed; every step
/// when no tag is known).
[[nodiscard]] inline std::optional<multi_step_migration> plan(worker_config const& config,
                                                              check_options const& options = {}) {
    auto const version = payload(config.deployment, detail::context_of(config, options));
    if (!version.migrations) return std::nullopt;
    return version.migrations->get<multi_step_migration>();
}

/// The `metadata` of the classic upload of the configuration's Worker, as
/// wrangler 4.164 sends it for the deployed state the options assume: the
/// version (its migrations the steps after the deployed tag) with the
/// upload's own fields and wrangler's defaults. Its modules and
/// `main_module` are the caller's: cfdo does not bundle.
[[nodiscard]] inline upload_metadata upload_metadata_of(worker_config const& config,
                                                        check_options const& options = {}) {
    upload_metadata metadata = config.upload;
    metadata.version = payload(config.deployment, detail::context_of(config, options));
    // As wrangler's resolveExportsUploadPayload rebuilds the map: the Worker
    // entrypoints, then the Durable Objects, then the Workflows, each kind in
    // the configuration's order. (With Durable Object entries the history
    // is empty, so no migrations go out and no deployed tag is needed.)
    std::stable_sort(metadata.version.exports.begin(), metadata.version.exports.end(),
                     [](auto const& left, auto const& right) {
                         auto const rank = [](export_entry const& entry) {
                             return entry.holds<worker_export>() ? 0 : entry.holds<workflow_export>() ? 2 : 1;
                         };
                         return rank(left.value) < rank(right.value);
                     });
    if (!config.unsafe_metadata) return metadata;
    // As wrangler, `unsafe.metadata` last, over the rest: a modelled key
    // lands in its field, any other in the version's extra fields.
    auto merged = to_json(metadata);
    // (Read by the reader, so JSON within cfdo's depth limit.)
    auto const unsafe = parse_json(config.unsafe_metadata->view());
    if (!unsafe || !unsafe->is_object()) return metadata;
    for (auto const& [key, value] : unsafe->as_object()) merged.as_object()[key] = value;
    auto read = from_json<upload_metadata>(merged);
    return read ? std::move(*read) : metadata;
}

} // namespace cfdo::wrangler

#endif

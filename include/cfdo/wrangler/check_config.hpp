// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_WRANGLER_CHECK_CONFIG_HPP_INCLUDED
#define CFDO_WRANGLER_CHECK_CONFIG_HPP_INCLUDED

#include <cfdo/model/date.hpp>
#include <cfdo/model/migrations.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/history_rules.hpp>
#include <cfdo/rules/version_rules.hpp>
#include <cfdo/wrangler/read_config.hpp>

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
    /// The migration tag Cloudflare reports as deployed for this Worker.
    std::optional<text> deployed_tag{};
    /// The day to compare compatibility_date with (default: today, UTC).
    std::optional<date> today{};
};

namespace detail {

inline deployment deployment_of(worker_config const& config, check_options const& options) {
    auto worker = config.deployment;
    worker.deployed_tag = options.deployed_tag;
    return worker;
}

} // namespace detail

/// Every rule over a Worker read from a configuration: its history as a
/// whole, the deployed tag, and its bindings against the classes the history
/// leaves live — as `validate(deployment)` — with each diagnostic's path
/// pointing into the configuration.
[[nodiscard]] inline std::vector<diagnostic> check(worker_config const& config, check_options const& options = {}) {
    validation_context context{
        .exported_classes = options.exported_classes, .script_name = config.name, .today = options.today};
    auto const worker = detail::deployment_of(config, options);
    auto found = validate(worker, std::move(context));
    // The steps sent are those after the deployed tag (an empty tag is no
    // tag, as for plan_migrations).
    std::size_t first_sent_step = 0;
    if (worker.deployed_tag && !worker.deployed_tag->empty())
        if (auto const deployed = cfdo::detail::index_of_tag(worker.history, *worker.deployed_tag))
            first_sent_step = *deployed + 1;
    // A class the `exports` lifecycle declares is not created by migrations:
    // what says a binding's class lacks one does not apply to it.
    std::erase_if(found, [&](diagnostic const& d) {
        auto const& declared = config.classes_declared_by_exports;
        bool const about_the_lifecycle = d.rule == "binding-class-not-created" ||
                                         d.rule == "binding-class-not-created-here" ||
                                         d.rule == "binding-without-migrations";
        return about_the_lifecycle && std::find(declared.begin(), declared.end(), d.subject) != declared.end();
    });
    for (auto& d : found) d.path = text(config.location_of(d.path, first_sent_step));
    return found;
}

/// The `migrations` to send when deploying the Worker, as wrangler computes
/// them from the deployed tag (none when everything is deployed).
[[nodiscard]] inline std::optional<multi_step_migration> plan(worker_config const& config,
                                                              check_options const& options = {}) {
    auto const version = payload(detail::deployment_of(config, options));
    if (!version.migrations) return std::nullopt;
    return version.migrations->get<multi_step_migration>();
}

} // namespace cfdo::wrangler

#endif

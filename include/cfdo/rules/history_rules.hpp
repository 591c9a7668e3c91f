// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_HISTORY_RULES_HPP_INCLUDED
#define CFDO_RULES_HISTORY_RULES_HPP_INCLUDED

#include <cfdo/model/deployment.hpp>
#include <cfdo/model/migrations.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/json_location.hpp>
#include <cfdo/rules/migration_fold.hpp>
#include <cfdo/rules/name_table.hpp>
#include <cfdo/rules/version_rules.hpp>
#include <cfdo/support/utf8.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

// A Worker's whole migration history — wrangler's `[[migrations]]` list — and
// deploy planning: which of its steps to send, given the tag Cloudflare
// reports as deployed.

namespace cfdo {

namespace detail {

// A whole history's problems, with pointers below `list`.
constexpr void check_history(migration_history const& history, json_location const& list,
                             validation_context const& context, std::vector<diagnostic>& found) {
    name_table<named> tags(history.size());
    for (std::size_t i = 0; i < history.size(); ++i) {
        std::string_view const tag = history[i].tag;
        auto const where = list / i / "tag";
        if (check_tag_text(tag, "tag", where, found) && !tags.insert(tag))
            found.push_back(make_diagnostic("migration-tag-duplicate", tag, where.str()));
    }

    std::optional<std::string_view> script_name;
    if (context.script_name) script_name = *context.script_name;
    auto const fold = fold_history(
        history, list, fold_options{class_fate::absent, script_name, context.exported_classes.has_value()}, found);
    if (context.exported_classes) check_live_classes_exported(fold, &fold, exported_classes(context), found);
}

// The index of the entry tagged `tag`, or nothing.
constexpr std::optional<std::size_t> index_of_tag(migration_history const& history, std::string_view tag) {
    for (std::size_t i = 0; i < history.size(); ++i)
        if (history[i].tag == tag) return i;
    return std::nullopt;
}

} // namespace detail

/// Every problem of a whole history: tags (unique, not empty) and every step
/// applied in order from a Worker without classes. Pointers are into the
/// list, as a wrangler configuration spells it: `/migrations/3/renamed_classes/0/to`.
[[nodiscard]] constexpr std::vector<diagnostic> validate(migration_history const& history,
                                                         validation_context const& context = {}) {
    std::vector<diagnostic> found;
    detail::check_history(history, detail::json_location("/migrations"), context, found);
    return found;
}

/// Which steps of `history` to send when Cloudflare reports `deployed_tag`
/// (none, or empty: the Worker has no migration tag), as wrangler computes them:
/// nothing deployed — every step, with the last tag as `new_tag`; the tag of
/// step i deployed — the steps after i, with `old_tag`; the last tag
/// deployed — nothing (an empty optional).
///
/// Unlike wrangler, a deployed tag missing from the history is an error
/// (`deployed-tag-missing`, reported to `out`) rather than a replay of every
/// step, which Cloudflare refuses (10074).
[[nodiscard]] constexpr std::optional<multi_step_migration>
plan_migrations(migration_history const& history, std::optional<std::string_view> deployed_tag,
                std::vector<diagnostic>& out) {
    // An empty deployed tag reads as none, as wrangler reads it; an empty
    // history sends nothing, whatever is deployed (wrangler's guard too).
    if (deployed_tag && deployed_tag->empty()) deployed_tag.reset();
    if (history.empty()) return std::nullopt;
    std::size_t first_to_send = 0;
    if (deployed_tag) {
        auto const deployed = detail::index_of_tag(history, *deployed_tag);
        if (!deployed) {
            out.push_back(make_diagnostic("deployed-tag-missing", *deployed_tag, "/migrations"));
            return std::nullopt;
        }
        first_to_send = *deployed + 1;
    }
    if (first_to_send >= history.size()) return std::nullopt;

    multi_step_migration plan;
    if (deployed_tag) plan.old_tag = *deployed_tag;
    plan.new_tag = history.back().tag;
    plan.steps.reserve(history.size() - first_to_send);
    for (std::size_t i = first_to_send; i < history.size(); ++i) plan.steps.push_back(history[i].step());
    return plan;
}

/// The version a deployment sends: its migrations are the steps of the
/// history after the deployed tag (none when it is up to date, or when the
/// deployed tag is not in the history — which `validate` reports).
[[nodiscard]] constexpr worker_version payload(deployment const& d) {
    std::vector<diagnostic> ignored;
    auto version = d.version;
    version.migrations.reset();
    std::optional<std::string_view> deployed;
    if (d.deployed_tag) deployed = *d.deployed_tag;
    if (auto plan = plan_migrations(d.history, deployed, ignored)) version.migrations = std::move(*plan);
    return version;
}

/// Every problem of a deployment: the history as a whole (at `/history/...`),
/// the deployed tag (`/deployed_tag`), and the version (at `/version/...`)
/// with its bindings checked against the classes the whole history leaves
/// live — a delete among the steps to send being `delete-while-bound`, one
/// already applied `binding-to-deleted-class`.
[[nodiscard]] constexpr std::vector<diagnostic> validate(deployment const& d, validation_context context = {}) {
    std::vector<diagnostic> found;
    // The classes the history leaves live are checked against the exports
    // with the version, below, not twice.
    auto history_context = context;
    history_context.exported_classes.reset();
    detail::check_history(d.history, detail::json_location("/history"), history_context, found);

    // A deployed tag the history lacks means the history was pruned: it is
    // no whole history, so the version is checked as one that continues
    // after the deployed tag, over classes cfdo cannot see.
    bool const tag_known =
        !d.deployed_tag || d.deployed_tag->empty() || detail::index_of_tag(d.history, *d.deployed_tag);
    if (!tag_known) found.push_back(make_diagnostic("deployed-tag-missing", *d.deployed_tag, "/deployed_tag"));
    else context.history = d.history;

    // (Two statements: GCC 12 mishandles a conditional expression that copies
    // an allocating value in a constant expression.)
    worker_version version = d.version;
    if (tag_known) version = payload(d);
    else version.migrations = multi_step_migration{.old_tag = *d.deployed_tag};
    detail::check_version(version, context, version_layout{"/version", "/version/modules", "/history"}, false, found);
    return found;
}

} // namespace cfdo

#endif

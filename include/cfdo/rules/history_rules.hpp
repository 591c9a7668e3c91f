// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_HISTORY_RULES_HPP_INCLUDED
#define CFDO_RULES_HISTORY_RULES_HPP_INCLUDED

#include <cfdo/model/deployed_state.hpp>
#include <cfdo/model/deployment.hpp>
#include <cfdo/model/migrations.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/json_location.hpp>
#include <cfdo/rules/lifecycle.hpp>
#include <cfdo/rules/migration_fold.hpp>
#include <cfdo/rules/name_table.hpp>
#include <cfdo/rules/validation_context.hpp>
#include <cfdo/rules/version_rules.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

// A Worker's whole migration history — wrangler's `[[migrations]]` list — and
// deploy planning: which of its steps to send, given the tag Cloudflare
// reports as deployed.

namespace cfdo {

namespace detail {

// The tags of a history: each says something, in UTF-8, once.
constexpr void check_history_tags(migration_history const& history, json_location const& list,
                                  std::vector<diagnostic>& found) {
    name_table<named> tags(history.size());
    for (std::size_t i = 0; i < history.size(); ++i) {
        std::string_view const tag = history[i].tag;
        auto const where = list / i / "tag";
        if (check_tag_text(tag, "tag", where, found) && !tags.insert(tag))
            found.push_back(make_diagnostic("migration-tag-duplicate", tag, where.str()));
    }
}

} // namespace detail

/// Every problem of a whole history under the context's assumption about
/// the deployed Worker: its tags (unique, not empty), and its steps applied
/// in order — all of them from a Worker without classes on a first deploy,
/// those after the deployed tag over the deployed classes with a deployed
/// state, all of them over classes that may or may not be deployed when
/// nothing is known (the default). Pointers are into the list, as a
/// wrangler configuration spells it: `/migrations/3/renamed_classes/0/to`.
[[nodiscard]] constexpr std::vector<diagnostic> validate(migration_history const& history,
                                                         validation_context const& context = {}) {
    std::vector<diagnostic> found;
    detail::json_location const list("/migrations");
    detail::check_history_tags(history, list, found);
    auto const fold = detail::fold_history_under(history, list, context, found);
    if (context.exported_classes) detail::check_live_classes_exported(fold, detail::exported_classes(context), found);
    return found;
}

/// Which steps of `history` to send when Cloudflare reports `deployed_tag`
/// (none, or empty: the Worker has no migration tag), as wrangler computes
/// them: nothing deployed — every step, with the last tag as `new_tag`; the
/// tag of step i deployed — the steps after i, with `old_tag`; the last tag
/// deployed — nothing (an empty optional). A deployed tag the history lacks
/// (a pruned or edited history) is replayed as wrangler replays it: every
/// step, with that tag as `old_tag`; `validate` warns about it
/// (`deployed-tag-missing`), and with a deployed state it says where the
/// replay conflicts with the deployed classes.
[[nodiscard]] constexpr std::optional<multi_step_migration>
plan_migrations(migration_history const& history, std::optional<std::string_view> deployed_tag) {
    // An empty deployed tag reads as none, as wrangler reads it; an empty
    // history sends nothing, whatever is deployed (wrangler's guard too).
    if (deployed_tag && deployed_tag->empty()) deployed_tag.reset();
    if (history.empty()) return std::nullopt;
    std::size_t first_to_send = 0;
    if (deployed_tag)
        if (auto const deployed = detail::index_of_tag(history, *deployed_tag)) first_to_send = *deployed + 1;
    if (first_to_send >= history.size()) return std::nullopt;

    multi_step_migration plan;
    if (deployed_tag) plan.old_tag = *deployed_tag;
    plan.new_tag = history.back().tag;
    plan.steps.reserve(history.size() - first_to_send);
    for (std::size_t i = first_to_send; i < history.size(); ++i) plan.steps.push_back(history[i].step());
    return plan;
}

/// The version a deployment sends under the context's assumption: its
/// migrations are the steps of the history after the deployed tag (every
/// step when no tag is known: a Worker without one, as wrangler sends it).
[[nodiscard]] constexpr worker_version payload(deployment const& d, validation_context const& context = {}) {
    auto version = d.version;
    version.migrations.reset();
    std::optional<std::string_view> deployed;
    if (auto const tag = detail::assumed_tag(context)) deployed = *tag;
    if (auto plan = plan_migrations(d.history, deployed)) version.migrations = std::move(*plan);
    return version;
}

/// Every problem of a deployment under the context's assumption: the
/// history (at `/history/...`: its tags, and its steps as `validate(history)`
/// checks them), and the version (at `/version/...`) with its bindings
/// checked against the classes the history leaves live — a delete among the
/// steps sent being `delete-while-bound`, one already applied
/// `binding-to-deleted-class`. Migrations written on the version itself are
/// an error: the history is the one place they are read from.
[[nodiscard]] constexpr std::vector<diagnostic> validate(deployment const& d, validation_context context = {}) {
    std::vector<diagnostic> found;
    detail::check_history_tags(d.history, detail::json_location("/history"), found);
    if (d.version.migrations)
        found.push_back(make_diagnostic("deployment-version-has-migrations", "migrations", "/version/migrations"));
    context.history = d.history;
    detail::check_version(payload(d, context), context, version_layout{"/version", "/version/modules", "/history"},
                          found);
    return found;
}

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_HISTORY_RULES_HPP_INCLUDED
#define CFDO_RULES_HISTORY_RULES_HPP_INCLUDED

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

/// Every problem of a whole history: tags (unique, not empty) and every step
/// applied in order from a Worker without classes. Pointers are into the
/// list, as a wrangler configuration spells it: `/migrations/3/renamed_classes/0/to`.
[[nodiscard]] constexpr std::vector<diagnostic> validate(migration_history const& history,
                                                         validation_context const& context = {}) {
    std::vector<diagnostic> found;
    detail::json_location const list("/migrations");

    detail::name_table<detail::named> tags(history.size());
    std::size_t names = 0;
    for (std::size_t i = 0; i < history.size(); ++i) {
        std::string_view const tag = history[i].tag;
        if (tag.empty()) found.push_back(make_diagnostic("migration-tag-empty", "tag", (list / i / "tag").str()));
        else if (!is_utf8(tag)) found.push_back(make_diagnostic("text-not-utf8", "tag", (list / i / "tag").str()));
        else if (!tags.insert(tag))
            found.push_back(make_diagnostic("migration-tag-duplicate", tag, (list / i / "tag").str()));
        names += detail::names_mentioned(history[i]);
    }

    std::optional<std::string_view> script_name;
    if (context.script_name) script_name = *context.script_name;
    detail::migration_fold fold(
        names, detail::fold_options{detail::class_fate::absent, script_name, context.exported_classes.has_value()},
        found);
    for (std::size_t i = 0; i < history.size(); ++i) fold.apply(history[i], list / i);
    detail::check_live_classes_exported(fold, context, found);
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
[[nodiscard]] constexpr std::optional<multi_step_migration> plan_migrations(
    migration_history const& history, std::optional<std::string_view> deployed_tag,
    std::vector<diagnostic>& out) {
    // An empty deployed tag reads as none, as wrangler reads it.
    if (deployed_tag && deployed_tag->empty()) deployed_tag.reset();
    std::size_t first_to_send = 0;
    if (deployed_tag) {
        std::size_t deployed = history.size();
        for (std::size_t i = 0; i < history.size(); ++i)
            if (history[i].tag == *deployed_tag) {
                deployed = i;
                break;
            }
        if (deployed == history.size()) {
            out.push_back(make_diagnostic("deployed-tag-missing", *deployed_tag, "/migrations"));
            return std::nullopt;
        }
        first_to_send = deployed + 1;
    }
    if (first_to_send >= history.size()) return std::nullopt;

    multi_step_migration plan;
    if (deployed_tag) plan.old_tag = *deployed_tag;
    plan.new_tag = history.back().tag;
    plan.steps.reserve(history.size() - first_to_send);
    for (std::size_t i = first_to_send; i < history.size(); ++i) plan.steps.push_back(history[i].step());
    return plan;
}

} // namespace cfdo

#endif

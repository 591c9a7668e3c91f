// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_LIFECYCLE_HPP_INCLUDED
#define CFDO_RULES_LIFECYCLE_HPP_INCLUDED

#include <cfdo/model/binding_kinds.hpp>
#include <cfdo/model/deployed_state.hpp>
#include <cfdo/model/migrations.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/class_registry.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/json_location.hpp>
#include <cfdo/rules/migration_fold.hpp>
#include <cfdo/rules/name_table.hpp>
#include <cfdo/rules/validation_context.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

// The Durable Object classes of a Worker under what is assumed about it:
// which migrations are already applied, which are sent, and what the
// classes are before them. Every rule about classes reads the fold this
// builds.
//
//   assumption            classes before the steps checked     steps checked (of a history)
//   first deploy          none                                 every step
//   deployed state        its live classes (nothing else)      those after its tag
//   deployed tag alone    those the applied steps leave,       those after the tag
//                         else unknown
//   unknown (default)     unknown                              every step
//
// A class that is unknown when a step first mentions it is taken as absent
// if the step creates it, and as possibly deployed if the step relies on it
// (a rename or a delete; a binding, later): what only the deployed state
// decides is then a warning that says so. A deployed tag missing from a
// non-empty history is a warning, and the history is replayed as wrangler
// replays it, every step over the deployed classes.

namespace cfdo::detail {

// A tag that is present but empty reads as no tag, as it does for wrangler
// and Cloudflare (the catalogue's migration-tag-empty warns about it).
constexpr bool has_tag(std::optional<text> const& tag) noexcept { return tag && !tag->empty(); }

// (The helpers below test `holds` instead of comparing pointers with null:
// GCC 12 cannot compare the address of a temporary's member with null in a
// constant expression, and contexts are often temporaries.)

/// True when the context assumes a deployed state whose classes are known.
constexpr bool deployed_classes_known(validation_context const& context) {
    return context.deployed.holds<deployed_state>() && context.deployed.get<deployed_state>().classes.has_value();
}

/// The deployed migration tag under the assumption: none on a first deploy
/// or for a Worker without one; nothing at all (not known) when unknown.
constexpr std::optional<std::optional<std::string_view>> assumed_tag(validation_context const& context) {
    if (context.deployed.holds<unknown_state>()) return std::nullopt;
    std::optional<std::string_view> tag;
    if (context.deployed.holds<deployed_state>())
        if (auto const& deployed = context.deployed.get<deployed_state>().migration_tag; has_tag(deployed))
            tag = *deployed;
    return tag;
}

constexpr class_storage storage_of(durable_object_storage storage) noexcept {
    return storage == durable_object_storage::sqlite ? class_storage::sqlite : class_storage::key_value;
}

/// A fold that starts from the classes the assumption gives: the deployed
/// classes seeded when they are known — unless `applied_steps_first`, when
/// the caller folds the applied steps over unknown classes first, then
/// reconciles them with the deployed ones (`reconcile_with_state`).
constexpr migration_fold start_fold(std::size_t names, validation_context const& context, std::vector<diagnostic>& out,
                                    bool applied_steps_first = false) {
    bool const seeded = deployed_classes_known(context) && !applied_steps_first;
    bool const classes_known = seeded || context.deployed.holds<first_deploy>();
    fold_options options{classes_known ? class_fate::absent : class_fate::unknown, std::nullopt,
                         context.exported_classes.has_value()};
    if (context.script_name) options.script_name = *context.script_name;
    if (!seeded) return migration_fold(names, options, out);
    auto const& live_classes = *context.deployed.get<deployed_state>().classes;
    migration_fold fold(names + live_classes.size(), options, out);
    for (auto const& live : live_classes) fold.seed_live(live.class_name, storage_of(live.storage));
    return fold;
}

/// After the applied steps: the deployed classes, when known, are the truth.
constexpr void reconcile_with_state(migration_fold& fold, validation_context const& context) {
    if (!deployed_classes_known(context)) return;
    fold.reconcile_with_deployed([&](auto&& mark) {
        for (auto const& live : *context.deployed.get<deployed_state>().classes)
            mark(live.class_name, storage_of(live.storage));
    });
}

// A binding is to a class of this Worker when it names no other script.
constexpr bool binds_own_class(durable_object_binding const& b, validation_context const& context) {
    if (!b.class_name) return false;
    return !b.script_name || (context.script_name && *b.script_name == *context.script_name);
}

/// Calls `check(class_name, where)` for each Durable Object binding of
/// `bindings` to a class of this Worker, `where` the pointer of its
/// `class_name` below `at`: what the lifecycle rules, of migrations or of
/// exports, hold against the classes.
template <class Bindings, class Location, class Check>
constexpr void for_each_own_class_binding(Bindings const& bindings, validation_context const& context,
                                          Location const& at, Check&& check) {
    for (std::size_t i = 0; i < bindings.size(); ++i) {
        if (!bindings[i].template holds<durable_object_binding>()) continue;
        auto const& b = bindings[i].template get<durable_object_binding>();
        if (binds_own_class(b, context)) check(std::string_view(*b.class_name), (at / i / "class_name").str());
    }
}

// The classes the entry module exports, for the rules that need them.
constexpr name_table<named> exported_classes(validation_context const& context) {
    name_table<named> exported(context.exported_classes->size());
    for (auto const& name : *context.exported_classes) exported.insert(name);
    return exported;
}

/// The index of the entry tagged `tag`, or nothing.
constexpr std::optional<std::size_t> index_of_tag(migration_history const& history, std::string_view tag) {
    for (std::size_t i = 0; i < history.size(); ++i)
        if (history[i].tag == tag) return i;
    return std::nullopt;
}

/// Which steps of a history are sent: those from `first_sent` on;
/// `replayed` when the deployed tag is not in the history, and every step
/// goes again (as wrangler sends them, with that tag as old_tag).
struct history_plan {
    std::size_t first_sent = 0;
    bool replayed = false;
    std::optional<std::string_view> deployed_tag{};
};

/// The plan for `history` under the assumption: after its deployed tag
/// (every step for a Worker without one). When nothing is known and the
/// caller sends `payload`, the migrations it planned say where the deployed
/// tag is: after its `old_tag`, every step without one, none without
/// migrations.
constexpr history_plan plan_of(migration_history const& history, validation_context const& context,
                               std::optional<migrations> const* payload = nullptr) {
    auto tag = assumed_tag(context);
    if (!tag && payload) {
        if (!*payload) return {history.size(), false, {}};
        tag.emplace();
        if (auto const& old_tag = old_tag_of(**payload); has_tag(old_tag)) *tag = *old_tag;
    }
    if (!tag || !*tag) return {};
    if (auto const deployed = index_of_tag(history, **tag)) return {*deployed + 1, false, *tag};
    return {0, !history.empty(), *tag};
}

/// The classes after a whole history, its entries at `list / i`, the steps
/// sent reported into `out`. Before them: the applied steps folded quietly
/// (what they renamed or deleted), then the deployed state's classes, when
/// known, as the truth of what is live. `payload`, when given, is what the
/// caller sends (see `plan_of`).
constexpr migration_fold fold_history_under(migration_history const& history, json_location const& list,
                                            validation_context const& context, std::vector<diagnostic>& out,
                                            std::optional<migrations> const* payload = nullptr) {
    auto const plan = plan_of(history, context, payload);
    if (plan.replayed) out.push_back(make_diagnostic("deployed-tag-missing", *plan.deployed_tag, list.str()));
    std::size_t names = 0;
    for (auto const& entry : history) names += names_mentioned(entry);
    bool const applied_first = plan.first_sent > 0;
    auto fold = start_fold(names, context, out, applied_first);
    if (applied_first) {
        fold.fold_applied_steps();
        for (std::size_t i = 0; i < plan.first_sent; ++i) fold.apply(history[i], list / i);
        reconcile_with_state(fold, context);
        fold.fold_sent_steps();
    }
    for (std::size_t i = plan.first_sent; i < history.size(); ++i) fold.apply(history[i], list / i);
    return fold;
}

/// Calls `apply(step, location)` for each step of either form, in order.
template <class Apply>
constexpr void for_each_step(migrations const& m, json_location where, Apply&& apply) {
    if (m.holds<single_step_migration>()) return apply(m.get<single_step_migration>(), where);
    auto const& steps = m.get<multi_step_migration>().steps;
    for (std::size_t i = 0; i < steps.size(); ++i) apply(steps[i], where / "steps" / i);
}

constexpr std::size_t names_mentioned(migrations const& m) {
    std::size_t count = 0;
    for_each_step(m, json_location(), [&](auto const& step, json_location) { count += names_mentioned(step); });
    return count;
}

/// The payload's `old_tag` must be the deployed tag (and be absent exactly
/// when the Worker has none): Cloudflare refuses the migrations otherwise
/// (10079). Decided only when the deployed tag is assumed.
constexpr void check_old_tag(migrations const& m, validation_context const& context, json_location const& where,
                             std::vector<diagnostic>& out) {
    auto const deployed = assumed_tag(context);
    if (!deployed) return;
    auto const& sent = old_tag_of(m);
    bool const agrees = has_tag(sent) ? *deployed && *sent == **deployed : !*deployed;
    if (agrees) return;
    std::string_view const expected = *deployed ? **deployed : std::string_view("none");
    out.push_back(
        make_diagnostic("migration-old-tag-mismatch", expected, (has_tag(sent) ? where / "old_tag" : where).str()));
}

/// The classes after a payload's migrations (none: the classes before),
/// its steps reported into `out`.
constexpr migration_fold fold_payload_under(std::optional<migrations> const& m, validation_context const& context,
                                            json_location const& where, std::vector<diagnostic>& out) {
    if (!m) return start_fold(0, context, out);
    check_old_tag(*m, context, where, out);
    auto fold = start_fold(names_mentioned(*m), context, out);
    for_each_step(*m, where, [&](auto const& step, json_location at) { fold.apply(step, at); });
    return fold;
}

} // namespace cfdo::detail

#endif

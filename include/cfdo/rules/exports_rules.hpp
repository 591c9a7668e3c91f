// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_EXPORTS_RULES_HPP_INCLUDED
#define CFDO_RULES_EXPORTS_RULES_HPP_INCLUDED

#include <cfdo/model/deployed_state.hpp>
#include <cfdo/model/exports.hpp>
#include <cfdo/model/worker_version.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/class_registry.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/json_location.hpp>
#include <cfdo/rules/lifecycle.hpp>
#include <cfdo/rules/migration_fold.hpp>
#include <cfdo/rules/name_table.hpp>
#include <cfdo/rules/suggestion.hpp>
#include <cfdo/rules/validation_context.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

// The rules of the declarative `exports`. Each entry is checked on its own
// and against the map (names, states, storages, renames, containers,
// transfers). When the map declares Durable Object classes, it is the
// Worker's whole lifecycle, as Cloudflare reconciles it at upload: a class
// has a namespace exactly when it has a live entry, so a binding to any
// other class is refused in every deployed state, and the deployed classes
// decide the storage and what the tombstones do.
//
//   assumption         legacy-kv entry (relies on a live KV class)   deployed classes vs the map
//   unknown (default)  a warning that says so                        not checked
//   first deploy       an error (nothing is deployed)                tombstones are stale (info)
//   deployed state     exact                                         exact

namespace cfdo::detail {

/// The Durable Object classes a map declares live, as a fold the version
/// field rules read (a container's class must be one of them): every other
/// class is absent, whatever is deployed, since Cloudflare creates no
/// namespace the map does not declare.
constexpr migration_fold classes_of_exports(exports_map const& exports, std::vector<diagnostic>& out) {
    migration_fold fold(exports.size(), fold_options{}, out);
    for (auto const& [name, entry] : exports)
        if (auto const storage = storage_of(entry); storage && is_live_durable_object(entry))
            fold.seed_live(name,
                           *storage == export_storage::legacy_kv ? class_storage::key_value : class_storage::sqlite);
    return fold;
}

// The live Durable Object entries' names, for suggestions.
constexpr std::vector<std::string_view> live_export_names(exports_map const& exports) {
    std::vector<std::string_view> names;
    for (auto const& [name, entry] : exports)
        if (is_live_durable_object(entry)) names.push_back(name);
    return names;
}

// Names to positions, looked up by hash: the rules look an entry up for
// each binding, rename and deployed class, and a map of thousands of
// entries must not make that quadratic.
struct indexed_name {
    std::string_view name;
    bool ascii = true;
    std::size_t index = 0;
};
using name_index = name_table<indexed_name>;

// The position of each name of `items` (the last, for a name given twice,
// as the JSON object keeps it).
template <class Items, class NameOf>
constexpr name_index index_names(Items const& items, NameOf name_of) {
    name_index index(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) index.at(index.index_of(name_of(items[i]))).index = i;
    return index;
}

constexpr name_index index_of(exports_map const& exports) {
    return index_names(exports, [](auto const& entry) { return std::string_view(entry.key); });
}

// The entry named `name`, or null.
constexpr export_entry const* entry_named(exports_map const& exports, name_index const& index, std::string_view name) {
    auto const* found = index.find(name);
    return found ? &exports[found->index].value : nullptr;
}

// What one entry says, checked against the map and the version it is in.
class export_entry_checker {
public:
    constexpr export_entry_checker(worker_version const& version, validation_context const& context,
                                   json_location const& exports, std::vector<diagnostic>& out)
        : version_(version), context_(context), exports_(exports), out_(out), containers_(version.exports.size()),
          declared_containers_(version.containers.size()), entries_(index_of(version.exports)) {
        // Looked up once per entry: a table, so that many entries naming
        // many containers cost no more than reading them.
        for (auto const& declared : version.containers) {
            if (declared.name) declared_containers_.insert(*declared.name);
            else all_containers_named_ = false;
        }
    }

    constexpr void check(std::string_view name, export_entry const& entry) {
        auto const at = exports_ / name;
        entry.visit([&](auto const& kind) { check_kind(name, kind, at); });
    }

private:
    constexpr void report(std::string_view rule, std::string_view subject, json_location const& where) {
        out_.push_back(make_diagnostic(rule, subject, where.str()));
    }

    // A live entry's `state` may only say what its type already does.
    constexpr void check_state(std::string_view name, std::optional<text> const& state, json_location const& at) {
        if (state && *state != "created") report("export-state-unknown", name, at / "state");
    }

    constexpr void check_storage(std::string_view name, std::string_view storage, json_location const& at) {
        if (storage != export_storage::sqlite && storage != export_storage::legacy_kv)
            report("export-storage-unknown", name, at / "storage");
    }

    // A container: SQLite only, declared by the version, backing one class.
    constexpr void check_container(std::string_view name, std::string_view storage,
                                   std::optional<text> const& container, json_location const& at) {
        if (!container) return;
        auto const where = at / "container";
        if (storage == export_storage::legacy_kv) report("export-container-on-legacy-kv", name, where);
        // Only the names given can be matched: a container without one (the
        // SDK's form) might be it, so it is not held against the entry.
        if (!declared_containers_.find(*container) && all_containers_named_)
            report("export-container-undeclared", name, where);
        if (!containers_.insert(*container)) report("export-container-shared", *container, where);
    }

    // A transfer goes between two Workers: the other side is never this one.
    constexpr void check_other_worker(std::string_view name, std::string_view worker, json_location const& where) {
        if (context_.script_name && worker == *context_.script_name)
            report("export-transfer-within-worker", name, where);
    }

    constexpr void check_kind(std::string_view name, durable_object_export const& live, json_location const& at) {
        check_state(name, live.state, at);
        check_storage(name, live.storage, at);
        check_container(name, live.storage, live.container, at);
    }

    constexpr void check_kind(std::string_view name, durable_object_expecting_transfer_export const& expecting,
                              json_location const& at) {
        check_storage(name, expecting.storage, at);
        check_container(name, expecting.storage, expecting.container, at);
        check_other_worker(name, expecting.transfer_from, at / "transfer_from");
    }

    constexpr void check_kind(std::string_view, durable_object_deleted_export const&, json_location const&) {}

    constexpr void check_kind(std::string_view name, durable_object_renamed_export const& renamed,
                              json_location const& at) {
        std::string_view const target = renamed.renamed_to;
        auto const where = at / "renamed_to";
        if (target == name) return report("export-rename-to-itself", name, where);
        auto const* live = entry_named(version_.exports, entries_, target);
        if (!live || !is_live_durable_object(*live)) {
            report("export-rename-target-not-live", name, where);
            if (!live_names_) live_names_ = live_export_names(version_.exports);
            out_.back().suggestion = closest_name(target, *live_names_);
        }
    }

    constexpr void check_kind(std::string_view name, durable_object_transferred_export const& transferred,
                              json_location const& at) {
        check_other_worker(name, transferred.transferred_to, at / "transferred_to");
    }

    constexpr void check_kind(std::string_view name, worker_export const& worker, json_location const& at) {
        check_state(name, worker.state, at);
    }

    constexpr void check_kind(std::string_view, workflow_export const&, json_location const&) {}

    worker_version const& version_;
    validation_context const& context_;
    json_location const& exports_;
    std::vector<diagnostic>& out_;
    name_table<named> containers_;
    name_table<named> declared_containers_;
    bool all_containers_named_ = true;
    name_index entries_;
    // For suggestions, made when the first one is needed.
    std::optional<std::vector<std::string_view>> live_names_{};
};

/// Every entry of the version's `exports` on its own and against the map.
constexpr void check_export_entries(worker_version const& version, validation_context const& context,
                                    json_location const& exports, std::vector<diagnostic>& out) {
    name_table<named> names(version.exports.size());
    export_entry_checker checker(version, context, exports, out);
    for (auto const& [name, entry] : version.exports) {
        if (name.empty()) out.push_back(make_diagnostic("export-name-empty", "exports", (exports / name).str()));
        else if (!names.insert(name))
            out.push_back(make_diagnostic("export-name-duplicate", name, (exports / name).str()));
        checker.check(name, entry);
    }
}

// Each local Durable Object binding needs a live entry: Cloudflare creates
// no namespace the map does not declare, and keeps none for a tombstone.
constexpr void check_bindings_against_exports(worker_version const& version, validation_context const& context,
                                              json_location const& bindings, std::vector<diagnostic>& out) {
    auto const entries = index_of(version.exports);
    std::optional<std::vector<std::string_view>> live_names; // for suggestions, made once when needed
    for_each_own_class_binding(version.bindings, context, bindings,
                               [&](std::string_view class_name, text const& where) {
                                   auto const* entry = entry_named(version.exports, entries, class_name);
                                   if (entry && is_live_durable_object(*entry)) return;
                                   if (entry && is_durable_object_entry(*entry)) {
                                       out.push_back(make_diagnostic("binding-to-export-tombstone", class_name, where));
                                       return;
                                   }
                                   out.push_back(make_diagnostic("binding-class-not-in-exports", class_name, where));
                                   if (!live_names) live_names = live_export_names(version.exports);
                                   out.back().suggestion = closest_name(class_name, *live_names);
                               });
}

// The map against the classes the entry module exports: a live class must
// be there, a deleted one gone.
constexpr void check_exports_against_code(exports_map const& exports, name_table<named> const& in_code,
                                          json_location const& where, std::vector<diagnostic>& out) {
    for (auto const& [name, entry] : exports) {
        if (is_live_durable_object(entry) && !in_code.find(name))
            out.push_back(make_diagnostic("export-class-not-in-code", name, (where / name).str()));
        else if (entry.holds<durable_object_deleted_export>() && in_code.find(name))
            out.push_back(make_diagnostic("export-deleted-class-in-code", name, (where / name).str()));
    }
}

// A `legacy-kv` entry relies on a class live as key-value: deployed under
// its name, or renamed onto it by this upload (a rename moves the namespace,
// its storage with it, onto a class that has none). A storage never changes;
// every deployed class keeps an entry; a tombstone for a class that is not
// deployed does nothing. Exact under a deployed state whose classes are
// known; what relies on the state is a warning when it is not known.
constexpr void check_exports_against_deployed(exports_map const& exports, validation_context const& context,
                                              json_location const& where, std::vector<diagnostic>& out) {
    bool const known = deployed_classes_known(context);
    bool const nothing_deployed = context.deployed.holds<first_deploy>();
    deployed_state const* state = known ? &context.deployed.get<deployed_state>() : nullptr;
    auto const deployed_classes = [&] {
        // (Not a conditional expression: GCC 12 mishandles one that builds
        // an allocating value in a constant expression.)
        if (!state) return name_index(0);
        return index_names(*state->classes, [](auto const& c) { return std::string_view(c.class_name); });
    }();
    auto const deployed_named = [&](std::string_view name) -> deployed_class const* {
        auto const* found = deployed_classes.find(name);
        return found ? &(*state->classes)[found->index] : nullptr;
    };
    // The tombstones first: what a rename of this upload moves a deployed
    // namespace onto (the class then has that namespace, and its storage).
    name_index moved_in(exports.size());
    for (auto const& [name, entry] : exports) {
        bool const tombstone = is_durable_object_entry(entry) && !is_live_durable_object(entry);
        if (!tombstone || !(known || nothing_deployed)) continue;
        auto const* source = deployed_named(name);
        if (!source) {
            out.push_back(make_diagnostic("export-tombstone-stale", name, (where / name).str()));
        } else if (entry.holds<durable_object_renamed_export>()) {
            // Onto a class that has a namespace already: deployed, or moved
            // there by an earlier rename. (A stale rename moves nothing, so
            // two renames onto one class are fine unless both are deployed.)
            std::string_view const target = entry.get<durable_object_renamed_export>().renamed_to;
            if (target == name) continue;
            if (deployed_named(target) || moved_in.find(target))
                out.push_back(
                    make_diagnostic("export-rename-target-taken", target, (where / name / "renamed_to").str()));
            else
                moved_in.at(moved_in.index_of(target)).index =
                    static_cast<std::size_t>(source - state->classes->data());
        }
    }
    // Then each live class against the namespace it will have.
    for (auto const& [name, entry] : exports) {
        if (!entry.holds<durable_object_export>()) continue;
        auto const at = where / name / "storage";
        std::string_view const storage = entry.get<durable_object_export>().storage;
        deployed_class const* namespace_of = deployed_named(name);
        if (auto const* moved = moved_in.find(name); !namespace_of && moved)
            namespace_of = &(*state->classes)[moved->index];
        bool const kv_namespace = namespace_of && namespace_of->storage == durable_object_storage::kv;
        if (storage == export_storage::legacy_kv && !kv_namespace) {
            if (namespace_of) out.push_back(make_diagnostic("export-storage-changed", name, at.str()));
            else if (known || nothing_deployed)
                out.push_back(make_diagnostic("export-legacy-kv-not-deployed", name, at.str()));
            else out.push_back(make_state_dependent_diagnostic("export-legacy-kv-not-deployed", name, at.str()));
        } else if (storage == export_storage::sqlite && kv_namespace) {
            out.push_back(make_diagnostic("export-storage-changed", name, at.str()));
        }
    }
    if (!state) return;
    auto const entries = index_of(exports);
    for (auto const& deployed : *state->classes) {
        auto const* entry = entry_named(exports, entries, deployed.class_name);
        if (!entry || !is_durable_object_entry(*entry))
            out.push_back(make_diagnostic("deployed-class-not-in-exports", deployed.class_name, where.str()));
    }
}

/// The declarative lifecycle of a version whose `exports` has Durable
/// Object entries: not beside migrations, against its bindings, its code
/// (when the context gives the entry module's exports) and the deployed
/// classes (when the context gives them).
constexpr void check_exports_lifecycle(worker_version const& version, validation_context const& context,
                                       version_layout const& layout, std::vector<diagnostic>& out) {
    json_location const fields(layout.fields);
    // (Migrations that say nothing — no tag, no class — are no lifecycle.)
    if (version.migrations && (names_mentioned(*version.migrations) > 0 || has_tag(new_tag_of(*version.migrations)) ||
                               has_tag(old_tag_of(*version.migrations))))
        out.push_back(make_diagnostic("exports-with-migrations", "exports", (fields / "migrations").str()));
    else if (context.history && !context.history->empty())
        out.push_back(make_diagnostic("exports-with-migrations", "exports", json_location(layout.history).str()));
    check_bindings_against_exports(version, context, fields / "bindings", out);
    if (context.exported_classes)
        check_exports_against_code(version.exports, exported_classes(context), fields / "exports", out);
    check_exports_against_deployed(version.exports, context, fields / "exports", out);
}

} // namespace cfdo::detail

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_EXPORTS_FROM_HISTORY_HPP_INCLUDED
#define CFDO_RULES_EXPORTS_FROM_HISTORY_HPP_INCLUDED

#include <cfdo/model/deployed_state.hpp>
#include <cfdo/model/exports.hpp>
#include <cfdo/model/migrations.hpp>
#include <cfdo/rules/class_registry.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/json_location.hpp>
#include <cfdo/rules/lifecycle.hpp>
#include <cfdo/rules/validation_context.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

// Moving a Worker from `migrations` to the declarative `exports`: the map
// that declares the same classes, worked out from the history rather than
// by hand, where a class left out or a storage mistyped is refused at best
// and, for a tombstone, deletes data at worst.

namespace cfdo {

/// The `exports` equivalent to a history, and what the history's own
/// checks found on the way (an error there makes the map meaningless).
struct exports_conversion {
    exports_map exports{};
    std::vector<diagnostic> diagnostics{};
    /// Live classes left out of `exports` because their storage is not
    /// known: received by `transferred_classes`, with no deployed state that
    /// has them. Give the deployed state to convert them.
    std::vector<text> storage_unknown{};
};

namespace detail {

// Where each class renamed away ended up: the index of the live class at
// the end of its renames, or nothing when the chain ends deleted (or in a
// cycle). Each chain is walked once, every class on it resolved on the way,
// so that a chain of n renames costs n steps, not n squared.
constexpr std::vector<std::optional<std::size_t>> rename_destinations(class_registry const& classes) {
    auto const& records = classes.records();
    constexpr std::size_t unresolved = static_cast<std::size_t>(-1);
    std::vector<std::size_t> resolved(records.size(), unresolved);
    constexpr std::size_t none = unresolved - 1;
    std::vector<std::size_t> chain;
    for (std::size_t start = 0; start < records.size(); ++start) {
        chain.clear();
        std::size_t at = start;
        std::size_t destination = none;
        while (true) {
            if (resolved[at] != unresolved) {
                destination = resolved[at];
                break;
            }
            if (records[at].fate == class_fate::live) {
                destination = at;
                break;
            }
            if (records[at].fate != class_fate::renamed || chain.size() > records.size()) break;
            chain.push_back(at);
            auto const* next = classes.find(records[at].renamed_to);
            if (!next) break;
            at = static_cast<std::size_t>(next - records.data());
        }
        for (auto const index : chain) resolved[index] = destination;
        if (resolved[start] == unresolved) resolved[start] = destination;
    }
    std::vector<std::optional<std::size_t>> destinations(records.size());
    for (std::size_t i = 0; i < records.size(); ++i)
        if (resolved[i] != none) destinations[i] = resolved[i];
    return destinations;
}

// A live class's storage as `exports` spells it, or nothing: a class
// received by a transfer carries a storage the history does not say, which
// only the deployed state knows.
constexpr std::optional<std::string_view> export_storage_of(class_record const& live,
                                                            deployed_assumption const& deployed) {
    if (live.storage == class_storage::key_value) return export_storage::legacy_kv;
    if (live.storage == class_storage::sqlite) return export_storage::sqlite;
    if (deployed.holds<deployed_state>())
        if (auto const* found = deployed.get<deployed_state>().find(live.name))
            return found->storage == durable_object_storage::kv ? export_storage::legacy_kv : export_storage::sqlite;
    return std::nullopt;
}

} // namespace detail

/// The `exports` map that declares what `history` leaves, folded as
/// `validate(history, {.deployed = deployed})` folds it: a live entry, with
/// its storage, for each live class (`legacy-kv` for a class created by
/// `new_classes`); a `renamed` tombstone to the class's final name for each
/// class renamed away (a chain A → B → C becomes A and B renamed to C); a
/// `deleted` tombstone for each class deleted, or renamed into a class later
/// deleted; and, under a deployed state, a live entry for each deployed
/// class the history does not mention. Entries are in the order the history
/// first mentions the classes, the state's after them.
///
/// Tombstones of steps Cloudflare has already applied are stale: harmless
/// (`export-tombstone-stale`, a notice), and safe to drop once no other
/// Worker binds the class.
[[nodiscard]] constexpr exports_conversion exports_from_history(migration_history const& history,
                                                                deployed_assumption const& deployed = unknown_state{}) {
    exports_conversion converted;
    validation_context const context{.deployed = deployed};
    auto const fold =
        detail::fold_history_under(history, detail::json_location("/migrations"), context, converted.diagnostics);
    auto const& classes = fold.classes();
    auto const destinations = detail::rename_destinations(classes);
    for (std::size_t i = 0; i < classes.records().size(); ++i) {
        auto const& record = classes.records()[i];
        switch (record.fate) {
        case detail::class_fate::live:
            if (auto const storage = detail::export_storage_of(record, deployed))
                converted.exports.push_back({record.name, durable_object_export{.storage = *storage}});
            else converted.storage_unknown.emplace_back(record.name);
            break;
        case detail::class_fate::renamed:
            if (auto const destination = destinations[i])
                converted.exports.push_back(
                    {record.name, durable_object_renamed_export{.renamed_to = classes.records()[*destination].name}});
            else converted.exports.push_back({record.name, durable_object_deleted_export{}});
            break;
        case detail::class_fate::deleted:
            converted.exports.push_back({record.name, durable_object_deleted_export{}});
            break;
        default: break;
        }
    }
    if (deployed.holds<deployed_state>())
        if (auto const& live = deployed.get<deployed_state>().classes)
            for (auto const& deployed_class : *live)
                if (!classes.find(deployed_class.class_name))
                    converted.exports.push_back(
                        {deployed_class.class_name,
                         durable_object_export{.storage = deployed_class.storage == durable_object_storage::kv
                                                              ? export_storage::legacy_kv
                                                              : export_storage::sqlite}});
    return converted;
}

} // namespace cfdo

#endif

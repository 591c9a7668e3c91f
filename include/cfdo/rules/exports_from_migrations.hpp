// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_EXPORTS_FROM_MIGRATIONS_HPP_INCLUDED
#define CFDO_RULES_EXPORTS_FROM_MIGRATIONS_HPP_INCLUDED

#include <cfdo/model/deployed_state.hpp>
#include <cfdo/model/exports.hpp>
#include <cfdo/model/migrations.hpp>
#include <cfdo/rules/class_registry.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/json_location.hpp>
#include <cfdo/rules/lifecycle.hpp>
#include <cfdo/rules/validation_context.hpp>

#include <cstddef>
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
};

namespace detail {

// Where a class renamed away ended up: the live class at the end of its
// renames, or nothing when the chain ends deleted (or renamed in a cycle).
constexpr class_record const* rename_destination(class_registry const& classes, class_record const& renamed) {
    class_record const* at = &renamed;
    for (std::size_t hops = 0; at && at->fate == class_fate::renamed && hops <= classes.records().size(); ++hops)
        at = classes.find(at->renamed_to);
    return at && at->fate == class_fate::live ? at : nullptr;
}

// A live class's storage as `exports` spells it. A class transferred in
// carries a storage the history does not say: the deployed state's, when
// it has the class, else sqlite (the only backend of new namespaces; a
// key-value one is refused as export-storage-changed under the state).
constexpr std::string_view export_storage_of(class_record const& live, validation_context const& context) {
    if (live.storage == class_storage::key_value) return export_storage::legacy_kv;
    if (live.storage == class_storage::unknown && context.deployed.holds<deployed_state>())
        if (auto const* deployed = context.deployed.get<deployed_state>().find(live.name))
            if (deployed->storage == durable_object_storage::kv) return export_storage::legacy_kv;
    return export_storage::sqlite;
}

} // namespace detail

/// The `exports` map that declares what `history` leaves, folded as
/// `validate(history, context)` folds it: a live entry, with its storage,
/// for each live class (`legacy-kv` for a class created by `new_classes`);
/// a `renamed` tombstone to the class's final name for each class renamed
/// away (a chain A → B → C becomes A and B renamed to C); a `deleted`
/// tombstone for each class deleted, or renamed into a class later deleted.
/// Entries are in the order the history first mentions the classes.
///
/// Tombstones of steps Cloudflare has already applied are stale: harmless
/// (`export-tombstone-stale`, a notice), and safe to drop once no other
/// Worker binds the class.
[[nodiscard]] constexpr exports_conversion exports_from_migrations(migration_history const& history,
                                                                   validation_context const& context = {}) {
    exports_conversion converted;
    auto const fold =
        detail::fold_history_under(history, detail::json_location("/migrations"), context, converted.diagnostics);
    auto const& classes = fold.classes();
    for (auto const& record : classes.records()) {
        switch (record.fate) {
        case detail::class_fate::live:
            converted.exports.push_back(
                {record.name, durable_object_export{.storage = detail::export_storage_of(record, context)}});
            break;
        case detail::class_fate::renamed:
            if (auto const* destination = detail::rename_destination(classes, record))
                converted.exports.push_back(
                    {record.name, durable_object_renamed_export{.renamed_to = destination->name}});
            else converted.exports.push_back({record.name, durable_object_deleted_export{}});
            break;
        case detail::class_fate::deleted:
            converted.exports.push_back({record.name, durable_object_deleted_export{}});
            break;
        default: break;
        }
    }
    return converted;
}

} // namespace cfdo

#endif

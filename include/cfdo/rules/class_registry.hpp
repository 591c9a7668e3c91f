// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_CLASS_REGISTRY_HPP_INCLUDED
#define CFDO_RULES_CLASS_REGISTRY_HPP_INCLUDED

#include <cfdo/rules/name_table.hpp>

#include <cstddef>
#include <string_view>

// The Durable Object classes of one Worker, as the migration fold sees them:
// what became of each, and with which storage.

namespace cfdo::detail {

/// Where a class stands after the directives folded so far.
enum class class_fate : unsigned char {
    /// Not mentioned yet, and the check does not know the Worker's earlier
    /// history: Cloudflare may or may not have the class.
    unknown,
    /// Known not to exist (the check sees the whole history).
    absent,
    live,
    deleted,
    /// Renamed away; its objects live on under the new name.
    renamed,
};

/// The storage backend, fixed when the class is created.
enum class class_storage : unsigned char { unknown, key_value, sqlite };

struct class_record {
    std::string_view name;
    /// Set by the table: the name is plain ASCII (so certainly UTF-8).
    bool ascii = true;
    class_fate fate = class_fate::unknown;
    class_storage storage = class_storage::unknown;
    /// Made live by `new_classes` / `new_sqlite_classes` in the steps sent.
    bool created_by_new_directive = false;
    /// Deleted by the steps sent (not by steps already applied).
    bool deleted_here = false;
    /// 1 + the index of the last step that renamed this class away, and that
    /// renamed a class to it (0: none): one step renames each class from at
    /// most once and to at most once (a chain A→B, B→C is fine).
    std::size_t renamed_from_in_step = 0;
    std::size_t renamed_to_in_step = 0;
    /// For a renamed class: its new name.
    std::string_view renamed_to{};
    /// Index of where the class was made live, in the fold's record of
    /// places (kept only when the export rules need it).
    std::size_t made_live_at = 0;
};

/// The classes of one Worker, by name.
using class_registry = name_table<class_record>;

/// A registry in which a class mentioned for the first time has fate
/// `initial`.
constexpr class_registry make_class_registry(std::size_t expected_names, class_fate initial) {
    return class_registry(expected_names, class_record{{}, true, initial});
}

/// The fate of `name`, `initial` if it was never mentioned.
constexpr class_fate fate_of(class_registry const& classes, std::string_view name, class_fate initial) {
    auto const* record = classes.find(name);
    return record ? record->fate : initial;
}

} // namespace cfdo::detail

#endif

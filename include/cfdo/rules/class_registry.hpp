// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_CLASS_REGISTRY_HPP_INCLUDED
#define CFDO_RULES_CLASS_REGISTRY_HPP_INCLUDED

#include <cfdo/model/text.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

// The Durable Object classes of one Worker, as the migration fold sees them.
//
// The fold runs inside constant expressions, where every step counts against
// the compiler's limits (Clang's default is about a million steps): a history
// of 500 classes must not be searched linearly for each directive. This is an
// open-addressing hash table from class name to record, constexpr, with
// O(1) expected lookups; names are views into the configuration being
// checked, which outlives the fold.

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
    class_fate fate = class_fate::unknown;
    class_storage storage = class_storage::unknown;
    /// Made live by `new_classes` / `new_sqlite_classes` in what is checked.
    bool created_by_new_directive = false;
    /// 1 + the index of the last step whose renames used this class (0:
    /// none), to find a class renamed twice in one step.
    std::size_t renamed_in_step = 0;
    /// For a renamed class: its new name.
    std::string_view renamed_to {};
    /// The directive that made the class live, when the fold remembers it.
    text made_live_at {};
};

class class_registry {
public:
    /// `expected_names` sizes the table (it grows past it); `initial` is the
    /// fate of a class the first time it is mentioned.
    constexpr class_registry(std::size_t expected_names, class_fate initial) : initial_(initial) {
        std::size_t capacity = 16;
        while (capacity < 2 * expected_names) capacity *= 2;
        slots_.assign(capacity, empty_slot);
        records_.reserve(expected_names);
    }

    /// The index of `name`'s record, created with the initial fate if new.
    /// An index, not a reference: creating a record may move the others.
    constexpr std::size_t index_of(std::string_view name) {
        if (2 * (records_.size() + 1) > slots_.size()) grow();
        auto const slot = slot_of(name);
        if (slots_[slot] == empty_slot) {
            slots_[slot] = records_.size();
            records_.push_back(class_record{name, initial_});
        }
        return slots_[slot];
    }

    [[nodiscard]] constexpr class_record& at(std::size_t index) noexcept { return records_[index]; }

    /// The record of `name`, or a null pointer if it was never mentioned.
    [[nodiscard]] constexpr class_record const* find(std::string_view name) const {
        auto const slot = slot_of(name);
        return slots_[slot] == empty_slot ? nullptr : &records_[slots_[slot]];
    }

    /// The fate of `name`, the initial one if it was never mentioned.
    [[nodiscard]] constexpr class_fate fate_of(std::string_view name) const {
        auto const* record = find(name);
        return record ? record->fate : initial_;
    }

    [[nodiscard]] constexpr std::vector<class_record> const& records() const noexcept { return records_; }

private:
    static constexpr std::size_t empty_slot = static_cast<std::size_t>(-1);

    // FNV-1a: a handful of operations per character, no tables.
    static constexpr std::size_t hash(std::string_view name) noexcept {
        std::uint32_t h = 2166136261u;
        for (char const c : name) {
            h ^= static_cast<unsigned char>(c);
            h *= 16777619u;
        }
        return h;
    }

    constexpr std::size_t slot_of(std::string_view name) const {
        std::size_t const mask = slots_.size() - 1;
        for (std::size_t slot = hash(name) & mask;; slot = (slot + 1) & mask)
            if (slots_[slot] == empty_slot || records_[slots_[slot]].name == name) return slot;
    }

    constexpr void grow() {
        slots_.assign(slots_.size() * 2, empty_slot);
        for (std::size_t i = 0; i < records_.size(); ++i) slots_[slot_of(records_[i].name)] = i;
    }

    std::vector<class_record> records_;
    std::vector<std::size_t> slots_;
    class_fate initial_;
};

} // namespace cfdo::detail

#endif

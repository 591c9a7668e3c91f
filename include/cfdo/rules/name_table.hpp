// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_NAME_TABLE_HPP_INCLUDED
#define CFDO_RULES_NAME_TABLE_HPP_INCLUDED

#include <cfdo/config.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace cfdo::detail {

/// Records looked up by name, in insertion order: an open-addressing hash
/// table usable in constant expressions.
///
/// The rules run inside constant expressions, where every step counts
/// against the compiler's limit (Clang's default is about a million): a
/// history of 500 classes must not be searched linearly for each directive,
/// nor sorted. Lookups here cost a hash and, usually, one comparison. Names
/// are views into the configuration being checked, which outlives the table.
///
/// `Record` is an aggregate with members `std::string_view name` and `bool
/// ascii`; the table sets both when it adds a record (hashing reads every
/// character anyway, so knowing whether the name is plain ASCII — and so
/// certainly UTF-8 — costs nothing more).
template <class Record>
class name_table {
public:
    /// `expected_names` sizes the table (it grows past it); a name seen for
    /// the first time gets a copy of `prototype` with its own name.
    constexpr name_table(std::size_t expected_names, Record prototype = {}) : prototype_(prototype) {
        std::size_t capacity = 16;
        while (capacity < 2 * expected_names) capacity *= 2;
        slots_.assign(capacity, empty_slot);
        records_.reserve(expected_names);
    }

    /// The index of `name`'s record, created if new. An index, not a
    /// reference: creating a record may move the others.
    constexpr std::size_t index_of(std::string_view name) {
        if (2 * (records_.size() + 1) > slots_.size()) grow();
        auto const [hash, ascii] = hash_of(name);
        auto const slot = slot_of(name, hash);
        if (slots_[slot] == empty_slot) {
            slots_[slot] = records_.size();
            records_.push_back(prototype_);
            records_.back().name = name;
            records_.back().ascii = ascii;
        }
        return slots_[slot];
    }

    /// Adds `name`; false if it was already there.
    constexpr bool insert(std::string_view name) {
        auto const before = records_.size();
        index_of(name);
        return records_.size() != before;
    }

    [[nodiscard]] constexpr Record& at(std::size_t index) noexcept { return records_[index]; }

    /// The record of `name`, or a null pointer if it was never added.
    [[nodiscard]] constexpr Record const* find(std::string_view name) const {
        auto const slot = slot_of(name);
        return slots_[slot] == empty_slot ? nullptr : &records_[slots_[slot]];
    }

    [[nodiscard]] constexpr std::vector<Record> const& records() const noexcept { return records_; }

    /// The record a name added from now on starts as.
    constexpr void set_prototype(Record prototype) { prototype_ = std::move(prototype); }

private:
    static constexpr std::size_t empty_slot = static_cast<std::size_t>(-1);

    struct hashed {
        std::size_t hash;
        bool ascii;
    };

    // FNV-1a: a handful of operations per character, no tables.
    static constexpr hashed hash_of(std::string_view name) noexcept {
        std::uint32_t h = 2166136261u;
        unsigned seen = 0;
        for (char const c : name) {
            auto const byte = static_cast<unsigned char>(c);
            h ^= byte;
            h *= 16777619u;
            seen |= byte;
        }
        return {h, seen < 0x80};
    }

    constexpr std::size_t slot_of(std::string_view name, std::size_t hash) const {
        std::size_t const mask = slots_.size() - 1;
        for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask)
            if (slots_[slot] == empty_slot || records_[slots_[slot]].name == name) return slot;
    }

    constexpr std::size_t slot_of(std::string_view name) const { return slot_of(name, hash_of(name).hash); }

    constexpr void grow() {
        slots_.assign(slots_.size() * 2, empty_slot);
        for (std::size_t i = 0; i < records_.size(); ++i) slots_[slot_of(records_[i].name)] = i;
    }

    std::vector<Record> records_;
    std::vector<std::size_t> slots_;
    Record prototype_;
};

/// A record that is only a name: `name_table<named>` is a set of names.
struct named {
    std::string_view name;
    bool ascii = true;
};

} // namespace cfdo::detail

#endif

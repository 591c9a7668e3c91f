// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_MIGRATION_FOLD_HPP_INCLUDED
#define CFDO_RULES_MIGRATION_FOLD_HPP_INCLUDED

#include <cfdo/model/migrations.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/class_registry.hpp>
#include <cfdo/rules/diagnostic.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

// The migration fold: the steps, in order, applied to the Worker's classes.
// Inside a step the directives apply as wrangler's model applies them —
// deleted, renamed, new_classes, new_sqlite_classes — and transfers last, as
// classes created with the storage they bring. Each directive that cannot
// apply is a diagnostic; the classes' final fates are what bindings are
// checked against.
//
// What the fold knows of the classes before the first step is `initial`:
// `absent` for a whole history, `unknown` for a payload that continues an
// earlier one (it has an `old_tag`, or no tags at all) — there, a class the
// payload does not create may exist on Cloudflare, and renaming or deleting
// it is accepted, as Cloudflare would.

namespace cfdo::detail {

struct fold_options {
    class_fate initial = class_fate::absent;
    /// This Worker's name, when known: a transfer from it is a rename.
    std::optional<std::string_view> script_name;
    /// Keep, for each live class, the pointer of the directive that made it
    /// live (the export rules report there); off, it costs nothing.
    bool remember_where_made_live = false;
};

/// `prefix/index[/field]`: the JSON pointer of an array item or its field.
inline constexpr text item_pointer(std::string_view prefix, std::size_t index, std::string_view field = {}) {
    text pointer(prefix);
    pointer += "/";
    append_decimal(pointer, index);
    if (!field.empty()) {
        pointer += "/";
        pointer += field;
    }
    return pointer;
}

/// `prefix/member/index[/field]`.
inline constexpr text pointer_to(std::string_view prefix, std::string_view member, std::size_t index,
                                 std::string_view field = {}) {
    text array(prefix);
    array += "/";
    array += member;
    return item_pointer(array, index, field);
}

/// How many class names the steps mention at most: sizes the registry so
/// that it does not grow while folding.
template <class Step>
constexpr std::size_t names_mentioned(Step const& step) noexcept {
    return step.new_classes.size() + step.new_sqlite_classes.size() + step.deleted_classes.size() +
           2 * step.renamed_classes.size() + step.transferred_classes.size();
}

class migration_fold {
public:
    constexpr migration_fold(std::size_t expected_names, fold_options options, std::vector<diagnostic>& out)
        : classes_(expected_names, options.initial), options_(options), out_(out) {}

    /// Applies one step; `pointer` is the step's JSON pointer.
    template <class Step>
    constexpr void apply(Step const& step, std::string_view pointer) {
        ++step_number_;
        for (std::size_t i = 0; i < step.deleted_classes.size(); ++i)
            delete_class(step.deleted_classes[i], pointer_to(pointer, "deleted_classes", i));
        for (std::size_t i = 0; i < step.renamed_classes.size(); ++i)
            rename_class(step.renamed_classes[i], pointer, i);
        for (std::size_t i = 0; i < step.new_classes.size(); ++i)
            create_class(step.new_classes[i], class_storage::key_value, pointer_to(pointer, "new_classes", i));
        for (std::size_t i = 0; i < step.new_sqlite_classes.size(); ++i)
            create_class(step.new_sqlite_classes[i], class_storage::sqlite,
                         pointer_to(pointer, "new_sqlite_classes", i));
        for (std::size_t i = 0; i < step.transferred_classes.size(); ++i)
            transfer_class(step.transferred_classes[i], pointer, i);
    }

    [[nodiscard]] constexpr class_registry const& classes() const noexcept { return classes_; }

private:
    constexpr void report(std::string_view rule, std::string_view subject, text pointer) {
        out_.push_back(make_diagnostic(rule, subject, std::move(pointer)));
    }

    // False (and reported) for an empty class name, which no directive may use.
    constexpr bool named(std::string_view name, std::string_view directive, text const& pointer) {
        if (!name.empty()) return true;
        report("class-name-empty", directive, pointer);
        return false;
    }

    static constexpr bool exists(class_fate fate) noexcept {
        return fate == class_fate::live || fate == class_fate::unknown;
    }

    constexpr void delete_class(std::string_view name, text pointer) {
        if (!named(name, "deleted_classes", pointer)) return;
        auto& record = classes_.at(classes_.index_of(name));
        if (!exists(record.fate)) return report("delete-missing-class", name, std::move(pointer));
        record.fate = class_fate::deleted;
    }

    constexpr void rename_class(renamed_class const& rename, std::string_view step_pointer, std::size_t index) {
        std::string_view const from = rename.from;
        std::string_view const to = rename.to;
        if (!named(from, "renamed_classes", pointer_to(step_pointer, "renamed_classes", index, "from")) ||
            !named(to, "renamed_classes", pointer_to(step_pointer, "renamed_classes", index, "to")))
            return;
        if (from == to) return report("rename-to-itself", from, pointer_to(step_pointer, "renamed_classes", index));

        auto const source_index = classes_.index_of(from);
        auto const target_index = classes_.index_of(to);
        auto& source = classes_.at(source_index);
        auto& target = classes_.at(target_index);
        if (source.renamed_in_step == step_number_)
            return report("rename-duplicate", from, pointer_to(step_pointer, "renamed_classes", index, "from"));
        if (target.renamed_in_step == step_number_)
            return report("rename-duplicate", to, pointer_to(step_pointer, "renamed_classes", index, "to"));
        source.renamed_in_step = step_number_;
        target.renamed_in_step = step_number_;

        bool applies = true;
        if (!exists(source.fate)) {
            report("rename-source-missing", from, pointer_to(step_pointer, "renamed_classes", index, "from"));
            applies = false;
        }
        if (target.fate == class_fate::live) {
            report("rename-target-exists", to, pointer_to(step_pointer, "renamed_classes", index, "to"));
            applies = false;
        }
        if (!applies) return;
        target.fate = class_fate::live;
        target.storage = source.storage;
        target.created_by_new_directive = false;
        remember_made_live(target, pointer_to(step_pointer, "renamed_classes", index, "to"));
        source.fate = class_fate::renamed;
        source.renamed_to = to;
    }

    constexpr void create_class(std::string_view name, class_storage storage, text pointer) {
        if (!named(name, storage == class_storage::sqlite ? "new_sqlite_classes" : "new_classes", pointer)) return;
        auto& record = classes_.at(classes_.index_of(name));
        if (record.fate == class_fate::live) {
            bool const converts_key_value =
                storage == class_storage::sqlite && record.storage == class_storage::key_value;
            return report(converts_key_value ? "kv-class-converted-to-sqlite" : "new-class-exists", name,
                          std::move(pointer));
        }
        record.fate = class_fate::live;
        record.storage = storage;
        record.created_by_new_directive = true;
        remember_made_live(record, std::move(pointer));
    }

    constexpr void transfer_class(transferred_class const& transfer, std::string_view step_pointer,
                                  std::size_t index) {
        std::string_view const to = transfer.to;
        if (!named(to, "transferred_classes", pointer_to(step_pointer, "transferred_classes", index, "to"))) return;
        if (options_.script_name && transfer.from_script == *options_.script_name)
            report("transfer-from-self", transfer.from,
                   pointer_to(step_pointer, "transferred_classes", index, "from_script"));
        auto& record = classes_.at(classes_.index_of(to));
        if (record.fate == class_fate::live)
            return report("transfer-target-exists", to, pointer_to(step_pointer, "transferred_classes", index, "to"));
        // The storage travels with the objects; what it is is not known here.
        record.fate = class_fate::live;
        record.storage = class_storage::unknown;
        record.created_by_new_directive = false;
        remember_made_live(record, pointer_to(step_pointer, "transferred_classes", index, "to"));
    }

    constexpr void remember_made_live(class_record& record, text pointer) {
        if (options_.remember_where_made_live) record.made_live_at = std::move(pointer);
    }

    class_registry classes_;
    fold_options options_;
    std::vector<diagnostic>& out_;
    std::size_t step_number_ = 0;
};

/// Calls `apply(step, pointer)` for each step of either form, in order.
template <class Apply>
constexpr void for_each_step(migrations const& m, std::string_view pointer, Apply&& apply) {
    if (m.holds<single_step_migration>()) return apply(m.get<single_step_migration>(), pointer);
    auto const& steps = m.get<multi_step_migration>().steps;
    text steps_pointer(pointer);
    steps_pointer += "/steps";
    for (std::size_t i = 0; i < steps.size(); ++i) {
        text step_pointer(steps_pointer);
        step_pointer += "/";
        append_decimal(step_pointer, i);
        apply(steps[i], std::string_view(step_pointer));
    }
}

} // namespace cfdo::detail

#endif

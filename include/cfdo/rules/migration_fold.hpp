// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_MIGRATION_FOLD_HPP_INCLUDED
#define CFDO_RULES_MIGRATION_FOLD_HPP_INCLUDED

#include <cfdo/model/migrations.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/class_registry.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/json_location.hpp>
#include <cfdo/support/utf8.hpp>

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
// What the fold knows of the classes before the first step depends on what
// is assumed about the deployed Worker (lifecycle.hpp decides): on a first
// deploy every class is `absent`; with a deployed state, its live classes
// are seeded (`seed_live`) and every other class is `absent`; when the
// state is not known, a class is `unknown` until mentioned. A class whose
// first mention creates it is then taken as absent before (the
// configuration creates it: it did not rely on its existence), while a
// delete or a rename of an unknown class is accepted, as Cloudflare would
// if the class is deployed, with a warning that says so.

namespace cfdo::detail {

struct fold_options {
    class_fate initial = class_fate::absent;
    /// This Worker's name, when known: a transfer from it should have been a
    /// rename (`transfer-from-self` warns).
    std::optional<std::string_view> script_name;
    /// Keep where each live class was made live (the export rules report
    /// there); off, the fold spends nothing on it.
    bool remember_where_made_live = false;
};

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
        : classes_(make_class_registry(expected_names, options.initial)), options_(options), out_(out) {}

    /// Marks `name` live with `storage` before any step: a class the
    /// deployed state lists. (`name` must outlive the fold.)
    constexpr void seed_live(std::string_view name, class_storage storage) {
        auto& record = classes_.at(classes_.index_of(name));
        record.fate = class_fate::live;
        record.storage = storage;
        record.made_live_at = no_place;
    }

    /// Takes the deployed classes as the truth after the steps folded so far
    /// (those already applied): `live` calls `mark(name, storage)` for each
    /// live class. A class the steps left live that is not deployed is
    /// absent; renamed and deleted classes keep what the steps say of them;
    /// every class not mentioned is absent.
    template <class ForEachLive>
    constexpr void reconcile_with_deployed(ForEachLive&& live) {
        for (std::size_t i = 0; i < classes_.records().size(); ++i) {
            auto& record = classes_.at(i);
            if (record.fate == class_fate::live || record.fate == class_fate::unknown) record.fate = class_fate::absent;
        }
        options_.initial = class_fate::absent;
        classes_.set_prototype(class_record{{}, true, class_fate::absent});
        live([&](std::string_view name, class_storage storage) { seed_live(name, storage); });
    }

    /// The next steps are applied on Cloudflare already: they are folded
    /// quietly (their problems were Cloudflare's to refuse), and what they
    /// create or delete is not this upload's doing.
    constexpr void fold_applied_steps() noexcept { sending_ = false; }

    /// The next steps are sent (the default): their problems are reported,
    /// and what they create or delete is this upload's
    /// (`created_by_new_directive`, `deleted_here`).
    constexpr void fold_sent_steps() noexcept { sending_ = true; }

    /// Applies one step, found at `step` in the payload.
    template <class Step>
    constexpr void apply(Step const& directives, json_location const& step) {
        ++step_number_;
        for (std::size_t i = 0; i < directives.deleted_classes.size(); ++i)
            delete_class(directives.deleted_classes[i], {step, "deleted_classes", i});
        for (std::size_t i = 0; i < directives.renamed_classes.size(); ++i)
            rename_class(directives.renamed_classes[i], {step, "renamed_classes", i});
        for (std::size_t i = 0; i < directives.new_classes.size(); ++i)
            create_class(directives.new_classes[i], class_storage::key_value, {step, "new_classes", i});
        for (std::size_t i = 0; i < directives.new_sqlite_classes.size(); ++i)
            create_class(directives.new_sqlite_classes[i], class_storage::sqlite, {step, "new_sqlite_classes", i});
        for (std::size_t i = 0; i < directives.transferred_classes.size(); ++i)
            transfer_class(directives.transferred_classes[i], {step, "transferred_classes", i});
    }

    [[nodiscard]] constexpr class_registry const& classes() const noexcept { return classes_; }

    /// The fate of `name` after the steps applied so far.
    [[nodiscard]] constexpr class_fate fate_of(std::string_view name) const {
        return detail::fate_of(classes_, name, options_.initial);
    }

    /// Where `record` was made live, when the options asked to remember it
    /// (else the top of the payload).
    [[nodiscard]] constexpr json_location where_made_live(class_record const& record) const {
        if (record.made_live_at >= made_live_at_.size()) return json_location();
        return made_live_at_[record.made_live_at];
    }

    /// The names of the classes live now, for suggestions.
    [[nodiscard]] constexpr std::vector<std::string_view> live_names() const {
        std::vector<std::string_view> names;
        for (auto const& record : classes_.records())
            if (record.fate == class_fate::live) names.push_back(record.name);
        return names;
    }

private:
    // A directive's place, spelled out only when reported or remembered: most
    // directives are neither, and building locations costs evaluation steps.
    struct directive_place {
        json_location const& step;
        std::string_view directive;
        std::size_t index;

        constexpr json_location location(std::string_view field = {}) const {
            auto const item = step / directive / index;
            return field.empty() ? item : item / field;
        }
    };

    constexpr void report(std::string_view rule, std::string_view subject, json_location const& where) {
        if (sending_) out_.push_back(make_diagnostic(rule, subject, where.str()));
    }

    // A directive that applies only if the class is deployed, which is not
    // known: accepted, with a warning that says so.
    constexpr void report_state_dependent(std::string_view rule, std::string_view subject, json_location const& where) {
        if (sending_) out_.push_back(make_state_dependent_diagnostic(rule, subject, where.str()));
    }

    // A class mentioned for the first time by a directive that creates it did
    // not exist before, as far as the configuration says.
    static constexpr void created_by_configuration(class_record& record) noexcept {
        if (record.fate == class_fate::unknown) record.fate = class_fate::absent;
    }

    // The registry index of a name a directive may use, or nothing (and a
    // report): a name must not be empty, and must be UTF-8 — the registry
    // knows when it is plain ASCII, so only other names are decoded.
    constexpr std::optional<std::size_t> registered(std::string_view name, directive_place const& place,
                                                    std::string_view field = {}) {
        if (name.empty()) {
            report("class-name-empty", place.directive, place.location(field));
            return std::nullopt;
        }
        auto const index = classes_.index_of(name);
        if (!classes_.at(index).ascii && !is_utf8(name)) {
            report("text-not-utf8", field.empty() ? place.directive : field, place.location(field));
            return std::nullopt;
        }
        return index;
    }

    static constexpr bool exists(class_fate fate) noexcept {
        return fate == class_fate::live || fate == class_fate::unknown;
    }

    constexpr void make_live(class_record& record, class_storage storage, bool by_new_directive,
                             directive_place const& place, std::string_view field = {}) {
        record.fate = class_fate::live;
        record.storage = storage;
        record.created_by_new_directive = by_new_directive && sending_;
        record.deleted_here = false;
        if (options_.remember_where_made_live) {
            record.made_live_at = made_live_at_.size();
            made_live_at_.push_back(place.location(field));
        }
    }

    constexpr void delete_class(std::string_view name, directive_place const& place) {
        auto const index = registered(name, place);
        if (!index) return;
        auto& record = classes_.at(*index);
        if (!exists(record.fate)) return report("delete-missing-class", name, place.location());
        if (record.fate == class_fate::unknown) report_state_dependent("delete-missing-class", name, place.location());
        record.fate = class_fate::deleted;
        record.deleted_here = sending_;
    }

    constexpr void rename_class(renamed_class const& rename, directive_place const& place) {
        std::string_view const from = rename.from;
        std::string_view const to = rename.to;
        auto const source_index = registered(from, place, "from");
        auto const target_index = registered(to, place, "to");
        if (!source_index || !target_index) return;
        if (from == to) {
            // A class that does not exist cannot be renamed, even to itself.
            if (!exists(classes_.at(*source_index).fate))
                return report("rename-source-missing", from, place.location("from"));
            return report("rename-to-itself", from, place.location());
        }
        auto& source = classes_.at(*source_index);
        auto& target = classes_.at(*target_index);
        if (source.renamed_from_in_step == step_number_)
            return report("rename-duplicate", from, place.location("from"));
        if (target.renamed_to_in_step == step_number_) return report("rename-duplicate", to, place.location("to"));
        source.renamed_from_in_step = step_number_;
        target.renamed_to_in_step = step_number_;

        created_by_configuration(target);
        bool applies = true;
        if (!exists(source.fate)) {
            report("rename-source-missing", from, place.location("from"));
            applies = false;
        } else if (source.fate == class_fate::unknown) {
            report_state_dependent("rename-source-missing", from, place.location("from"));
        }
        if (target.fate == class_fate::live) {
            report("rename-target-exists", to, place.location("to"));
            applies = false;
        }
        if (!applies) return;
        make_live(target, source.storage, false, place, "to");
        source.fate = class_fate::renamed;
        source.renamed_to = to;
    }

    constexpr void create_class(std::string_view name, class_storage storage, directive_place const& place) {
        auto const index = registered(name, place);
        if (!index) return;
        auto& record = classes_.at(*index);
        created_by_configuration(record);
        if (record.fate == class_fate::live) {
            bool const converts_key_value =
                storage == class_storage::sqlite && record.storage == class_storage::key_value;
            return report(converts_key_value ? "kv-class-converted-to-sqlite" : "new-class-exists", name,
                          place.location());
        }
        make_live(record, storage, true, place);
    }

    constexpr void transfer_class(transferred_class const& transfer, directive_place const& place) {
        std::string_view const to = transfer.to;
        auto const index = registered(to, place, "to");
        if (!index) return;
        // The source class and Worker are names too, read as they are sent;
        // a problem with them is reported, and the target still counts as
        // created, so that bindings to it do not add noise.
        if (std::string_view const from = transfer.from; from.empty())
            report("class-name-empty", place.directive, place.location("from"));
        else if (!is_utf8(from)) report("text-not-utf8", "from", place.location("from"));
        if (std::string_view const from_script = transfer.from_script; from_script.empty())
            report("transfer-script-empty", to, place.location("from_script"));
        else if (!is_utf8(from_script)) report("text-not-utf8", "from_script", place.location("from_script"));
        else if (options_.script_name && from_script == *options_.script_name)
            report("transfer-from-self", transfer.from, place.location("from_script"));
        auto& record = classes_.at(*index);
        created_by_configuration(record);
        if (record.fate == class_fate::live) return report("transfer-target-exists", to, place.location("to"));
        // The storage travels with the objects; what it is is not known here.
        make_live(record, class_storage::unknown, false, place, "to");
    }

    static constexpr std::size_t no_place = static_cast<std::size_t>(-1);

    class_registry classes_;
    std::vector<json_location> made_live_at_;
    fold_options options_;
    std::vector<diagnostic>& out_;
    std::size_t step_number_ = 0;
    bool sending_ = true;
};

} // namespace cfdo::detail

#endif

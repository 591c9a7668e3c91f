// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_MIGRATIONS_HPP_INCLUDED
#define CFDO_MODEL_MIGRATIONS_HPP_INCLUDED

#include <cfdo/model/one_of.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/text.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <vector>

namespace cfdo {

/// A class renamed within this Worker; its objects keep their data.
struct renamed_class {
    required<"from"> from;
    required<"to"> to;

    friend constexpr bool operator==(renamed_class const&, renamed_class const&) = default;
};
BOOST_DESCRIBE_STRUCT(renamed_class, (), (from, to))

/// A class moved here from another Worker of the account, with its data.
struct transferred_class {
    required<"from"> from;
    required<"from_script"> from_script;
    required<"to"> to;

    friend constexpr bool operator==(transferred_class const&, transferred_class const&) = default;
};
BOOST_DESCRIBE_STRUCT(transferred_class, (), (from, from_script, to))

/// The class directives of one migration step.
///
/// `new_classes` create key-value backed namespaces, `new_sqlite_classes`
/// SQLite-backed ones; the backend of a class is fixed when it is created.
struct migration_step {
    std::vector<text> new_classes {};
    std::vector<text> new_sqlite_classes {};
    std::vector<renamed_class> renamed_classes {};
    std::vector<text> deleted_classes {};
    std::vector<transferred_class> transferred_classes {};

    friend constexpr bool operator==(migration_step const&, migration_step const&) = default;
};
BOOST_DESCRIBE_STRUCT(migration_step, (),
                      (new_classes, new_sqlite_classes, renamed_classes, deleted_classes,
                       transferred_classes))

/// The single-step form: one step's directives beside the tags, as in
/// `migrations: { new_classes: ['Counter'] }`.
struct single_step_migration {
    /// Must equal the Worker's current migration tag (Cloudflare error 10079).
    std::optional<text> old_tag {};
    /// The tag the Worker carries once the migration is applied.
    std::optional<text> new_tag {};
    std::vector<text> new_classes {};
    std::vector<text> new_sqlite_classes {};
    std::vector<renamed_class> renamed_classes {};
    std::vector<text> deleted_classes {};
    std::vector<transferred_class> transferred_classes {};

    /// The directives as a step, for code that treats both forms alike.
    [[nodiscard]] constexpr migration_step step() const {
        return {new_classes, new_sqlite_classes, renamed_classes, deleted_classes, transferred_classes};
    }

    friend constexpr bool operator==(single_step_migration const&, single_step_migration const&) = default;
};
BOOST_DESCRIBE_STRUCT(single_step_migration, (),
                      (old_tag, new_tag, new_classes, new_sqlite_classes, renamed_classes,
                       deleted_classes, transferred_classes))

/// The multi-step form (what wrangler sends): the steps after `old_tag`, in
/// order.
struct multi_step_migration {
    std::optional<text> old_tag {};
    std::optional<text> new_tag {};
    std::vector<migration_step> steps {};

    friend constexpr bool operator==(multi_step_migration const&, multi_step_migration const&) = default;
};
BOOST_DESCRIBE_STRUCT(multi_step_migration, (), (old_tag, new_tag, steps))

/// One entry of a Worker's whole migration history, as a wrangler
/// configuration writes it (`[[migrations]]`): a tag, unique in the history,
/// and one step's directives. `plan_migrations` turns a history and the tag
/// Cloudflare reports as deployed into the `migrations` to send.
struct tagged_migration {
    required<"tag"> tag;
    std::vector<text> new_classes {};
    std::vector<text> new_sqlite_classes {};
    std::vector<renamed_class> renamed_classes {};
    std::vector<text> deleted_classes {};
    std::vector<transferred_class> transferred_classes {};

    [[nodiscard]] constexpr migration_step step() const {
        return {new_classes, new_sqlite_classes, renamed_classes, deleted_classes, transferred_classes};
    }

    friend constexpr bool operator==(tagged_migration const&, tagged_migration const&) = default;
};
BOOST_DESCRIBE_STRUCT(tagged_migration, (),
                      (tag, new_classes, new_sqlite_classes, renamed_classes, deleted_classes, transferred_classes))

/// A Worker's migration history, oldest first.
using migration_history = std::vector<tagged_migration>;

/// A Worker version's `migrations`: either form. Cloudflare tells them apart
/// by the presence of `steps`.
using migrations = one_of<single_step_migration, multi_step_migration>;

/// The steps of either form, in order.
[[nodiscard]] constexpr std::vector<migration_step> steps_of(migrations const& m) {
    if (m.holds<single_step_migration>()) return {m.get<single_step_migration>().step()};
    return m.get<multi_step_migration>().steps;
}

/// The `old_tag` of either form.
[[nodiscard]] constexpr std::optional<text> const& old_tag_of(migrations const& m) noexcept {
    return m.visit([](auto const& form) -> std::optional<text> const& { return form.old_tag; });
}

/// The `new_tag` of either form.
[[nodiscard]] constexpr std::optional<text> const& new_tag_of(migrations const& m) noexcept {
    return m.visit([](auto const& form) -> std::optional<text> const& { return form.new_tag; });
}

} // namespace cfdo

#endif

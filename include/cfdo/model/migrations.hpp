// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_MIGRATIONS_HPP_INCLUDED
#define CFDO_MODEL_MIGRATIONS_HPP_INCLUDED

#include <cfdo/model/members.hpp>
#include <cfdo/model/one_of.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/text.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string_view>
#include <type_traits>
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

// The class directives of one migration step, declared once for the three
// structs that carry them: a step of the multi-step form, the single-step
// form and an entry of a wrangler-style history. (A shared base class would
// cost the designated initializers that configurations are written with.)
//
//   new_classes          classes created with key-value storage
//   new_sqlite_classes   classes created with SQLite storage; the storage
//                        of a class is fixed when it is created
//   renamed_classes      classes renamed within this Worker
//   deleted_classes      classes deleted with all their objects
//   transferred_classes  classes moved here from another Worker
//
// Everything else — the JSON reader, the wrangler reader, `step_of` — reads
// the directives from the Boost.Describe list, never by name.
#define CFDO_MIGRATION_DIRECTIVES                                                                                      \
    std::vector<text> new_classes{};                                                                                   \
    std::vector<text> new_sqlite_classes{};                                                                            \
    std::vector<renamed_class> renamed_classes{};                                                                      \
    std::vector<text> deleted_classes{};                                                                               \
    std::vector<transferred_class> transferred_classes{};
#define CFDO_MIGRATION_DIRECTIVE_NAMES                                                                                 \
    new_classes, new_sqlite_classes, renamed_classes, deleted_classes, transferred_classes

/// The class directives of one migration step.
struct migration_step {
    CFDO_MIGRATION_DIRECTIVES

    friend constexpr bool operator==(migration_step const&, migration_step const&) = default;
};
BOOST_DESCRIBE_STRUCT(migration_step, (), (CFDO_MIGRATION_DIRECTIVE_NAMES))

/// The directives of `directives` (any struct that carries them) as a step.
template <described_model Directives>
[[nodiscard]] constexpr migration_step step_of(Directives const& directives) {
    if constexpr (std::is_same_v<Directives, migration_step>) {
        return directives;
    } else {
        migration_step step;
        for_each_member_of<migration_step>([&](auto directive) {
            using directive_info = decltype(directive);
            for_each_member(directives, [&](auto member, auto const& field) {
                // Resolved while compiling: no name is compared when it runs.
                if constexpr (decltype(member)::name == directive_info::name) directive_info::of(step) = field;
            });
        });
        return step;
    }
}

/// The single-step form: one step's directives beside the tags, as in
/// `migrations: { new_classes: ['Counter'] }`.
struct single_step_migration {
    /// Must equal the Worker's current migration tag (Cloudflare error 10079).
    std::optional<text> old_tag{};
    /// The tag the Worker carries once the migration is applied.
    std::optional<text> new_tag{};
    CFDO_MIGRATION_DIRECTIVES

    /// The directives as a step, for code that treats both forms alike.
    [[nodiscard]] constexpr migration_step step() const;

    friend constexpr bool operator==(single_step_migration const&, single_step_migration const&) = default;
};
BOOST_DESCRIBE_STRUCT(single_step_migration, (), (old_tag, new_tag, CFDO_MIGRATION_DIRECTIVE_NAMES))

// (Defined once the struct is described: `step_of` reads the description.)
constexpr migration_step single_step_migration::step() const { return step_of(*this); }

/// The multi-step form (what wrangler sends): the steps after `old_tag`, in
/// order.
struct multi_step_migration {
    std::optional<text> old_tag{};
    std::optional<text> new_tag{};
    std::vector<migration_step> steps{};

    friend constexpr bool operator==(multi_step_migration const&, multi_step_migration const&) = default;
};
BOOST_DESCRIBE_STRUCT(multi_step_migration, (), (old_tag, new_tag, steps))

/// One entry of a Worker's whole migration history, as a wrangler
/// configuration writes it (`[[migrations]]`): a tag, unique in the history,
/// and one step's directives. `plan_migrations` turns a history and the tag
/// Cloudflare reports as deployed into the `migrations` to send.
struct tagged_migration {
    required<"tag"> tag;
    CFDO_MIGRATION_DIRECTIVES

    [[nodiscard]] constexpr migration_step step() const;

    friend constexpr bool operator==(tagged_migration const&, tagged_migration const&) = default;
};
BOOST_DESCRIBE_STRUCT(tagged_migration, (), (tag, CFDO_MIGRATION_DIRECTIVE_NAMES))

constexpr migration_step tagged_migration::step() const { return step_of(*this); }

/// A Worker's migration history, oldest first.
using migration_history = std::vector<tagged_migration>;

/// A Worker version's `migrations`: either form. Cloudflare tells them apart
/// by the presence of `steps`.
using migrations = one_of<single_step_migration, multi_step_migration>;

template <>
struct json_alternatives<migrations> {
    static constexpr std::string_view marker = "steps";
    static constexpr std::string_view conflict =
        "a migration has either \"steps\" or top-level class directives, not both";
};

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

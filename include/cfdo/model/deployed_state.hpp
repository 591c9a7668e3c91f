// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_DEPLOYED_STATE_HPP_INCLUDED
#define CFDO_MODEL_DEPLOYED_STATE_HPP_INCLUDED

#include <cfdo/model/json_names.hpp>
#include <cfdo/model/one_of.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/spelling.hpp>
#include <cfdo/model/text.hpp>

#include <boost/describe/class.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What Cloudflare has of a Worker: whether it exists, its migration tag and
// its live Durable Object classes with their storage. Whether a binding, a
// rename, a delete or a `new_sqlite_classes` is accepted depends on it, so
// every verdict of the rules is given under an assumption about it
// (`deployed_assumption`): unknown (the default), a first deploy, or a
// deployed state — read from Cloudflare (`fetch_deployed_state`, `cfdo
// state`) or written by hand.

namespace cfdo {

/// The storage backend of a Durable Object class, fixed when the class is
/// created: key-value (`new_classes`) or SQLite (`new_sqlite_classes`).
enum class durable_object_storage { kv, sqlite };

/// In JSON, `"kv"` or `"sqlite"`.
template <>
struct spelling<durable_object_storage> {
    static constexpr std::string_view expected = "a storage, \"kv\" or \"sqlite\"";
    static constexpr bool json_safe = true;

    static constexpr std::string_view name(durable_object_storage storage) noexcept {
        return storage == durable_object_storage::sqlite ? "sqlite" : "kv";
    }

    static constexpr std::size_t size(durable_object_storage storage) noexcept { return name(storage).size(); }

    static constexpr char* write(durable_object_storage storage, char* out) noexcept {
        for (char const c : name(storage)) *out++ = c;
        return out;
    }

    static constexpr std::optional<durable_object_storage> read(std::string_view written) noexcept {
        if (written == "kv") return durable_object_storage::kv;
        if (written == "sqlite") return durable_object_storage::sqlite;
        return std::nullopt;
    }
};

/// A live Durable Object class of the Worker: a namespace Cloudflare lists
/// with this Worker as its `script`.
struct deployed_class {
    required<"class_name"> class_name;
    durable_object_storage storage = durable_object_storage::sqlite;
    std::optional<text> namespace_id{};

    friend constexpr bool operator==(deployed_class const&, deployed_class const&) = default;
};
BOOST_DESCRIBE_STRUCT(deployed_class, (), (class_name, storage, namespace_id))

template <>
struct json_field_names<deployed_class> {
    static constexpr std::array renamed{renamed_field{"class_name", "class"}};
};

/// A live Durable Object class of another Worker of the account.
struct account_class {
    required<"script"> script;
    required<"class_name"> class_name;
    durable_object_storage storage = durable_object_storage::sqlite;

    friend constexpr bool operator==(account_class const&, account_class const&) = default;
};
BOOST_DESCRIBE_STRUCT(account_class, (), (script, class_name, storage))

template <>
struct json_field_names<account_class> {
    static constexpr std::array renamed{renamed_field{"class_name", "class"}};
};

/// The Worker as Cloudflare has it. Its JSON form is stable (`cfdo state`
/// prints it, `cfdo check --state` reads it):
///
///   {"worker_exists": true, "migration_tag": "v2",
///    "classes": [{"class": "Counter", "storage": "kv", "namespace_id": "..."}]}
///
/// `migration_tag` is left out when the Worker has none; `classes` is empty
/// for a Worker that does not exist, and left out when it is not known (a
/// deployed tag alone). `account_classes`, the account's other Workers'
/// classes, is optional.
struct deployed_state {
    bool worker_exists = true;
    std::optional<text> migration_tag{};
    /// Every live class of the Worker; none (not known) for a tag alone.
    std::optional<std::vector<deployed_class>> classes{};
    std::optional<std::vector<account_class>> account_classes{};

    /// The live class named `name`, or null.
    [[nodiscard]] constexpr deployed_class const* find(std::string_view name) const noexcept {
        if (!classes) return nullptr;
        for (auto const& live : *classes)
            if (live.class_name == name) return &live;
        return nullptr;
    }

    friend constexpr bool operator==(deployed_state const&, deployed_state const&) = default;
};
BOOST_DESCRIBE_STRUCT(deployed_state, (), (worker_exists, migration_tag, classes, account_classes))

/// Nothing is known of the deployed Worker (the default): only what fails in
/// every possible state is an error; what depends on it is a warning that
/// says so.
struct unknown_state {
    friend constexpr bool operator==(unknown_state const&, unknown_state const&) = default;
};

/// The Worker has no Durable Object classes and no migration tag yet: the
/// configuration's migrations are its whole history.
struct first_deploy {
    friend constexpr bool operator==(first_deploy const&, first_deploy const&) = default;
};

/// What the rules assume about the deployed Worker.
using deployed_assumption = one_of<unknown_state, first_deploy, deployed_state>;

/// The assumption in a few words, for reports: "deployed state unknown",
/// "first deploy", "deployed tag v2, live classes unknown", "deployed tag v2,
/// 3 live classes", "no such Worker deployed".
[[nodiscard]] inline std::string describe(deployed_assumption const& assumed) {
    if (assumed.holds<unknown_state>()) return "deployed state unknown";
    if (assumed.holds<first_deploy>()) return "first deploy";
    auto const& state = assumed.get<deployed_state>();
    if (!state.worker_exists) return "no such Worker deployed";
    std::string text = state.migration_tag && !state.migration_tag->empty()
                           ? "deployed tag " + state.migration_tag->str()
                           : std::string("no deployed tag");
    if (!state.classes) return text + ", live classes unknown";
    auto const count = state.classes->size();
    return text + ", " + std::to_string(count) + (count == 1 ? " live class" : " live classes");
}

/// Why `state` contradicts itself (a Worker that does not exist with a tag
/// or classes, a class listed twice), or nothing: a state file that does is
/// unusable.
[[nodiscard]] constexpr std::optional<std::string_view> contradiction_in(deployed_state const& state) {
    if (!state.worker_exists && state.migration_tag) return "a Worker that does not exist has no migration tag";
    if (!state.worker_exists && state.classes && !state.classes->empty())
        return "a Worker that does not exist has no Durable Object classes";
    if (state.classes)
        for (std::size_t i = 0; i < state.classes->size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if ((*state.classes)[i].class_name == (*state.classes)[j].class_name) return "a class is listed twice";
    return std::nullopt;
}

} // namespace cfdo

#endif

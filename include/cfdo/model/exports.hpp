// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_EXPORTS_HPP_INCLUDED
#define CFDO_MODEL_EXPORTS_HPP_INCLUDED

#include <cfdo/model/json_text.hpp>
#include <cfdo/model/keyed.hpp>
#include <cfdo/model/one_of.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/text.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

// The declarative `exports` of a version (npm SDK 7.3
// `VersionCreateParams.exports`, wrangler 4.x `exports`): what the Worker
// exports, keyed by name, and for each Durable Object class where its
// lifecycle stands. Cloudflare reconciles it with the deployed namespaces
// at upload; it replaces `migrations` for Durable Objects (the two are
// exclusive). As for bindings, each kind of entry is its own type: its
// `type` (and a tombstone's `state`) is a constant, its required fields are
// `required`, and the fields a state forbids are not members at all.

namespace cfdo {

/// The storage backends of a Durable Object class in `exports`, fixed when
/// its namespace is created: `sqlite`, or `legacy-kv` (accepted only for a
/// class already live as key-value; `exports` never creates one). Any other
/// value is refused by the rule export-storage-unknown.
namespace export_storage {
inline constexpr std::string_view sqlite = "sqlite";
inline constexpr std::string_view legacy_kv = "legacy-kv";
} // namespace export_storage

/// A live Durable Object class (`state` `created`, the default): its
/// namespace is created on the first deploy that declares it and kept.
struct durable_object_export {
    static constexpr std::string_view type = "durable-object";

    required<"storage"> storage;
    /// The `name` of an entry of the version's `containers` that runs this
    /// class (SQLite only).
    std::optional<text> container{};
    /// `created`, or absent (the same). Any other value is refused by the
    /// rule export-state-unknown; the other states are their own types.
    std::optional<text> state{};

    friend constexpr bool operator==(durable_object_export const&, durable_object_export const&) = default;
};
BOOST_DESCRIBE_STRUCT(durable_object_export, (), (storage, container, state))

/// A `deleted` tombstone: the class's namespace and every object in it are
/// deleted. The class must be gone from the code and unbound.
struct durable_object_deleted_export {
    static constexpr std::string_view type = "durable-object";
    static constexpr std::string_view state = "deleted";

    friend constexpr bool operator==(durable_object_deleted_export const&,
                                     durable_object_deleted_export const&) = default;
};
BOOST_DESCRIBE_STRUCT(durable_object_deleted_export, (), ())

/// A `renamed` tombstone: the namespace now belongs to the class
/// `renamed_to`, a live entry of the same map.
struct durable_object_renamed_export {
    static constexpr std::string_view type = "durable-object";
    static constexpr std::string_view state = "renamed";

    required<"renamed_to"> renamed_to;

    friend constexpr bool operator==(durable_object_renamed_export const&,
                                     durable_object_renamed_export const&) = default;
};
BOOST_DESCRIBE_STRUCT(durable_object_renamed_export, (), (renamed_to))

/// A `transferred` tombstone (the source side of a two-phase transfer): the
/// namespace goes to the Worker `transferred_to`, which must already have
/// deployed a matching `expecting-transfer` entry.
struct durable_object_transferred_export {
    static constexpr std::string_view type = "durable-object";
    static constexpr std::string_view state = "transferred";

    required<"transferred_to"> transferred_to;

    friend constexpr bool operator==(durable_object_transferred_export const&,
                                     durable_object_transferred_export const&) = default;
};
BOOST_DESCRIBE_STRUCT(durable_object_transferred_export, (), (transferred_to))

/// The target side of a two-phase transfer: a live entry that expects the
/// namespace of this class from the Worker `transfer_from`.
struct durable_object_expecting_transfer_export {
    static constexpr std::string_view type = "durable-object";
    static constexpr std::string_view state = "expecting-transfer";

    required<"storage"> storage;
    required<"transfer_from"> transfer_from;
    std::optional<text> container{};

    friend constexpr bool operator==(durable_object_expecting_transfer_export const&,
                                     durable_object_expecting_transfer_export const&) = default;
};
BOOST_DESCRIBE_STRUCT(durable_object_expecting_transfer_export, (), (storage, transfer_from, container))

/// The cache override of a Worker entrypoint.
struct entrypoint_cache {
    bool enabled = false;

    friend constexpr bool operator==(entrypoint_cache const&, entrypoint_cache const&) = default;
};
BOOST_DESCRIBE_STRUCT(entrypoint_cache, (), (enabled))

/// A named Worker entrypoint (`type: worker`), always live.
struct worker_export {
    static constexpr std::string_view type = "worker";

    /// Overrides the version's `cache_options.enabled` for this entrypoint.
    std::optional<entrypoint_cache> cache{};
    /// `created`, or absent (the same).
    std::optional<text> state{};

    friend constexpr bool operator==(worker_export const&, worker_export const&) = default;
};
BOOST_DESCRIBE_STRUCT(worker_export, (), (cache, state))

struct workflow_export_limits {
    /// The most steps one instance may run.
    std::optional<std::uint32_t> steps{};

    friend constexpr bool operator==(workflow_export_limits const&, workflow_export_limits const&) = default;
};
BOOST_DESCRIBE_STRUCT(workflow_export_limits, (), (steps))

struct workflow_export_concurrency {
    /// The most instances running at once.
    std::optional<std::uint32_t> limit{};

    friend constexpr bool operator==(workflow_export_concurrency const&, workflow_export_concurrency const&) = default;
};
BOOST_DESCRIBE_STRUCT(workflow_export_concurrency, (), (limit))

/// A Workflow (`type: workflow`), shaped as wrangler 4.164's schema has it;
/// the npm SDK 7.3 does not list it yet, so it is held to wrangler's upload
/// rather than to the SDK. Wrangler sends the header
/// `Cloudflare-Workers-Script-Api-Date: 2026-11-09` with it, and so does
/// `cfdo::make_request`.
struct workflow_export {
    static constexpr std::string_view type = "workflow";
    static constexpr bool sdk_lists_it = false;

    required<"name"> name;
    std::optional<workflow_export_limits> limits{};
    std::optional<workflow_export_concurrency> concurrency{};
    /// A cron expression, or an array of them, as JSON.
    std::optional<json_text> schedules{};
    /// `{success_retention, error_retention}`, each a number or a duration
    /// string, as JSON.
    std::optional<json_text> default_retention{};
    std::optional<text> jurisdiction{};

    friend constexpr bool operator==(workflow_export const&, workflow_export const&) = default;
};
BOOST_DESCRIBE_STRUCT(workflow_export, (), (name, limits, concurrency, schedules, default_retention, jurisdiction))

/// One entry of `exports`.
using export_entry =
    one_of<durable_object_export, durable_object_deleted_export, durable_object_renamed_export,
           durable_object_transferred_export, durable_object_expecting_transfer_export, worker_export, workflow_export>;

template <>
struct json_alternatives<export_entry> {
    static constexpr std::string_view noun = "an exports entry";
};

/// A version's `exports`: name → entry, in the order written.
using exports_map = std::vector<keyed<export_entry>>;

/// True for a Durable Object entry (live or tombstone): `exports` then
/// declares the Durable Object lifecycle, and `migrations` may not.
[[nodiscard]] constexpr bool is_durable_object_entry(export_entry const& entry) noexcept {
    return entry.visit([](auto const& kind) { return kind.type == durable_object_export::type; });
}

/// True when `exports` has a Durable Object entry.
[[nodiscard]] constexpr bool declares_durable_objects(exports_map const& exports) noexcept {
    for (auto const& entry : exports)
        if (is_durable_object_entry(entry.value)) return true;
    return false;
}

/// True for an entry whose class is live after the upload (`created`,
/// `expecting-transfer`): it has a namespace a binding can use.
[[nodiscard]] constexpr bool is_live_durable_object(export_entry const& entry) noexcept {
    return entry.holds<durable_object_export>() || entry.holds<durable_object_expecting_transfer_export>();
}

/// The storage of a live Durable Object entry (nothing for another entry).
[[nodiscard]] constexpr std::optional<std::string_view> storage_of(export_entry const& entry) noexcept {
    if (entry.holds<durable_object_export>()) return entry.get<durable_object_export>().storage;
    if (entry.holds<durable_object_expecting_transfer_export>())
        return entry.get<durable_object_expecting_transfer_export>().storage;
    return std::nullopt;
}

/// The `container` of a live Durable Object entry, when it has one.
[[nodiscard]] constexpr std::optional<text> const* container_of(export_entry const& entry) noexcept {
    if (entry.holds<durable_object_export>()) return &entry.get<durable_object_export>().container;
    if (entry.holds<durable_object_expecting_transfer_export>())
        return &entry.get<durable_object_expecting_transfer_export>().container;
    return nullptr;
}

} // namespace cfdo

#endif

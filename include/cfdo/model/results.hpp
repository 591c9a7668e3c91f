// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_RESULTS_HPP_INCLUDED
#define CFDO_MODEL_RESULTS_HPP_INCLUDED

#include <cfdo/model/json_names.hpp>

#include <boost/describe/class.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// What the operations answer: the `result` (and `result_info`) of
// Cloudflare's envelope, as plain data. Every field Cloudflare may leave out
// is optional; unknown fields are ignored when decoding (the API grows).

namespace cfdo {

/// The `result_info` of a page-numbered listing; every number is optional.
struct page_info {
    std::optional<std::int64_t> page{};
    std::optional<std::int64_t> per_page{};
    std::optional<std::int64_t> count{};
    std::optional<std::int64_t> total_count{};
    std::optional<std::int64_t> total_pages{};

    friend bool operator==(page_info const&, page_info const&) = default;
};
BOOST_DESCRIBE_STRUCT(page_info, (), (page, per_page, count, total_count, total_pages))

/// A Durable Object namespace as listed.
struct namespace_info {
    std::optional<std::string> id{};
    /// The Durable Object class (Cloudflare's `class`).
    std::optional<std::string> class_name{};
    std::optional<std::string> name{};
    /// The Worker that defines the class.
    std::optional<std::string> script{};
    std::optional<bool> use_sqlite{};

    friend bool operator==(namespace_info const&, namespace_info const&) = default;
};
BOOST_DESCRIBE_STRUCT(namespace_info, (), (id, class_name, name, script, use_sqlite))

template <>
struct json_field_names<namespace_info> {
    static constexpr std::array renamed{renamed_field{"class_name", "class"}};
};

/// One page of `list_namespaces`: `result` and `result_info`.
struct namespace_page {
    std::vector<namespace_info> namespaces;
    page_info info;
};

/// A Durable Object as listed.
struct object_info {
    std::optional<std::string> id{};
    /// Cloudflare's `hasStoredData`.
    std::optional<bool> has_stored_data{};

    friend bool operator==(object_info const&, object_info const&) = default;
};
BOOST_DESCRIBE_STRUCT(object_info, (), (id, has_stored_data))

template <>
struct json_field_names<object_info> {
    static constexpr std::array renamed{renamed_field{"has_stored_data", "hasStoredData"}};
};

/// One page of `list_objects`: `result`, and from `result_info` the cursor
/// of the next page and the count.
struct object_page {
    std::vector<object_info> objects;
    /// Where the next page starts; absent (or empty) on the last page.
    std::optional<std::string> cursor;
    std::optional<std::int64_t> count;
};

/// An advisory entry of an exports reconciliation (`info`, `warnings`).
struct reconciliation_entry {
    /// The Durable Object class (Cloudflare's `class`).
    std::string class_name;
    /// Cloudflare's tag (`stale_tombstone`, ...), kept as text: Cloudflare
    /// adds tags.
    std::string scenario;
    std::string message;
    std::optional<std::string> namespace_id{};
    /// Other Workers still bound to the class: until none are, a tombstone
    /// must stay in `exports`.
    std::vector<std::string> referencing_scripts{};

    friend bool operator==(reconciliation_entry const&, reconciliation_entry const&) = default;
};
BOOST_DESCRIBE_STRUCT(reconciliation_entry, (), (class_name, scenario, message, namespace_id, referencing_scripts))

template <>
struct json_field_names<reconciliation_entry> {
    static constexpr std::array renamed{renamed_field{"class_name", "class"}};
};

/// An applied `renamed` tombstone.
struct reconciliation_rename {
    std::string from;
    std::string to;

    friend bool operator==(reconciliation_rename const&, reconciliation_rename const&) = default;
};
BOOST_DESCRIBE_STRUCT(reconciliation_rename, (), (from, to))

/// A committed `transferred` tombstone: the class's namespace now belongs
/// to the script `to`.
struct reconciliation_transfer {
    std::string class_name;
    /// `committed`, the only phase today.
    std::string phase;
    std::string to;

    friend bool operator==(reconciliation_transfer const&, reconciliation_transfer const&) = default;
};
BOOST_DESCRIBE_STRUCT(reconciliation_transfer, (), (class_name, phase, to))

template <>
struct json_field_names<reconciliation_transfer> {
    static constexpr std::array renamed{renamed_field{"class_name", "class"}};
};

/// A transfer awaited on the receiving side (a live `expecting-transfer`
/// entry): the namespace of `class_name` will come from the script `from`.
struct reconciliation_transfer_pending {
    std::string class_name;
    std::string from;

    friend bool operator==(reconciliation_transfer_pending const&, reconciliation_transfer_pending const&) = default;
};
BOOST_DESCRIBE_STRUCT(reconciliation_transfer_pending, (), (class_name, from))

template <>
struct json_field_names<reconciliation_transfer_pending> {
    static constexpr std::array renamed{renamed_field{"class_name", "class"}};
};

/// What Cloudflare did with an upload's `exports` (npm SDK
/// `ExportsReconciliation`); present only when the upload had `exports`.
/// The SDK lists every array as always sent; an absent one is read as empty.
struct exports_reconciliation_summary {
    /// Classes whose namespace was created, updated in place, deleted.
    std::vector<std::string> created{};
    std::vector<std::string> updated{};
    std::vector<std::string> deleted{};
    std::vector<reconciliation_rename> renamed{};
    std::vector<reconciliation_transfer> transferred{};
    std::vector<reconciliation_transfer_pending> transfer_pending{};
    std::vector<reconciliation_entry> warnings{};
    std::vector<reconciliation_entry> info{};
    /// Tombstones no Worker references any more: safe to drop from `exports`.
    std::vector<std::string> removable_entries{};

    friend bool operator==(exports_reconciliation_summary const&, exports_reconciliation_summary const&) = default;
};
BOOST_DESCRIBE_STRUCT(exports_reconciliation_summary, (),
                      (created, updated, deleted, renamed, transferred, transfer_pending, warnings, info,
                       removable_entries))

/// The version `create_version` made.
struct version_info {
    std::string id;
    std::optional<std::int64_t> number{};
    std::optional<std::string> created_on{};
    std::vector<std::string> urls{};
    std::optional<std::string> main_module{};
    std::optional<std::string> compatibility_date{};
    std::vector<std::string> compatibility_flags{};
    /// Set once the version is deployed with Durable Object migrations.
    std::optional<std::string> migration_tag{};
    /// When the version was uploaded with `exports`: how they were
    /// reconciled with the deployed namespaces.
    std::optional<exports_reconciliation_summary> exports_reconciliation{};

    friend bool operator==(version_info const&, version_info const&) = default;
};
BOOST_DESCRIBE_STRUCT(version_info, (),
                      (id, number, created_on, urls, main_module, compatibility_date, compatibility_flags,
                       migration_tag, exports_reconciliation))

/// The script `upload_script` deployed.
struct script_info {
    std::optional<std::string> id{};
    std::optional<std::string> etag{};
    std::optional<std::string> created_on{};
    std::optional<std::string> modified_on{};
    std::optional<std::string> migration_tag{};
    std::optional<std::int64_t> startup_time_ms{};

    friend bool operator==(script_info const&, script_info const&) = default;
};
BOOST_DESCRIBE_STRUCT(script_info, (), (id, etag, created_on, modified_on, migration_tag, startup_time_ms))

/// An environment of a Worker's service: the script it runs.
struct service_environment {
    std::optional<std::string> environment{};
    std::optional<script_info> script{};

    friend bool operator==(service_environment const&, service_environment const&) = default;
};
BOOST_DESCRIBE_STRUCT(service_environment, (), (environment, script))

/// A Worker's service (`get_worker_service`): its default environment's
/// script carries the deployed migration tag, where wrangler reads it.
struct worker_service {
    std::optional<std::string> id{};
    std::optional<service_environment> default_environment{};

    friend bool operator==(worker_service const&, worker_service const&) = default;
};
BOOST_DESCRIBE_STRUCT(worker_service, (), (id, default_environment))

/// A script of a dispatch namespace (`get_dispatch_script`).
struct dispatch_script {
    std::optional<std::string> created_on{};
    std::optional<std::string> dispatch_namespace{};
    std::optional<std::string> modified_on{};
    std::optional<script_info> script{};

    friend bool operator==(dispatch_script const&, dispatch_script const&) = default;
};
BOOST_DESCRIBE_STRUCT(dispatch_script, (), (created_on, dispatch_namespace, modified_on, script))

} // namespace cfdo

#endif

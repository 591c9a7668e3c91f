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

    friend bool operator==(version_info const&, version_info const&) = default;
};
BOOST_DESCRIBE_STRUCT(version_info, (),
                      (id, number, created_on, urls, main_module, compatibility_date, compatibility_flags,
                       migration_tag))

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

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_OPERATIONS_HPP_INCLUDED
#define CFDO_MODEL_OPERATIONS_HPP_INCLUDED

#include <cfdo/model/json_names.hpp>
#include <cfdo/model/operation.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/results.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/model/upload_metadata.hpp>
#include <cfdo/model/worker_version.hpp>

#include <boost/describe/class.hpp>
#include <boost/mp11/list.hpp>

#include <array>
#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>

// The API operations cfdo builds, one declaration each (model/operation.hpp
// says how to read one). Their parameters are named as in Cloudflare's SDK
// and are plain aggregates like the rest of the model, so a request can be
// written as a constant and checked at compile time.
//
// Adding an operation: declare it here and add it to `operations` below;
// docs/contributing.md lists the tests that then ask for its cases.

namespace cfdo {

/// `GET /accounts/{account_id}/workers/durable_objects/namespaces`.
struct list_namespaces {
    static constexpr parameter_range ranges[]{
        {"page", 1, std::numeric_limits<std::uint32_t>::max(), "page-out-of-range"},
        {"per_page", 1, 100, "per-page-out-of-range"},
    };
    static constexpr cfdo::endpoint endpoint{
        .method = http_method::get,
        .path = "/accounts/{account_id}/workers/durable_objects/namespaces",
        .sdk_method = "durableObjects.namespaces.list",
        .ranges = ranges,
    };
    using response = namespace_page;

    required<"account_id"> account_id;
    /// Page number, from 1.
    std::optional<std::uint32_t> page{};
    /// Namespaces per page, 1 to 100 (the limit the API page documents).
    std::optional<std::uint32_t> per_page{};

    using pagination = numbered_pages<&list_namespaces::page, &namespace_page::namespaces, &namespace_page::info>;

    friend constexpr bool operator==(list_namespaces const&, list_namespaces const&) = default;
};
BOOST_DESCRIBE_STRUCT(list_namespaces, (), (account_id, page, per_page))

/// `GET /accounts/{account_id}/workers/durable_objects/namespaces/{id}/objects`.
struct list_objects {
    static constexpr parameter_range ranges[]{{"limit", 10, 10000, "limit-out-of-range"}};
    static constexpr cfdo::endpoint endpoint{
        .method = http_method::get,
        .path = "/accounts/{account_id}/workers/durable_objects/namespaces/{namespace_id}/objects",
        .sdk_method = "durableObjects.namespaces.objects.list",
        .ranges = ranges,
    };
    using response = object_page;

    required<"account_id"> account_id;
    /// The namespace's id (the API's `id` path parameter).
    required<"namespace_id"> namespace_id;
    /// Where the previous page ended (`result_info.cursor` of its response).
    std::optional<text> cursor{};
    /// Objects per page, 10 to 10000.
    std::optional<std::uint32_t> limit{};

    using pagination = cursor_pages<&list_objects::cursor, &object_page::objects, &object_page::cursor>;

    friend constexpr bool operator==(list_objects const&, list_objects const&) = default;
};
BOOST_DESCRIBE_STRUCT(list_objects, (), (account_id, namespace_id, cursor, limit))

template <>
struct json_field_names<list_objects> {
    static constexpr std::array renamed{renamed_field{"namespace_id", "id"}};
};

/// `POST /accounts/{account_id}/workers/workers/{worker_id}/versions`; the
/// body is `version` (the SDK's params carry its fields beside the others).
struct create_version {
    static constexpr cfdo::endpoint endpoint{
        .method = http_method::post,
        .path = "/accounts/{account_id}/workers/workers/{worker_id}/versions",
        .sdk_method = "workers.beta.workers.versions.create",
        .body = "version",
        .form = body_form::json,
        .worker = "worker_id",
    };
    using response = version_info;

    required<"account_id"> account_id;
    /// The Worker's id or name.
    required<"worker_id"> worker_id;
    /// When true, the version is deployed to 100% of traffic at once.
    std::optional<bool> deploy{};
    worker_version version{};

    friend constexpr bool operator==(create_version const&, create_version const&) = default;
};
BOOST_DESCRIBE_STRUCT(create_version, (), (account_id, worker_id, deploy, version))

/// `PUT /accounts/{account_id}/workers/scripts/{script_name}`: the classic
/// multipart upload, which creates and deploys a version. `metadata` without
/// its version's modules is the `metadata` part; each module is a part named
/// after it.
struct upload_script {
    static constexpr cfdo::endpoint endpoint{
        .method = http_method::put,
        .path = "/accounts/{account_id}/workers/scripts/{script_name}",
        .sdk_method = "workers.scripts.update",
        .body = "metadata",
        .form = body_form::multipart_upload,
        .worker = "script_name",
    };
    using response = script_info;

    required<"account_id"> account_id;
    required<"script_name"> script_name;
    upload_metadata metadata{};

    friend constexpr bool operator==(upload_script const&, upload_script const&) = default;
};
BOOST_DESCRIBE_STRUCT(upload_script, (), (account_id, script_name, metadata))

/// `GET /accounts/{account_id}/workers/services/{script_name}`: a Worker's
/// service, whose default environment's script carries the migration tag
/// Cloudflare has deployed (a Worker that does not exist answers 404, 10007).
struct get_worker_service {
    static constexpr cfdo::endpoint endpoint{
        .method = http_method::get,
        .path = "/accounts/{account_id}/workers/services/{script_name}",
        .not_in_sdk = "the npm SDK 7.3 has no method for the Workers services endpoint; wrangler reads the deployed "
                      "migration tag from it before every deploy",
    };
    using response = worker_service;

    required<"account_id"> account_id;
    required<"script_name"> script_name;

    friend constexpr bool operator==(get_worker_service const&, get_worker_service const&) = default;
};
BOOST_DESCRIBE_STRUCT(get_worker_service, (), (account_id, script_name))

/// `GET /accounts/{account_id}/workers/dispatch/namespaces/{dispatch_namespace}/scripts/{script_name}`:
/// a Worker of a dispatch namespace (Workers for Platforms), with its
/// deployed migration tag.
struct get_dispatch_script {
    static constexpr cfdo::endpoint endpoint{
        .method = http_method::get,
        .path = "/accounts/{account_id}/workers/dispatch/namespaces/{dispatch_namespace}/scripts/{script_name}",
        .sdk_method = "workersForPlatforms.dispatch.namespaces.scripts.get",
    };
    using response = dispatch_script;

    required<"account_id"> account_id;
    required<"dispatch_namespace"> dispatch_namespace;
    required<"script_name"> script_name;

    friend constexpr bool operator==(get_dispatch_script const&, get_dispatch_script const&) = default;
};
BOOST_DESCRIBE_STRUCT(get_dispatch_script, (), (account_id, dispatch_namespace, script_name))

/// An operation whose body carries a Worker version: create_version (the
/// version itself), upload_script (the upload's metadata).
template <class Operation>
concept version_operation = operation_with_body<Operation> && requires(Operation const& op) {
    { version_of(body_of(op)) } -> std::same_as<worker_version const&>;
};

/// Every operation, for what is derived from them all: the SDK params reader
/// of `cfdo request`, the fuzz targets, and the tests that ask each one for
/// its SDK comparison case, response test and documentation row.
using operations = boost::mp11::mp_list<list_namespaces, list_objects, create_version, upload_script,
                                        get_worker_service, get_dispatch_script>;

} // namespace cfdo

#endif

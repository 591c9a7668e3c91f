// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_OPERATIONS_HPP_INCLUDED
#define CFDO_API_OPERATIONS_HPP_INCLUDED

#include <cfdo/api/route.hpp>
#include <cfdo/json/concepts.hpp>
#include <cfdo/model/json_names.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/model/worker_version.hpp>

#include <boost/describe/class.hpp>

#include <array>
#include <cstdint>
#include <optional>

// The parameters of each API operation cfdo builds, named as in Cloudflare's
// SDK. They are plain aggregates like the rest of the model, so a request can
// be written as a constant and checked at compile time.

namespace cfdo {

/// `GET /accounts/{account_id}/workers/durable_objects/namespaces`
/// (SDK: `durableObjects.namespaces.list`).
struct list_namespaces {
    static constexpr route endpoint{http_method::get, "/accounts/{account_id}/workers/durable_objects/namespaces"};

    required<"account_id"> account_id;
    /// Page number, from 1.
    std::optional<std::uint32_t> page {};
    /// Namespaces per page, 1 to 100 (the limit the API page documents).
    std::optional<std::uint32_t> per_page {};

    friend constexpr bool operator==(list_namespaces const&, list_namespaces const&) = default;
};
BOOST_DESCRIBE_STRUCT(list_namespaces, (), (account_id, page, per_page))

/// `GET /accounts/{account_id}/workers/durable_objects/namespaces/{id}/objects`
/// (SDK: `durableObjects.namespaces.objects.list`).
struct list_objects {
    static constexpr route endpoint{http_method::get,
                                    "/accounts/{account_id}/workers/durable_objects/namespaces/{namespace_id}/objects"};

    required<"account_id"> account_id;
    /// The namespace's id (the API's `id` path parameter).
    required<"namespace_id"> namespace_id;
    /// Where the previous page ended (`result_info.cursor` of its response).
    std::optional<text> cursor {};
    /// Objects per page, 10 to 10000.
    std::optional<std::uint32_t> limit {};

    friend constexpr bool operator==(list_objects const&, list_objects const&) = default;
};
BOOST_DESCRIBE_STRUCT(list_objects, (), (account_id, namespace_id, cursor, limit))

template <>
struct json_field_names<list_objects> {
    static constexpr std::array renamed{renamed_field{"namespace_id", "id"}};
};

/// `POST /accounts/{account_id}/workers/workers/{worker_id}/versions`
/// (SDK: `workers.beta.workers.versions.create`); the body is `version`.
struct create_version {
    static constexpr route endpoint{http_method::post, "/accounts/{account_id}/workers/workers/{worker_id}/versions"};

    required<"account_id"> account_id;
    /// The Worker's id or name.
    required<"worker_id"> worker_id;
    /// When true, the version is deployed to 100% of traffic at once.
    std::optional<bool> deploy {};
    worker_version version {};

    friend constexpr bool operator==(create_version const&, create_version const&) = default;
};
BOOST_DESCRIBE_STRUCT(create_version, (), (account_id, worker_id, deploy, version))

/// The SDK flattens the version's fields beside the parameters; the reader is
/// in <cfdo/api/sdk_params.hpp>.
template <>
inline constexpr bool has_own_json_conversion<create_version> = true;

/// `PUT /accounts/{account_id}/workers/scripts/{script_name}`
/// (SDK: `workers.scripts.update`): the classic multipart upload, which
/// creates and deploys a version. `version` without its modules is the
/// `metadata` part; each module is a part named after it.
struct upload_script {
    static constexpr route endpoint{http_method::put, "/accounts/{account_id}/workers/scripts/{script_name}"};

    required<"account_id"> account_id;
    required<"script_name"> script_name;
    worker_version version {};

    friend constexpr bool operator==(upload_script const&, upload_script const&) = default;
};
BOOST_DESCRIBE_STRUCT(upload_script, (), (account_id, script_name, version))

/// The SDK sends the version as `metadata` and its modules as `files`; the
/// reader is in <cfdo/api/sdk_params.hpp>.
template <>
inline constexpr bool has_own_json_conversion<upload_script> = true;

} // namespace cfdo

#endif

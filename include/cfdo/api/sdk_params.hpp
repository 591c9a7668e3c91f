// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_SDK_PARAMS_HPP_INCLUDED
#define CFDO_API_SDK_PARAMS_HPP_INCLUDED

#include <cfdo/api/operations.hpp>
#include <cfdo/json/from_json.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/model/worker_version.hpp>

#include <boost/json/object.hpp>
#include <boost/mp11/list.hpp>
#include <boost/json/value.hpp>

#include <initializer_list>
#include <optional>
#include <string_view>

// Reading operations from the params object of Cloudflare's TypeScript SDK,
// with the path parameters added under their API names (`id` for the
// namespace, `worker_id`, `script_name`):
//
//   durableObjects.namespaces.list          {account_id, page?, per_page?}
//   durableObjects.namespaces.objects.list  {account_id, id, cursor?, limit?}
//   workers.beta.workers.versions.create    {account_id, worker_id, deploy?, ...version}
//   workers.scripts.update                  {account_id, script_name, metadata, files?}
//
// `files` are the modules, each `{name, content_type, content_base64}`: the
// JSON spelling of the SDK's `File` objects. `to_json` writes the same params
// back. `list_namespaces` and `list_objects` need nothing here: they convert
// member by member.

namespace cfdo {

/// Every operation with an SDK method, for dispatching on the method's name.
using sdk_operations = boost::mp11::mp_list<list_namespaces, list_objects, create_version, upload_script>;

/// The SDK method path of each operation.
template <class Operation>
inline constexpr std::string_view sdk_method = "";
template <>
inline constexpr std::string_view sdk_method<list_namespaces> = "durableObjects.namespaces.list";
template <>
inline constexpr std::string_view sdk_method<list_objects> = "durableObjects.namespaces.objects.list";
template <>
inline constexpr std::string_view sdk_method<create_version> = "workers.beta.workers.versions.create";
template <>
inline constexpr std::string_view sdk_method<upload_script> = "workers.scripts.update";

namespace detail {

inline boost::json::value without_keys(boost::json::object const& object, std::initializer_list<std::string_view> keys) {
    boost::json::object rest = object;
    for (auto key : keys) rest.erase(key);
    return rest;
}

template <class T>
std::optional<T> decode_key(boost::json::object const& object, std::string_view key, decoding& ctx) {
    if (auto const* found = object.if_contains(key)) {
        auto inside = ctx.enter(key);
        return decode(*found, ctx, type_tag<T>{});
    }
    if constexpr (may_be_absent<T>) return T{};
    auto inside = ctx.enter(key);
    return ctx.fail<T>("missing required field \"" + std::string(key) + "\"");
}

inline std::optional<create_version> decode(boost::json::value const& v, decoding& ctx, type_tag<create_version>) {
    auto const* object = v.if_object();
    if (!object) return ctx.fail<create_version>(expected_but_got("an object", v));
    auto account_id = decode_key<required<"account_id">>(*object, "account_id", ctx);
    auto worker_id = decode_key<required<"worker_id">>(*object, "worker_id", ctx);
    auto deploy = decode_key<std::optional<bool>>(*object, "deploy", ctx);
    if (ctx.error) return std::nullopt;
    // The body's fields sit beside the parameters, as the SDK flattens them.
    auto version = decode(without_keys(*object, {"account_id", "worker_id", "deploy"}), ctx, type_tag<worker_version>{});
    if (!version) return std::nullopt;
    return create_version{std::move(*account_id), std::move(*worker_id), *deploy, std::move(*version)};
}

inline std::optional<upload_script> decode(boost::json::value const& v, decoding& ctx, type_tag<upload_script>) {
    auto const* object = v.if_object();
    if (!object) return ctx.fail<upload_script>(expected_but_got("an object", v));
    auto account_id = decode_key<required<"account_id">>(*object, "account_id", ctx);
    auto script_name = decode_key<required<"script_name">>(*object, "script_name", ctx);
    auto metadata = decode_key<worker_version>(*object, "metadata", ctx);
    auto files = decode_key<std::vector<worker_module>>(*object, "files", ctx);
    if (ctx.error) return std::nullopt;
    report_unknown_keys(
        *object,
        [](std::string_view key) {
            return key == "account_id" || key == "script_name" || key == "metadata" || key == "files";
        },
        ctx);
    if (!metadata->modules.empty()) {
        auto inside = ctx.enter("metadata");
        auto modules = ctx.enter("modules");
        return ctx.fail<upload_script>("the script upload sends modules as \"files\", not in the metadata");
    }
    metadata->modules = std::move(*files);
    return upload_script{std::move(*account_id), std::move(*script_name), std::move(*metadata)};
}

} // namespace detail

/// An operation's SDK params: what `from_json` reads back.
inline void tag_invoke(boost::json::value_from_tag, boost::json::value& out, create_version const& op) {
    auto& object = out.emplace_object();
    object["account_id"] = op.account_id.view();
    object["worker_id"] = op.worker_id.view();
    if (op.deploy) object["deploy"] = *op.deploy;
    auto const version = to_json(op.version, out.storage());
    for (auto const& field : version.as_object()) object[field.key()] = field.value();
}

inline void tag_invoke(boost::json::value_from_tag, boost::json::value& out, upload_script const& op) {
    auto& object = out.emplace_object();
    object["account_id"] = op.account_id.view();
    object["script_name"] = op.script_name.view();
    auto metadata = to_json(op.version, out.storage());
    if (auto const* modules = metadata.as_object().if_contains("modules")) object["files"] = *modules;
    metadata.as_object().erase("modules");
    object["metadata"] = std::move(metadata);
}

} // namespace cfdo

#endif

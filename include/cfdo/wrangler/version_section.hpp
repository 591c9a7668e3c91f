// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_WRANGLER_VERSION_SECTION_HPP_INCLUDED
#define CFDO_WRANGLER_VERSION_SECTION_HPP_INCLUDED

#include <cfdo/json/from_json.hpp>
#include <cfdo/model/exports.hpp>
#include <cfdo/model/json_text.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/model/upload_metadata.hpp>
#include <cfdo/model/worker_version.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/wrangler/config_path.hpp>
#include <cfdo/wrangler/config_shape.hpp>
#include <cfdo/wrangler/worker_config.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

// The fields of a version and of the upload that a wrangler configuration
// sets besides bindings and migrations — as wrangler 4.164 uploads them
// (its createWorkerUploadForm and parseConfigPlacement): limits, placement,
// observability, logpush, cache (sent as cache_options), the assets
// configuration, tail consumers, containers, the Durable Objects' code update
// strategy, keep_vars.

namespace cfdo::wrangler {

namespace detail {

// A value read as the model type wrangler sends it as, or nothing (reported
// at the offending value's place) when it has another shape.
template <class T>
std::optional<T> read_as(config_reader& reader, boost::json::value const& value, config_path const& at) {
    auto read = from_json<T>(value);
    if (read) return std::move(*read);
    // The decoder's pointer is below `at`; say where, in wrangler's words.
    config_path where = at;
    std::string_view rest = read.error().path;
    while (!rest.empty()) {
        rest.remove_prefix(1);
        auto const end = rest.find('/');
        auto const token = rest.substr(0, end);
        bool const index = !token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) != 0;
        });
        where = index ? where / static_cast<std::size_t>(std::stoul(std::string(token))) : where / token;
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
    }
    reader.report("config-value-malformed", where);
    return std::nullopt;
}

// wrangler's parseConfigPlacement: `{mode: "off"}` sends nothing; a hint or
// smart mode sends `{mode: "smart"[, hint]}`; otherwise the first of region,
// host, hostname, targeted.
inline std::optional<placement> read_placement(config_reader& reader, boost::json::value const& value,
                                               config_path const& at) {
    auto const* written = reader.object_at(value, at);
    if (!written) return std::nullopt;
    auto mode = reader.optional_string(*written, "mode", at);
    auto hint = reader.optional_string(*written, "hint", at);
    bool const has_hint = hint && !hint->empty();
    if (!has_hint && mode && *mode == "off") return std::nullopt;
    if (has_hint || (mode && *mode == "smart")) return placement{.mode = "smart", .hint = std::move(hint)};
    for (std::string_view const field : {"region", "host", "hostname"}) {
        auto target = reader.optional_string(*written, field, at);
        if (!target || target->empty()) continue;
        placement targeted{.mode = "targeted"};
        if (field == "region") targeted.region = std::move(target);
        else if (field == "host") targeted.host = std::move(target);
        else targeted.hostname = std::move(target);
        return targeted;
    }
    return std::nullopt;
}

// The assets section's serving configuration (its `directory` is what the
// upload session sends, its `binding` a binding).
inline std::optional<version_assets> read_assets(config_reader& reader, boost::json::value const& value,
                                                 config_path const& at) {
    auto const* written = reader.object_at(value, at);
    if (!written) return std::nullopt;
    assets_config config{.html_handling = reader.optional_string(*written, "html_handling", at),
                         .not_found_handling = reader.optional_string(*written, "not_found_handling", at)};
    if (auto const* first = written->if_contains("run_worker_first"))
        config.run_worker_first = json_text(boost::json::serialize(*first));
    return version_assets{.config = std::move(config)};
}

// The class each container name is given by `exports`: the first live
// Durable Object entry whose `container` it is. (Built once, so that
// reading many containers against many entries stays linear.)
inline std::unordered_map<std::string_view, std::string_view> classes_by_container(exports_map const& exports) {
    std::unordered_map<std::string_view, std::string_view> classes;
    for (auto const& member : exports)
        if (auto const* container = container_of(member.value); container && *container)
            classes.emplace(std::string_view(**container), std::string_view(member.key));
    return classes;
}

// The class a container runs: its `class_name`, else, for a Durable
// Object-managed container (`scheduling_policy = "durable_object"`), the
// class of the entry of `exports` naming it (wrangler's
// getResolvedDurableObjectContainerApps). Another container without
// `class_name` wrangler uploads as its name alone, which the model (a
// container runs a class) cannot hold.
inline std::optional<text>
container_class(config_reader& reader, boost::json::object const& entry, config_path const& at,
                std::unordered_map<std::string_view, std::string_view> const& classes_by_container) {
    if (entry.contains("class_name")) return reader.optional_string(entry, "class_name", at);
    auto const* policy = entry.if_contains("scheduling_policy");
    bool const managed = policy && policy->is_string() && policy->get_string() == "durable_object";
    auto const* name = entry.if_contains("name");
    if (managed && name && name->is_string())
        if (auto const found = classes_by_container.find(std::string_view(name->get_string()));
            found != classes_by_container.end())
            return text(found->second);
    reader.report("config-field-missing", at / "class_name");
    return std::nullopt;
}

// The application's name is the container's `name`, else wrangler's
// `<worker>-<class in lower case>`.
inline std::vector<version_container> read_containers(config_reader& reader, boost::json::value const& value,
                                                      config_path const& at, std::optional<text> const& worker_name,
                                                      exports_map const& exports) {
    std::vector<version_container> containers;
    auto const* entries = reader.array_at(value, at);
    if (!entries) return containers;
    auto const classes = classes_by_container(exports);
    for (std::size_t i = 0; i < entries->size(); ++i) {
        auto const* entry = reader.object_at((*entries)[i], at / i);
        if (!entry) continue;
        auto class_name = container_class(reader, *entry, at / i, classes);
        if (!class_name) continue;
        auto name = reader.optional_string(*entry, "name", at / i);
        if (!name) {
            std::string lower{std::string_view(*class_name)};
            std::transform(lower.begin(), lower.end(), lower.begin(),
                           [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
            name = text(std::string(worker_name ? std::string_view(*worker_name) : std::string_view()) + "-" + lower);
        }
        containers.push_back({.class_name = std::move(*class_name), .name = std::move(name)});
    }
    return containers;
}

} // namespace detail

/// Reads the inheritable version and upload fields of `section` (the top
/// level, or an environment overriding it): limits, placement,
/// observability, logpush, cache, assets. A field the section does not set is
/// left as it is (inherited).
inline void read_inheritable_version_fields(config_reader& reader, boost::json::object const& section,
                                            config_path const& at, worker_version& version, upload_metadata& upload) {
    if (auto const* limits = section.if_contains("limits"))
        version.limits = detail::read_as<version_limits>(reader, *limits, at / "limits");
    if (auto const* written = section.if_contains("placement"))
        version.placement = detail::read_placement(reader, *written, at / "placement");
    if (auto const* written = section.if_contains("cache"))
        version.cache_options = detail::read_as<cache_options>(reader, *written, at / "cache");
    if (auto const* written = section.if_contains("assets"))
        version.assets = detail::read_assets(reader, *written, at / "assets");
    if (auto const* written = section.if_contains("observability"))
        upload.observability = detail::read_as<observability>(reader, *written, at / "observability");
    if (auto const* written = section.if_contains("logpush")) {
        if (auto const* flag = written->if_bool()) upload.logpush = *flag;
        else reader.report("config-not-a-boolean", at / "logpush");
    }
}

/// Reads the version and upload fields wrangler does not inherit, from the
/// section deployed (the top level, or the environment alone): tail
/// consumers, containers, the Durable Objects' code update strategy,
/// `unsafe.metadata`. (Call it once the Worker's name and its `exports` are
/// known: a container may take its class from an `exports` entry.)
inline void read_own_version_fields(config_reader& reader, boost::json::object const& section, config_path const& at,
                                    worker_config& worker) {
    auto& version = worker.deployment.version;
    auto& upload = worker.upload;
    auto const& worker_name = worker.name;
    if (auto const* written = section.if_contains("tail_consumers"))
        upload.tail_consumers = detail::read_as<std::vector<tail_consumer>>(reader, *written, at / "tail_consumers")
                                    .value_or(std::vector<tail_consumer>{});
    if (auto const* written = section.if_contains("streaming_tail_consumers"))
        upload.streaming_tail_consumers =
            detail::read_as<std::vector<tail_consumer>>(reader, *written, at / "streaming_tail_consumers")
                .value_or(std::vector<tail_consumer>{});
    if (auto const* written = section.if_contains("containers"))
        version.containers = detail::read_containers(reader, *written, at / "containers", worker_name, version.exports);
    if (auto const* durable_objects = section.if_contains("durable_objects");
        durable_objects && durable_objects->is_object())
        if (auto const* strategy = durable_objects->get_object().if_contains("code_update_strategy"))
            upload.code_update_strategy = detail::read_as<code_update_strategy>(
                reader, *strategy, at / "durable_objects" / "code_update_strategy");
    if (auto const* unsafe = section.if_contains("unsafe"); unsafe && unsafe->is_object())
        if (auto const* metadata = unsafe->get_object().if_contains("metadata")) {
            if (metadata->is_object()) worker.unsafe_metadata = json_text(boost::json::serialize(*metadata));
            else reader.report("config-not-an-object", at / "unsafe" / "metadata");
        }
}

/// What wrangler adds to every upload: `keep_bindings` (secrets, and vars
/// too with `keep_vars`) and, unless the configuration sets one, the
/// deferred code update strategy with a 300-second delay.
inline void add_wrangler_upload_defaults(config_reader& reader, boost::json::object const& top,
                                         upload_metadata& upload) {
    bool keep_vars = false;
    if (auto const* written = top.if_contains("keep_vars")) {
        if (auto const* flag = written->if_bool()) keep_vars = *flag;
        else reader.report("config-not-a-boolean", config_path{} / "keep_vars");
    }
    upload.keep_bindings.clear();
    if (keep_vars) upload.keep_bindings = {"plain_text", "json"};
    upload.keep_bindings.push_back("secret_text");
    upload.keep_bindings.push_back("secret_key");
    // As wrangler's resolveDurableObjectsCodeUpdateStrategy: deferred
    // defaults to 300 seconds, immediate has no delay.
    if (!upload.code_update_strategy)
        upload.code_update_strategy = code_update_strategy{.mode = "deferred", .max_delay = 300};
    else if (upload.code_update_strategy->mode == "immediate") upload.code_update_strategy->max_delay.reset();
    else if (!upload.code_update_strategy->max_delay) upload.code_update_strategy->max_delay = 300;
}

} // namespace cfdo::wrangler

#endif

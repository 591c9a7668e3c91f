// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_WRANGLER_BINDING_SECTIONS_HPP_INCLUDED
#define CFDO_WRANGLER_BINDING_SECTIONS_HPP_INCLUDED

#include <cfdo/json/from_json.hpp>
#include <cfdo/model/bindings.hpp>
#include <cfdo/model/extra_fields.hpp>
#include <cfdo/model/json_text.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/wrangler/config_path.hpp>
#include <cfdo/wrangler/config_shape.hpp>
#include <cfdo/wrangler/worker_config.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The sections of a wrangler configuration that declare bindings, one row
// each: where the section is, how it is written, which key of an entry names
// its binding, and how an entry becomes a binding of cfdo's model — as
// wrangler 4.164 uploads it (`convertConfigToBindings` and
// `createWorkerUploadForm` in wrangler's bundle).
//
// Most rows are a table of the entry's fields: the key in the configuration,
// the key in the uploaded binding (none for a field wrangler knows but does
// not upload), its shape and whether it is required. The entry is rewritten
// into the binding's JSON and decoded with `from_json<binding>`, so the
// model's own field names and types decide the rest. A few sections need a
// maker of their own (`vars`, the blobs, `ratelimits`, `unsafe.bindings`) or
// an `adjust` step (a field wrangler renames or drops).
//
// Adding a binding kind that wrangler configures is one row here (and its
// field table); tests/unit/completeness_test.cpp fails until every binding
// kind has a row or is listed in `binding_kinds_not_in_wrangler` with the
// reason.

namespace cfdo::wrangler {

/// Builds the binding of one entry (its name is set by the caller), or
/// nothing when a field it needs is missing or malformed (reported). `entry`
/// is the entry's object (for a map section, its value; for a list of names,
/// the name); `name` its binding's name (empty when it has none).
using binding_maker = std::optional<binding> (*)(config_reader&, std::string_view name, boost::json::value const& entry,
                                                 config_path const& at);

/// How a section holds its entries.
enum class section_form {
    /// An array of objects (`kv_namespaces`).
    list,
    /// One object (`ai`, `browser`).
    single,
    /// An object whose keys are the names (`vars`, `wasm_modules`).
    map,
    /// An array of names (`secrets.required`).
    names,
};

/// The shape wrangler wants a field's value in.
enum class field_shape {
    /// Anything (a field that is not uploaded, or uploaded as written).
    any,
    string,
    boolean,
    /// A whole number of 0 or more.
    count,
    /// An array of strings.
    strings,
};

enum class field_presence {
    optional,
    required,
    /// Optional in wrangler, which provisions the resource when it is
    /// absent; the model requires it, so it is read as empty.
    empty_when_absent,
};

/// A field of an entry.
struct entry_field {
    /// Its key in the configuration.
    std::string_view key;
    /// Its key in the uploaded binding; empty for a field wrangler knows but
    /// does not upload (`preview_id`, `remote`).
    std::string_view api_key{};
    field_shape shape = field_shape::any;
    field_presence presence = field_presence::optional;
};

/// Rewrites the binding's JSON once the fields are copied, as wrangler does
/// for some kinds; false when the entry is malformed (reported).
using binding_adjuster = bool (*)(config_reader&, boost::json::object const& entry, boost::json::object& binding,
                                  config_path const& at);

struct binding_section {
    /// Where the section is: `kv_namespaces`, or `queues.producers` for the
    /// `producers` array inside the `queues` object.
    std::string_view key;
    /// The key of an entry holding its binding's name (`binding`, `name`);
    /// empty for a map or a list of names, whose items are the names.
    std::string_view name_field{};
    /// The Cloudflare binding types the section's entries become (none for
    /// `unsafe.bindings`, whose entries say).
    std::array<std::string_view, 2> types{};
    section_form form = section_form::list;
    /// The entry's fields, for a section read by its table.
    std::span<entry_field const> fields{};
    /// The section's own maker, for one that is not read by its table.
    binding_maker make = nullptr;
    binding_adjuster adjust = nullptr;
    /// The enclosing object must hold the array (`durable_objects.bindings`).
    bool required_in_parent = false;
    /// The entry may leave its name out, and then gives no binding (`assets`,
    /// whose other keys are the assets' configuration).
    bool name_optional = false;
    /// Keys the table does not list are warned about (config-field-unknown).
    bool warn_unknown_keys = true;
    /// Its bindings go after every other section's (`unsafe.bindings`).
    bool listed_last = false;
};

/// The order of wrangler's upload: by kind, in this order, and within a kind
/// in the configuration's order; `unsafe.bindings` come after all of these.
inline constexpr std::array<std::string_view, 42> wrangler_binding_order{"inherit",
                                                                         "plain_text",
                                                                         "json",
                                                                         "secret_text",
                                                                         "kv_namespace",
                                                                         "send_email",
                                                                         "durable_object_namespace",
                                                                         "workflow",
                                                                         "queue",
                                                                         "r2_bucket",
                                                                         "d1",
                                                                         "vectorize",
                                                                         "ai_search_namespace",
                                                                         "ai_search",
                                                                         "agent_memory",
                                                                         "hyperdrive",
                                                                         "secrets_store_secret",
                                                                         "artifacts",
                                                                         "unsafe_hello_world",
                                                                         "flagship",
                                                                         "ratelimit",
                                                                         "vpc_service",
                                                                         "vpc_network",
                                                                         "service",
                                                                         "analytics_engine",
                                                                         "dispatch_namespace",
                                                                         "mtls_certificate",
                                                                         "pipelines",
                                                                         "k2",
                                                                         "worker_loader",
                                                                         "logfwdr",
                                                                         "wasm_module",
                                                                         "browser",
                                                                         "analytics",
                                                                         "ai",
                                                                         "images",
                                                                         "stream",
                                                                         "media",
                                                                         "version_metadata",
                                                                         "assets",
                                                                         "text_blob",
                                                                         "data_blob"};

namespace detail {

// Whether `value` has `shape`, reporting it at `at` when it has not.
inline bool has_shape(config_reader& reader, boost::json::value const& value, field_shape shape,
                      config_path const& at) {
    switch (shape) {
    case field_shape::any: return true;
    case field_shape::string:
        if (value.is_string()) return true;
        reader.report("config-not-a-string", at);
        return false;
    case field_shape::boolean:
        if (value.is_bool()) return true;
        reader.report("config-not-a-boolean", at);
        return false;
    case field_shape::count:
        if ((value.is_int64() && value.get_int64() >= 0 &&
             static_cast<std::uint64_t>(value.get_int64()) <= std::numeric_limits<std::uint32_t>::max()) ||
            (value.is_uint64() && value.get_uint64() <= std::numeric_limits<std::uint32_t>::max()))
            return true;
        reader.report("config-not-a-whole-number", at);
        return false;
    case field_shape::strings: {
        auto const* array = reader.array_at(value, at);
        if (!array) return false;
        bool whole = true;
        for (std::size_t i = 0; i < array->size(); ++i)
            if (!(*array)[i].is_string()) {
                reader.report("config-not-a-string", at / i);
                whole = false;
            }
        return whole;
    }
    }
    return false;
}

// The binding its JSON describes. The JSON is built from a field table whose
// keys and shapes are the model's, so decoding does not fail.
inline std::optional<binding> decoded_binding(boost::json::object api) {
    auto decoded = from_json<binding>(boost::json::value(std::move(api)));
    if (!decoded) return std::nullopt;
    return std::move(*decoded);
}

// The binding of an entry read by its section's field table.
inline std::optional<binding> binding_from_fields(config_reader& reader, binding_section const& section,
                                                  boost::json::object const& entry, config_path const& at) {
    boost::json::object api;
    api["type"] = section.types[0];
    api["name"] = "";
    bool whole = true;
    for (auto const& field : section.fields) {
        auto const* value = entry.if_contains(field.key);
        if (!value) {
            if (field.presence == field_presence::required) {
                reader.report("config-field-missing", at / field.key);
                whole = false;
            } else if (field.presence == field_presence::empty_when_absent) {
                api[field.api_key] = "";
            }
            continue;
        }
        if (!has_shape(reader, *value, field.shape, at / field.key)) {
            whole = false;
            continue;
        }
        if (!field.api_key.empty()) api[field.api_key] = *value;
    }
    if (section.warn_unknown_keys)
        reader.warn_unknown_keys(
            entry,
            [&](std::string_view key) {
                return key == section.name_field ||
                       std::any_of(section.fields.begin(), section.fields.end(),
                                   [&](entry_field const& field) { return field.key == key; });
            },
            at);
    if (section.adjust && whole) whole = section.adjust(reader, entry, api, at);
    if (!whole) return std::nullopt;
    return decoded_binding(std::move(api));
}

// The fields of each section read by its table. Every key wrangler's
// validation knows is listed, so that only a misspelt key is warned about.
namespace tables {

using enum field_shape;
using enum field_presence;

inline constexpr std::array<entry_field, 4> durable_object_fields{{
    {"class_name", "class_name", string, required},
    {"script_name", "script_name", string},
    {"environment", "environment", string},
    {"remote", "", boolean},
}};

inline constexpr std::array<entry_field, 3> kv_namespace_fields{{
    {"id", "namespace_id", string, empty_when_absent},
    {"preview_id"},
    {"remote"},
}};

inline constexpr std::array<entry_field, 5> send_email_fields{{
    {"destination_address", "destination_address", string},
    {"allowed_destination_addresses", "allowed_destination_addresses", strings},
    {"allowed_sender_addresses", "allowed_sender_addresses", strings},
    {"binding"},
    {"remote"},
}};

// A single destination wins over a list of them.
inline bool send_email_adjust(config_reader&, boost::json::object const&, boost::json::object& api,
                              config_path const&) {
    if (api.contains("destination_address")) api.erase("allowed_destination_addresses");
    return true;
}

inline constexpr std::array<entry_field, 8> workflow_fields{{
    {"name", "workflow_name", string, required},
    {"class_name", "class_name", string, required},
    {"script_name", "script_name", string},
    {"limits"},
    {"concurrency"},
    {"schedules"},
    {"default_retention"},
    {"jurisdiction"},
}};

inline constexpr std::array<entry_field, 3> queue_producer_fields{{
    {"queue", "queue_name", string, required},
    {"delivery_delay", "delivery_delay", count},
    {"remote"},
}};

inline constexpr std::array<entry_field, 5> r2_bucket_fields{{
    {"bucket_name", "bucket_name", string, empty_when_absent},
    {"jurisdiction", "jurisdiction", string},
    {"preview_bucket_name"},
    {"remote"},
    {"local_dev"},
}};

// Wrangler sends `database_id` as `id`. (`database_internal_env`, which it
// sends as `internalEnv`, is not modelled.)
inline constexpr std::array<entry_field, 9> d1_fields{{
    {"database_id", "id", string, empty_when_absent},
    {"database_name"},
    {"database_internal_env"},
    {"jurisdiction"},
    {"migrations_dir"},
    {"migrations_pattern"},
    {"migrations_table"},
    {"preview_database_id"},
    {"remote"},
}};

inline constexpr std::array<entry_field, 2> vectorize_fields{{
    {"index_name", "index_name", string, required},
    {"remote"},
}};

inline constexpr std::array<entry_field, 2> namespace_fields{{
    {"namespace", "namespace", string, required},
    {"remote"},
}};

inline constexpr std::array<entry_field, 2> ai_search_fields{{
    {"instance_name", "instance_name", string, required},
    {"remote"},
}};

inline constexpr std::array<entry_field, 3> hyperdrive_fields{{
    {"id", "id", string, required},
    {"localConnectionString"},
    {"remote"},
}};

inline constexpr std::array<entry_field, 2> secrets_store_secret_fields{{
    {"store_id", "store_id", string, required},
    {"secret_name", "secret_name", string, required},
}};

inline constexpr std::array<entry_field, 1> hello_world_fields{{
    {"enable_timer", "enable_timer", boolean},
}};

inline constexpr std::array<entry_field, 2> flagship_fields{{
    {"app_id", "app_id", string},
    {"remote"},
}};

inline constexpr std::array<entry_field, 2> vpc_service_fields{{
    {"service_id", "service_id", string, required},
    {"remote"},
}};

inline constexpr std::array<entry_field, 3> vpc_network_fields{{
    {"tunnel_id", "tunnel_id", string},
    {"network_id", "network_id", string},
    {"remote"},
}};

// Exactly one of tunnel_id and network_id, as wrangler's validation says.
inline bool vpc_network_adjust(config_reader& reader, boost::json::object const&, boost::json::object& api,
                               config_path const& at) {
    if (api.contains("tunnel_id") && api.contains("network_id")) {
        reader.report("config-fields-exclusive", at / "network_id");
        return false;
    }
    if (!api.contains("tunnel_id") && !api.contains("network_id")) {
        reader.report("config-field-missing", at / "tunnel_id");
        return false;
    }
    return true;
}

// `services` entries: wrangler does not check their keys; these are those it
// reads. (`cross_account_grant`, which it sends when present, is not
// modelled.)
inline constexpr std::array<entry_field, 7> service_fields{{
    {"service", "service", string, required},
    {"entrypoint", "entrypoint", string},
    {"environment", "environment", string},
    {"props", "props"},
    {"remote"},
    {"dev"},
    {"cross_account_grant"},
}};

inline constexpr std::array<entry_field, 2> analytics_engine_fields{{
    {"dataset", "dataset", string},
    {"remote"},
}};

inline constexpr std::array<entry_field, 3> dispatch_namespace_fields{{
    {"namespace", "namespace", string, empty_when_absent},
    {"outbound"},
    {"remote"},
}};

// `outbound: {service, environment?, parameters?: [names]}` is sent as
// `{worker: {service, environment?}, params?: [{name}...]}`.
inline bool dispatch_namespace_adjust(config_reader& reader, boost::json::object const& entry, boost::json::object& api,
                                      config_path const& at) {
    auto const* written = entry.if_contains("outbound");
    if (!written) return true;
    auto const outbound_at = at / "outbound";
    auto const* outbound = reader.object_at(*written, outbound_at);
    if (!outbound) return false;
    auto service = reader.required_string(*outbound, "service", outbound_at);
    auto environment = reader.optional_string(*outbound, "environment", outbound_at);
    bool whole = service.has_value() && (!outbound->contains("environment") || environment);
    boost::json::array params;
    if (auto const* parameters = outbound->if_contains("parameters")) {
        if (has_shape(reader, *parameters, strings, outbound_at / "parameters"))
            for (auto const& name : parameters->get_array()) params.push_back(boost::json::object{{"name", name}});
        else whole = false;
    }
    reader.warn_unknown_keys(
        *outbound, [](std::string_view key) { return key == "service" || key == "environment" || key == "parameters"; },
        outbound_at);
    if (!whole) return false;
    boost::json::object worker{{"service", std::string_view(*service)}};
    if (environment) worker["environment"] = std::string_view(*environment);
    boost::json::object sent{{"worker", std::move(worker)}};
    if (outbound->contains("parameters")) sent["params"] = std::move(params);
    api["outbound"] = std::move(sent);
    return true;
}

inline constexpr std::array<entry_field, 2> mtls_certificate_fields{{
    {"certificate_id", "certificate_id", string, required},
    {"remote"},
}};

inline constexpr std::array<entry_field, 3> pipeline_fields{{
    {"stream", "stream", string},
    {"pipeline", "pipeline", string},
    {"remote"},
}};

// A (non-empty) `stream` wins; the deprecated `pipeline` is sent only
// without one; one of the two is required.
inline bool pipeline_adjust(config_reader& reader, boost::json::object const&, boost::json::object& api,
                            config_path const& at) {
    auto const given = [&](std::string_view key) {
        auto const* value = api.if_contains(key);
        return value && value->is_string() && !value->get_string().empty();
    };
    if (given("stream")) api.erase("pipeline");
    else if (given("pipeline")) api.erase("stream");
    else {
        reader.report("config-field-missing", at / "stream");
        return false;
    }
    return true;
}

inline constexpr std::array<entry_field, 2> k2_fields{{
    {"stream", "stream", string, required},
    {"remote"},
}};

inline constexpr std::array<entry_field, 0> no_fields{};

inline constexpr std::array<entry_field, 1> remote_only_fields{{
    {"remote"},
}};

inline constexpr std::array<entry_field, 2> ai_fields{{
    {"staging", "staging", boolean},
    {"remote"},
}};

inline constexpr std::array<entry_field, 1> logfwdr_fields{{
    {"destination", "destination", string, required},
}};

} // namespace tables

// A string is a plain_text binding, any other JSON value a json binding, as
// wrangler uploads `vars`.
inline std::optional<binding> var_entry(config_reader&, std::string_view, boost::json::value const& value,
                                        config_path const&) {
    if (auto const* s = value.if_string())
        return plain_text_binding{.name = text(), .text = text(std::string_view(*s))};
    return json_binding{.name = text(), .json = json_text(boost::json::serialize(value))};
}

// `wasm_modules`, `text_blobs`, `data_blobs`: NAME = path. The file is
// uploaded as a part named after the binding, which is what the binding
// names.
template <class Blob>
std::optional<binding> blob_entry(config_reader& reader, std::string_view name, boost::json::value const& value,
                                  config_path const& at) {
    if (!has_shape(reader, value, field_shape::string, at)) return std::nullopt;
    return Blob{.name = text(), .part = text(name)};
}

// One `inherit` binding per required secret.
inline std::optional<binding> required_secret_entry(config_reader&, std::string_view, boost::json::value const&,
                                                    config_path const&) {
    return inherit_binding{.name = text()};
}

// `{name, namespace_id, simple: {limit, period}}`, `simple` sent as written;
// wrangler refuses a period other than 10 or 60 seconds.
inline std::optional<binding> ratelimit_entry(config_reader& reader, std::string_view, boost::json::value const& value,
                                              config_path const& at) {
    auto const& entry = value.get_object();
    auto namespace_id = reader.required_string(entry, "namespace_id", at);
    bool whole = namespace_id.has_value();
    reader.warn_unknown_keys(
        entry, [](std::string_view key) { return key == "name" || key == "namespace_id" || key == "simple"; }, at);
    auto const* written = entry.if_contains("simple");
    if (!written) {
        reader.report("config-field-missing", at / "simple");
        return std::nullopt;
    }
    auto const simple_at = at / "simple";
    auto const* simple = reader.object_at(*written, simple_at);
    if (!simple) return std::nullopt;
    for (std::string_view const key : {"limit", "period"}) {
        auto const* number = simple->if_contains(key);
        if (!number) {
            reader.report("config-field-missing", simple_at / key);
            whole = false;
        } else if (!has_shape(reader, *number, field_shape::count, simple_at / key)) {
            whole = false;
        } else if (key == "period" && number->to_number<std::uint64_t>() != 10 &&
                   number->to_number<std::uint64_t>() != 60) {
            reader.report("config-ratelimit-period", simple_at / key);
            whole = false;
        }
    }
    // Wrangler warns about any other key of `simple` but sends it; the model
    // carries `mitigation_timeout` only.
    reader.warn_unknown_keys(
        *simple, [](std::string_view key) { return key == "limit" || key == "period"; }, simple_at);
    if (auto const* timeout = simple->if_contains("mitigation_timeout"))
        whole = has_shape(reader, *timeout, field_shape::count, simple_at / "mitigation_timeout") && whole;
    if (!whole) return std::nullopt;
    return decoded_binding(boost::json::object{
        {"type", "ratelimit"}, {"name", ""}, {"namespace_id", std::string_view(*namespace_id)}, {"simple", *simple}});
}

// `unsafe.bindings`: each entry is sent as written. One of a type cfdo
// models is that kind (the rules then see it), unless it has fields the kind
// does not model: then, as anything else, a raw binding, which loses nothing.
inline std::optional<binding> unsafe_entry(config_reader& reader, std::string_view, boost::json::value const& value,
                                           config_path const& at) {
    auto const& entry = value.get_object();
    auto type = reader.required_string(entry, "type", at);
    if (!type) return std::nullopt;
    std::vector<std::string> unknown;
    if (auto decoded = from_json<binding>(value, decode_options{.unknown_fields = &unknown});
        decoded && unknown.empty())
        return std::move(*decoded);
    boost::json::object fields;
    for (auto const& member : entry)
        if (member.key() != "name" && member.key() != "type") fields.emplace(member.key(), member.value());
    return raw_binding{.kind = std::move(*type),
                       .name = text(),
                       .fields = fields.empty() ? extra_fields() : extra_fields(boost::json::serialize(fields))};
}

} // namespace detail

/// Every binding section wrangler 4.164 uploads bindings from.
inline constexpr std::array binding_sections{
    binding_section{.key = "secrets.required",
                    .types = {"inherit"},
                    .form = section_form::names,
                    .make = detail::required_secret_entry},
    binding_section{
        .key = "vars", .types = {"plain_text", "json"}, .form = section_form::map, .make = detail::var_entry},
    binding_section{.key = "kv_namespaces",
                    .name_field = "binding",
                    .types = {"kv_namespace"},
                    .fields = detail::tables::kv_namespace_fields},
    binding_section{.key = "send_email",
                    .name_field = "name",
                    .types = {"send_email"},
                    .fields = detail::tables::send_email_fields,
                    .adjust = detail::tables::send_email_adjust},
    binding_section{.key = "durable_objects.bindings",
                    .name_field = "name",
                    .types = {"durable_object_namespace"},
                    .fields = detail::tables::durable_object_fields,
                    .required_in_parent = true},
    binding_section{
        .key = "workflows", .name_field = "binding", .types = {"workflow"}, .fields = detail::tables::workflow_fields},
    binding_section{.key = "queues.producers",
                    .name_field = "binding",
                    .types = {"queue"},
                    .fields = detail::tables::queue_producer_fields},
    binding_section{.key = "r2_buckets",
                    .name_field = "binding",
                    .types = {"r2_bucket"},
                    .fields = detail::tables::r2_bucket_fields},
    binding_section{
        .key = "d1_databases", .name_field = "binding", .types = {"d1"}, .fields = detail::tables::d1_fields},
    binding_section{.key = "vectorize",
                    .name_field = "binding",
                    .types = {"vectorize"},
                    .fields = detail::tables::vectorize_fields},
    binding_section{.key = "ai_search_namespaces",
                    .name_field = "binding",
                    .types = {"ai_search_namespace"},
                    .fields = detail::tables::namespace_fields},
    binding_section{.key = "ai_search",
                    .name_field = "binding",
                    .types = {"ai_search"},
                    .fields = detail::tables::ai_search_fields},
    binding_section{.key = "agent_memory",
                    .name_field = "binding",
                    .types = {"agent_memory"},
                    .fields = detail::tables::namespace_fields},
    binding_section{.key = "hyperdrive",
                    .name_field = "binding",
                    .types = {"hyperdrive"},
                    .fields = detail::tables::hyperdrive_fields},
    binding_section{.key = "secrets_store_secrets",
                    .name_field = "binding",
                    .types = {"secrets_store_secret"},
                    .fields = detail::tables::secrets_store_secret_fields},
    binding_section{.key = "artifacts",
                    .name_field = "binding",
                    .types = {"artifacts"},
                    .fields = detail::tables::namespace_fields},
    binding_section{.key = "unsafe_hello_world",
                    .name_field = "binding",
                    .types = {"unsafe_hello_world"},
                    .fields = detail::tables::hello_world_fields},
    binding_section{
        .key = "flagship", .name_field = "binding", .types = {"flagship"}, .fields = detail::tables::flagship_fields},
    binding_section{.key = "ratelimits", .name_field = "name", .types = {"ratelimit"}, .make = detail::ratelimit_entry},
    binding_section{.key = "vpc_services",
                    .name_field = "binding",
                    .types = {"vpc_service"},
                    .fields = detail::tables::vpc_service_fields},
    binding_section{.key = "vpc_networks",
                    .name_field = "binding",
                    .types = {"vpc_network"},
                    .fields = detail::tables::vpc_network_fields,
                    .adjust = detail::tables::vpc_network_adjust},
    binding_section{
        .key = "services", .name_field = "binding", .types = {"service"}, .fields = detail::tables::service_fields},
    binding_section{.key = "analytics_engine_datasets",
                    .name_field = "binding",
                    .types = {"analytics_engine"},
                    .fields = detail::tables::analytics_engine_fields},
    binding_section{.key = "dispatch_namespaces",
                    .name_field = "binding",
                    .types = {"dispatch_namespace"},
                    .fields = detail::tables::dispatch_namespace_fields,
                    .adjust = detail::tables::dispatch_namespace_adjust},
    binding_section{.key = "mtls_certificates",
                    .name_field = "binding",
                    .types = {"mtls_certificate"},
                    .fields = detail::tables::mtls_certificate_fields},
    binding_section{.key = "pipelines",
                    .name_field = "binding",
                    .types = {"pipelines"},
                    .fields = detail::tables::pipeline_fields,
                    .adjust = detail::tables::pipeline_adjust},
    binding_section{.key = "k2", .name_field = "binding", .types = {"k2"}, .fields = detail::tables::k2_fields},
    binding_section{.key = "worker_loaders",
                    .name_field = "binding",
                    .types = {"worker_loader"},
                    .fields = detail::tables::no_fields},
    binding_section{.key = "logfwdr.bindings",
                    .name_field = "name",
                    .types = {"logfwdr"},
                    .fields = detail::tables::logfwdr_fields,
                    .required_in_parent = true},
    binding_section{.key = "wasm_modules",
                    .types = {"wasm_module"},
                    .form = section_form::map,
                    .make = detail::blob_entry<wasm_module_binding>},
    binding_section{.key = "browser",
                    .name_field = "binding",
                    .types = {"browser"},
                    .form = section_form::single,
                    .fields = detail::tables::remote_only_fields},
    binding_section{.key = "analytics",
                    .name_field = "binding",
                    .types = {"analytics"},
                    .form = section_form::single,
                    .fields = detail::tables::remote_only_fields},
    binding_section{.key = "ai",
                    .name_field = "binding",
                    .types = {"ai"},
                    .form = section_form::single,
                    .fields = detail::tables::ai_fields},
    binding_section{.key = "images",
                    .name_field = "binding",
                    .types = {"images"},
                    .form = section_form::single,
                    .fields = detail::tables::remote_only_fields},
    binding_section{.key = "stream",
                    .name_field = "binding",
                    .types = {"stream"},
                    .form = section_form::single,
                    .fields = detail::tables::remote_only_fields},
    binding_section{.key = "media",
                    .name_field = "binding",
                    .types = {"media"},
                    .form = section_form::single,
                    .fields = detail::tables::remote_only_fields},
    binding_section{.key = "version_metadata",
                    .name_field = "binding",
                    .types = {"version_metadata"},
                    .form = section_form::single,
                    .fields = detail::tables::no_fields},
    binding_section{.key = "assets",
                    .name_field = "binding",
                    .types = {"assets"},
                    .form = section_form::single,
                    .fields = detail::tables::no_fields,
                    .name_optional = true,
                    .warn_unknown_keys = false},
    binding_section{.key = "text_blobs",
                    .types = {"text_blob"},
                    .form = section_form::map,
                    .make = detail::blob_entry<text_blob_binding>},
    binding_section{.key = "data_blobs",
                    .types = {"data_blob"},
                    .form = section_form::map,
                    .make = detail::blob_entry<data_blob_binding>},
    binding_section{.key = "unsafe.bindings", .name_field = "name", .make = detail::unsafe_entry, .listed_last = true},
};

/// A binding kind no section of a wrangler configuration declares.
struct binding_kind_not_in_wrangler {
    std::string_view type;
    std::string_view reason;
};

inline constexpr std::array binding_kinds_not_in_wrangler{
    binding_kind_not_in_wrangler{"secret_text", "secrets are set with `wrangler secret put`, never written in the "
                                                "configuration (`secrets.required` names them: inherit bindings)"},
    binding_kind_not_in_wrangler{"secret_key", "WebCrypto keys are set through the API, never written in the "
                                               "configuration"},
    binding_kind_not_in_wrangler{"messaging", "wrangler 4.164 has no section for messaging namespaces (an "
                                              "`unsafe.bindings` entry of type messaging gives one)"},
};

namespace detail {

// Where a binding goes in wrangler's upload.
inline std::size_t upload_rank(binding const& made, binding_section const& section) {
    if (section.listed_last) return wrangler_binding_order.size();
    auto const type = type_of(made);
    return static_cast<std::size_t>(std::find(wrangler_binding_order.begin(), wrangler_binding_order.end(), type) -
                                    wrangler_binding_order.begin());
}

} // namespace detail

/// Reads every binding section of `section` (the top level, or an
/// environment), appending the bindings to `out`, in the order wrangler
/// uploads them, and where each is written to `locations`. None of them is
/// inherited by environments.
inline void read_bindings(config_reader& reader, boost::json::object const& section, config_path const& where,
                          std::vector<binding>& out, std::vector<binding_location>& locations) {
    struct read_binding {
        std::size_t rank;
        binding made;
        binding_location location;
    };
    std::vector<read_binding> found;
    // An enclosing object (`queues`) of the wrong shape is reported once,
    // however many sections it holds.
    std::vector<std::string_view> malformed_parents;
    for (auto const& declared : binding_sections) {
        auto const dot = declared.key.find('.');
        boost::json::object const* container = &section;
        config_path at = where;
        std::string_view key = declared.key;
        if (dot != std::string_view::npos) {
            auto const parent_key = declared.key.substr(0, dot);
            key = declared.key.substr(dot + 1);
            auto const* parent = section.if_contains(parent_key);
            if (!parent) continue;
            at = where / parent_key;
            if (std::find(malformed_parents.begin(), malformed_parents.end(), parent_key) != malformed_parents.end())
                continue;
            container = reader.object_at(*parent, at);
            if (!container) {
                malformed_parents.push_back(parent_key);
                continue;
            }
            if (!container->contains(key) && declared.required_in_parent) {
                reader.report("config-field-missing", at / key);
                continue;
            }
        }
        auto const* value = container->if_contains(key);
        if (!value) continue;
        at = at / key;
        auto add = [&](text name, std::optional<binding> made, config_path const& entry_at) {
            if (!made) return;
            made->visit([&](auto& kind) { kind.name = std::move(name); });
            auto const rank = detail::upload_rank(*made, declared);
            found.push_back({rank, std::move(*made), {entry_at.pointer, declared.name_field}});
        };
        auto make = [&](std::string_view name, boost::json::value const& entry,
                        config_path const& entry_at) -> std::optional<binding> {
            if (declared.make) return declared.make(reader, name, entry, entry_at);
            return detail::binding_from_fields(reader, declared, entry.get_object(), entry_at);
        };
        // An entry of a list, or the single object.
        auto read_entry = [&](boost::json::value const& entry, config_path const& entry_at) {
            auto const* object = reader.object_at(entry, entry_at);
            if (!object) return;
            if (declared.name_optional && !object->contains(declared.name_field)) return;
            auto name = reader.required_string(*object, declared.name_field, entry_at);
            auto made = make(name ? std::string_view(*name) : std::string_view(), entry, entry_at);
            if (name) add(std::move(*name), std::move(made), entry_at);
        };
        switch (declared.form) {
        case section_form::map: {
            auto const* entries = reader.object_at(*value, at);
            if (!entries) break;
            for (auto const& entry : *entries)
                add(text(std::string_view(entry.key())), make(entry.key(), entry.value(), at / entry.key()),
                    at / entry.key());
            break;
        }
        case section_form::names: {
            auto const* entries = reader.array_at(*value, at);
            if (!entries) break;
            for (std::size_t i = 0; i < entries->size(); ++i) {
                auto const entry_at = at / i;
                if (auto const* name = (*entries)[i].if_string())
                    add(text(std::string_view(*name)), make(*name, (*entries)[i], entry_at), entry_at);
                else reader.report("config-not-a-string", entry_at);
            }
            break;
        }
        case section_form::single: read_entry(*value, at); break;
        case section_form::list: {
            auto const* entries = reader.array_at(*value, at);
            if (!entries) break;
            for (std::size_t i = 0; i < entries->size(); ++i) read_entry((*entries)[i], at / i);
            break;
        }
        }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](read_binding const& a, read_binding const& b) { return a.rank < b.rank; });
    out.reserve(out.size() + found.size());
    locations.reserve(locations.size() + found.size());
    for (auto& read : found) {
        out.push_back(std::move(read.made));
        locations.push_back(std::move(read.location));
    }
}

} // namespace cfdo::wrangler

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_WRANGLER_BINDING_SECTIONS_HPP_INCLUDED
#define CFDO_WRANGLER_BINDING_SECTIONS_HPP_INCLUDED

#include <cfdo/model/bindings.hpp>
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
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

// The sections of a wrangler configuration that declare bindings, one row
// each: where the section is, which key of an entry names its binding, and
// how an entry becomes a binding of cfdo's model — as wrangler uploads it.
//
// Adding a binding kind that wrangler configures is one row here (and its
// maker); tests/unit/wrangler_test.cpp fails until every binding kind has a
// row or is listed in `binding_kinds_not_in_wrangler` with the reason.

namespace cfdo::wrangler {

/// Builds the binding of one entry (its name is set by the caller), or
/// nothing when a field it needs is missing or malformed (reported). `entry`
/// is the entry's object (for a map section, its value).
using binding_maker = std::optional<binding> (*)(config_reader&, boost::json::value const& entry,
                                                 config_path const& at);

struct binding_section {
    /// Where the section is: `kv_namespaces`, or `queues.producers` for the
    /// `producers` array inside the `queues` object.
    std::string_view key;
    /// The key of an entry holding its binding's name (`binding`, `name`);
    /// empty for a map section, whose keys are the names (`vars`).
    std::string_view name_field;
    binding_maker make;
    /// The Cloudflare binding types the section's entries become.
    std::array<std::string_view, 2> types;
    /// The enclosing object must hold the array (`durable_objects.bindings`).
    bool required_in_parent = false;
};

namespace detail {

// The entry of a list section, which the reader has checked is an object.
inline boost::json::object const& entry_object(boost::json::value const& entry) { return entry.get_object(); }

inline std::optional<binding> durable_object_entry(config_reader& reader, boost::json::value const& value,
                                                   config_path const& at) {
    auto const& entry = entry_object(value);
    auto class_name = reader.required_string(entry, "class_name", at);
    auto script_name = reader.optional_string(entry, "script_name", at);
    auto environment = reader.optional_string(entry, "environment", at);
    reader.optional_boolean(entry, "remote", at);
    reader.warn_unknown_keys(
        entry,
        [](std::string_view key) {
            return key == "name" || key == "class_name" || key == "script_name" || key == "environment" ||
                   key == "remote";
        },
        at);
    if (!class_name) return std::nullopt;
    return durable_object_binding{.name = text(),
                                  .class_name = std::move(*class_name),
                                  .script_name = std::move(script_name),
                                  .environment = std::move(environment)};
}

// A string is a plain_text binding, any other JSON value a json binding, as
// wrangler uploads `vars`.
inline std::optional<binding> var_entry(config_reader&, boost::json::value const& value, config_path const&) {
    if (auto const* s = value.if_string())
        return plain_text_binding{.name = text(), .text = text(std::string_view(*s))};
    return json_binding{.name = text(), .json = json_text(boost::json::serialize(value))};
}

// Wrangler can provision KV, R2 and D1 resources itself, so their ids may be
// absent: only the name matters to the rules.
inline std::optional<binding> kv_namespace_entry(config_reader& reader, boost::json::value const& value,
                                                 config_path const& at) {
    return kv_namespace_binding{.name = text(),
                                .namespace_id = reader.optional_string(entry_object(value), "id", at).value_or(text())};
}

inline std::optional<binding> r2_bucket_entry(config_reader& reader, boost::json::value const& value,
                                              config_path const& at) {
    return r2_bucket_binding{
        .name = text(), .bucket_name = reader.optional_string(entry_object(value), "bucket_name", at).value_or(text())};
}

inline std::optional<binding> service_entry(config_reader& reader, boost::json::value const& value,
                                            config_path const& at) {
    auto const& entry = entry_object(value);
    auto service = reader.required_string(entry, "service", at);
    auto environment = reader.optional_string(entry, "environment", at);
    auto entrypoint = reader.optional_string(entry, "entrypoint", at);
    if (!service) return std::nullopt;
    return service_binding{.name = text(),
                           .service = std::move(*service),
                           .entrypoint = std::move(entrypoint),
                           .environment = std::move(environment)};
}

inline std::optional<binding> d1_entry(config_reader& reader, boost::json::value const& value, config_path const& at) {
    auto const& entry = entry_object(value);
    reader.optional_string(entry, "database_name", at);
    return d1_binding{.name = text(), .database_id = reader.optional_string(entry, "database_id", at).value_or(text())};
}

inline std::optional<binding> queue_producer_entry(config_reader& reader, boost::json::value const& value,
                                                   config_path const& at) {
    auto queue = reader.required_string(entry_object(value), "queue", at);
    if (!queue) return std::nullopt;
    return queue_binding{.name = text(), .queue_name = std::move(*queue)};
}

} // namespace detail

/// Every binding section cfdo reads, in the order their bindings are listed.
inline constexpr std::array binding_sections{
    binding_section{
        "durable_objects.bindings", "name", detail::durable_object_entry, {"durable_object_namespace"}, true},
    binding_section{"vars", "", detail::var_entry, {"plain_text", "json"}},
    binding_section{"kv_namespaces", "binding", detail::kv_namespace_entry, {"kv_namespace"}},
    binding_section{"r2_buckets", "binding", detail::r2_bucket_entry, {"r2_bucket"}},
    binding_section{"services", "binding", detail::service_entry, {"service"}},
    binding_section{"d1_databases", "binding", detail::d1_entry, {"d1"}},
    binding_section{"queues.producers", "binding", detail::queue_producer_entry, {"queue"}},
};

/// A binding kind no section of a wrangler configuration declares.
struct binding_kind_not_in_wrangler {
    std::string_view type;
    std::string_view reason;
};

inline constexpr std::array binding_kinds_not_in_wrangler{
    binding_kind_not_in_wrangler{"secret_text", "secrets are set with `wrangler secret put`, never written in the "
                                                "configuration"},
};

/// Reads every binding section of `section` (the top level, or an
/// environment), appending the bindings to `out` and where each is written
/// to `locations`. None of them is inherited by environments.
inline void read_bindings(config_reader& reader, boost::json::object const& section, config_path const& where,
                          std::vector<binding>& out, std::vector<binding_location>& locations) {
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
            out.push_back(std::move(*made));
            locations.push_back({entry_at.pointer, declared.name_field});
        };
        if (declared.name_field.empty()) {
            auto const* entries = reader.object_at(*value, at);
            if (!entries) continue;
            for (auto const& entry : *entries)
                add(text(std::string_view(entry.key())), declared.make(reader, entry.value(), at / entry.key()),
                    at / entry.key());
            continue;
        }
        auto const* entries = reader.array_at(*value, at);
        if (!entries) continue;
        for (std::size_t i = 0; i < entries->size(); ++i) {
            auto const entry_at = at / i;
            auto const* entry = reader.object_at((*entries)[i], entry_at);
            if (!entry) continue;
            auto name = reader.required_string(*entry, declared.name_field, entry_at);
            auto made = declared.make(reader, (*entries)[i], entry_at);
            if (name) add(std::move(*name), std::move(made), entry_at);
        }
    }
}

} // namespace cfdo::wrangler

#endif

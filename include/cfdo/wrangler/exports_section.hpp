// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_WRANGLER_EXPORTS_SECTION_HPP_INCLUDED
#define CFDO_WRANGLER_EXPORTS_SECTION_HPP_INCLUDED

#include <cfdo/model/exports.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/model/worker_version.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/wrangler/config_path.hpp>
#include <cfdo/wrangler/config_shape.hpp>
#include <cfdo/wrangler/version_section.hpp>

#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

// `exports`, the declarative lifecycle of a wrangler configuration: read into
// the version's `exports_map` as wrangler 4.164 uploads it (as written: an
// implicit `state` is not filled in), its shape checked as wrangler's
// validateExports checks it, and the links between its Durable Object
// entries and `containers` as validateContainerExportLinks checks them. What
// depends on the deployed state (a rename's target, a transfer's partner, a
// storage change) is left to the version rules.

namespace cfdo::wrangler {

namespace detail {

// The keys each Durable Object state allows (wrangler refuses any other).
inline std::span<std::string_view const> allowed_export_keys(std::string_view state) {
    static constexpr std::array<std::string_view, 4> created{"type", "state", "storage", "container"};
    static constexpr std::array<std::string_view, 2> deleted{"type", "state"};
    static constexpr std::array<std::string_view, 3> renamed{"type", "state", "renamed_to"};
    static constexpr std::array<std::string_view, 3> transferred{"type", "state", "transferred_to"};
    static constexpr std::array<std::string_view, 5> expecting{"type", "state", "storage", "transfer_from",
                                                               "container"};
    if (state == "deleted") return deleted;
    if (state == "renamed") return renamed;
    if (state == "transferred") return transferred;
    if (state == "expecting-transfer") return expecting;
    return created;
}

// wrangler's JS_IDENTIFIER_RE, ^[A-Za-z_$][A-Za-z0-9_$]*$.
constexpr bool is_js_identifier(std::string_view name) noexcept {
    if (name.empty()) return false;
    auto const letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$'; };
    if (!letter(name.front())) return false;
    return std::all_of(name.begin() + 1, name.end(), [&](char c) { return letter(c) || (c >= '0' && c <= '9'); });
}

class export_reader {
public:
    export_reader(config_reader& reader, boost::json::object const& entry, config_path at)
        : reader_(reader), entry_(entry), at_(std::move(at)) {}

    // A string field that must be present and non-empty (renamed_to,
    // transferred_to, transfer_from).
    std::optional<text> target(std::string_view key) {
        auto const* value = entry_.if_contains(key);
        if (value && value->is_string() && !value->get_string().empty())
            return text(std::string_view(value->get_string()));
        fail("config-export-target-missing", at_ / key);
        return std::nullopt;
    }

    std::optional<text> storage() {
        auto const* value = entry_.if_contains("storage");
        if (auto const* s = value ? value->if_string() : nullptr;
            s && (*s == export_storage::sqlite || *s == export_storage::legacy_kv))
            return text(std::string_view(*s));
        fail("config-export-storage-invalid", at_ / "storage");
        return std::nullopt;
    }

    // `container`: a non-empty string; not beside legacy-kv storage.
    std::optional<text> container(std::optional<text> const& storage) {
        auto const* value = entry_.if_contains("container");
        if (!value) return std::nullopt;
        auto const* name = value->if_string();
        if (!name) {
            fail("config-not-a-string", at_ / "container");
            return std::nullopt;
        }
        if (name->empty()) {
            fail("config-export-container-unknown", at_ / "container");
            return std::nullopt;
        }
        if (storage && *storage == export_storage::legacy_kv) {
            fail("config-export-container-on-legacy-kv", at_ / "container");
            return std::nullopt;
        }
        return text(std::string_view(*name));
    }

    void forbid_other_keys(std::string_view state) {
        auto const allowed = allowed_export_keys(state);
        for (auto const& member : entry_)
            if (std::find(allowed.begin(), allowed.end(), std::string_view(member.key())) == allowed.end())
                fail("config-export-field-forbidden", at_ / member.key());
    }

    [[nodiscard]] bool whole() const { return whole_; }

private:
    void fail(std::string_view rule, config_path const& where) {
        reader_.report(rule, where);
        whole_ = false;
    }

    config_reader& reader_;
    boost::json::object const& entry_;
    config_path at_;
    bool whole_ = true;
};

inline std::optional<export_entry> read_durable_object_export(config_reader& reader, std::string_view name,
                                                              boost::json::object const& entry,
                                                              config_path const& where, config_path const& at) {
    bool whole = true;
    if (name.empty()) {
        reader.report(make_diagnostic("config-export-name-empty", text(where.dotted), text(at.pointer)));
        whole = false;
    }
    export_reader fields(reader, entry, at);
    auto const* state_value = entry.if_contains("state");
    auto const* state_string = state_value ? state_value->if_string() : nullptr;
    if (state_value && !state_string) {
        reader.report("config-export-state-unknown", at / "state");
        return std::nullopt;
    }
    std::string_view const state = state_string ? std::string_view(*state_string) : std::string_view("created");
    std::optional<export_entry> read;
    if (state == "created") {
        auto storage = fields.storage();
        auto container = fields.container(storage);
        fields.forbid_other_keys(state);
        // An explicit "created" is sent as written (wrangler fills nothing in).
        if (storage)
            read = export_entry(
                durable_object_export{.storage = std::move(*storage),
                                      .container = std::move(container),
                                      .state = state_string ? std::optional<text>(text(state)) : std::nullopt});
    } else if (state == "deleted") {
        fields.forbid_other_keys(state);
        read = export_entry(durable_object_deleted_export{});
    } else if (state == "renamed") {
        auto renamed_to = fields.target("renamed_to");
        fields.forbid_other_keys(state);
        if (renamed_to && (!is_js_identifier(*renamed_to) || *renamed_to == name)) {
            reader.report("config-export-renamed-to-invalid", at / "renamed_to");
            return std::nullopt;
        }
        if (renamed_to) read = export_entry(durable_object_renamed_export{.renamed_to = std::move(*renamed_to)});
    } else if (state == "transferred") {
        auto transferred_to = fields.target("transferred_to");
        fields.forbid_other_keys(state);
        if (transferred_to)
            read = export_entry(durable_object_transferred_export{.transferred_to = std::move(*transferred_to)});
    } else if (state == "expecting-transfer") {
        auto storage = fields.storage();
        auto transfer_from = fields.target("transfer_from");
        auto container = fields.container(storage);
        fields.forbid_other_keys(state);
        if (storage && transfer_from)
            read = export_entry(durable_object_expecting_transfer_export{.storage = std::move(*storage),
                                                                         .transfer_from = std::move(*transfer_from),
                                                                         .container = std::move(container)});
    } else {
        reader.report("config-export-state-unknown", at / "state");
        return std::nullopt;
    }
    if (!whole || !fields.whole()) return std::nullopt;
    return read;
}

// A Worker entrypoint: `cache` (`{enabled: boolean}`); wrangler warns about
// any other key and sends it all the same. A `state` (which the API takes,
// though wrangler's schema does not list it) is kept.
inline std::optional<export_entry> read_worker_export(config_reader& reader, boost::json::object const& entry,
                                                      config_path const& at) {
    worker_export read;
    if (auto const* cache = entry.if_contains("cache")) {
        auto const cache_at = at / "cache";
        auto const* fields = reader.object_at(*cache, cache_at);
        if (!fields) return std::nullopt;
        auto const* enabled = fields->if_contains("enabled");
        if (!enabled) {
            reader.report("config-field-missing", cache_at / "enabled");
            return std::nullopt;
        }
        if (!enabled->is_bool()) {
            reader.report("config-not-a-boolean", cache_at / "enabled");
            return std::nullopt;
        }
        reader.warn_unknown_keys(
            *fields, [](std::string_view key) { return key == "enabled"; }, cache_at);
        read.cache = entrypoint_cache{.enabled = enabled->get_bool()};
    }
    read.state = reader.optional_string(entry, "state", at);
    reader.warn_unknown_keys(
        entry, [](std::string_view key) { return key == "type" || key == "cache"; }, at);
    return export_entry(std::move(read));
}

// A Workflow: its `name` required, the rest read as the model has them.
inline std::optional<export_entry> read_workflow_export(config_reader& reader, boost::json::object const& entry,
                                                        config_path const& at) {
    if (!reader.required_string(entry, "name", at)) return std::nullopt;
    boost::json::object fields;
    for (auto const& member : entry)
        if (member.key() != "type" && is_member_key<workflow_export>(member.key()))
            fields[member.key()] = member.value();
    reader.warn_unknown_keys(
        entry, [](std::string_view key) { return key == "type" || is_member_key<workflow_export>(key); }, at);
    auto read = read_as<workflow_export>(reader, boost::json::value(std::move(fields)), at);
    if (!read) return std::nullopt;
    return export_entry(std::move(*read));
}

} // namespace detail

/// `exports`: each entry as wrangler's schema allows it, in the order the
/// configuration writes them (a TOML table's keys come sorted: toml++ keeps
/// no order). An entry of the wrong shape is reported and left out.
inline exports_map read_exports(config_reader& reader, boost::json::value const& value, config_path const& where) {
    exports_map exports;
    auto const* map = value.if_object();
    if (!map) {
        // (wrangler takes a null `exports` as none.)
        if (!value.is_null()) reader.report("config-exports-not-an-object", where);
        return exports;
    }
    for (auto const& member : *map) {
        std::string_view const name = member.key();
        auto const at = where / name;
        auto const* entry = member.value().if_object();
        if (!entry) {
            reader.report("config-export-not-an-object", at);
            continue;
        }
        auto const* type = entry->if_contains("type");
        auto const* kind = type ? type->if_string() : nullptr;
        std::optional<export_entry> read;
        if (kind && *kind == durable_object_export::type)
            read = detail::read_durable_object_export(reader, name, *entry, where, at);
        else if (kind && *kind == worker_export::type) read = detail::read_worker_export(reader, *entry, at);
        else if (kind && *kind == workflow_export::type) read = detail::read_workflow_export(reader, *entry, at);
        else reader.report("config-export-type-unknown", at / "type");
        if (read) exports.push_back({.key = text(name), .value = std::move(*read)});
    }
    return exports;
}

/// Each live Durable Object entry's `container` names a container of
/// `container_names` (the deployed section's containers, by `name`), and no
/// two name the same one (validateContainerExportLinks).
/// `containers_elsewhere`: the section deployed has no `containers` but
/// another does, whose names wrangler does not hold the entries to.
inline void check_container_links(config_reader& reader, exports_map const& exports, config_path const& where,
                                  std::vector<std::string_view> const& container_names, bool containers_elsewhere) {
    if (container_names.empty() && containers_elsewhere) return;
    // (Sets: a configuration may be hostile, with many of both.)
    std::unordered_set<std::string_view> const declared(container_names.begin(), container_names.end());
    std::unordered_set<std::string_view> claimed;
    for (auto const& entry : exports) {
        auto const* named = container_of(entry.value);
        if (!named || !*named) continue;
        std::string_view const name = **named;
        auto const at = where / std::string_view(entry.key) / "container";
        if (!declared.contains(name)) reader.report("config-export-container-unknown", at);
        else if (!claimed.insert(name).second) reader.report("config-export-container-shared", at);
    }
}

} // namespace cfdo::wrangler

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_VERSION_RULES_HPP_INCLUDED
#define CFDO_RULES_VERSION_RULES_HPP_INCLUDED

#include <cfdo/model/worker_version.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/class_registry.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/migration_fold.hpp>
#include <cfdo/support/base64.hpp>
#include <cfdo/support/json_syntax.hpp>
#include <cfdo/support/today.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

// The rules a Worker version decides on its own: its bindings (unique names,
// Durable Object bindings against the classes its migrations leave live),
// its migrations (the fold), its modules and its compatibility date. Every
// function is constexpr: `validate` is the same code at compile time and at
// run time.

namespace cfdo {

/// What cfdo should know beyond the payload itself.
struct validation_context {
    /// The classes the entry module exports. When given (even empty), a
    /// binding or a migration that needs an unexported class is an error.
    std::optional<std::vector<text>> exported_classes {};
    /// This Worker's name; `create_version` and `upload_script` give it.
    std::optional<text> script_name {};
    /// The day to compare `compatibility_date` with. At run time it defaults
    /// to today (UTC); at compile time the check is skipped unless given.
    std::optional<date> today {};
};

/// Where the version's fields sit in the payload, for the diagnostics' JSON
/// pointers: at the top of a version-create body, under `metadata` (and the
/// modules under `files`) in the script upload's params.
struct version_layout {
    std::string_view fields = "";
    std::string_view modules = "/modules";
};

namespace detail {

constexpr text field_pointer(version_layout const& layout, std::string_view field) {
    text pointer(layout.fields);
    pointer += "/";
    pointer += field;
    return pointer;
}

constexpr bool is_javascript_identifier(std::string_view name) noexcept {
    auto const start = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'; };
    if (name.empty() || !start(name[0])) return false;
    return std::all_of(name.begin() + 1, name.end(), [&](char c) { return start(c) || (c >= '0' && c <= '9'); });
}

// Names shared by two items (of bindings, of modules): each occurrence after
// the first is reported, at its own pointer. Sorting keeps it O(n log n).
template <class Items, class NameOf>
constexpr void report_duplicate_names(Items const& items, NameOf name_of, std::string_view rule,
                                      text const& items_pointer, std::string_view name_field,
                                      std::vector<diagnostic>& out) {
    std::vector<std::pair<std::string_view, std::size_t>> names;
    names.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) names.emplace_back(name_of(items[i]), i);
    std::sort(names.begin(), names.end());
    for (std::size_t i = 1; i < names.size(); ++i)
        if (names[i].first == names[i - 1].first)
            out.push_back(make_diagnostic(rule, names[i].first,
                                          item_pointer(items_pointer, names[i].second, name_field)));
}

// The form of a Worker's history that a payload's tags reveal: with an
// `old_tag` it continues a deployed history; with only a `new_tag` it is a
// first tagged deploy, so the whole history; untagged, it may follow earlier
// untagged migrations (the API page's rename example is one).
constexpr class_fate classes_before(migrations const& m) {
    if (old_tag_of(m)) return class_fate::unknown;
    if (new_tag_of(m)) return class_fate::absent;
    return class_fate::unknown;
}

constexpr bool is_tagged(migrations const& m) { return old_tag_of(m) || new_tag_of(m); }

constexpr std::size_t names_mentioned(migrations const& m) {
    std::size_t count = 0;
    for_each_step(m, "", [&](auto const& step, std::string_view) { count += names_mentioned(step); });
    return count;
}

constexpr void check_bindings(worker_version const& version, version_layout const& layout,
                              std::vector<diagnostic>& out) {
    text const bindings_pointer = field_pointer(layout, "bindings");
    report_duplicate_names(version.bindings, [](binding const& b) { return name_of(b); }, "binding-name-duplicate",
                           bindings_pointer, "name", out);
    for (std::size_t i = 0; i < version.bindings.size(); ++i) {
        auto const& b = version.bindings[i];
        if (!is_javascript_identifier(name_of(b)))
            out.push_back(make_diagnostic("binding-name-not-identifier", name_of(b),
                                          item_pointer(bindings_pointer, i, "name")));
        if (b.holds<json_binding>() && !is_json(b.get<json_binding>().json))
            out.push_back(make_diagnostic("json-binding-not-json", name_of(b),
                                          item_pointer(bindings_pointer, i, "json")));
        if (b.holds<durable_object_binding>() && b.get<durable_object_binding>().environment &&
            !b.get<durable_object_binding>().script_name)
            out.push_back(make_diagnostic("durable-object-environment-without-script", name_of(b),
                                          item_pointer(bindings_pointer, i, "environment")));
    }
}

// A binding is to a class of this Worker when it names no other script.
constexpr bool binds_own_class(durable_object_binding const& b, validation_context const& context) {
    if (!b.class_name) return false;
    return !b.script_name || (context.script_name && *b.script_name == *context.script_name);
}

constexpr void check_durable_object_bindings(worker_version const& version, validation_context const& context,
                                             version_layout const& layout, class_registry const* classes,
                                             class_fate before, std::vector<diagnostic>& out) {
    text const bindings_pointer = field_pointer(layout, "bindings");
    for (std::size_t i = 0; i < version.bindings.size(); ++i) {
        if (!version.bindings[i].holds<durable_object_binding>()) continue;
        auto const& b = version.bindings[i].get<durable_object_binding>();
        if (!binds_own_class(b, context)) continue;
        std::string_view const class_name = *b.class_name;
        auto report = [&](std::string_view rule) {
            out.push_back(make_diagnostic(rule, class_name, item_pointer(bindings_pointer, i, "class_name")));
        };
        if (!classes) {
            report("binding-without-migrations");
            continue;
        }
        switch (classes->fate_of(class_name)) {
        case class_fate::live: break;
        case class_fate::deleted: report("delete-while-bound"); break;
        case class_fate::renamed: report("binding-to-renamed-class"); break;
        case class_fate::absent: report("binding-class-not-created"); break;
        case class_fate::unknown:
            // With an old_tag, earlier migrations made classes cfdo cannot see;
            // untagged, it can only warn.
            if (before == class_fate::unknown && !is_tagged(*version.migrations))
                report("binding-class-not-created-here");
            break;
        }
    }
}

constexpr void check_exports(worker_version const& version, validation_context const& context,
                             version_layout const& layout, class_registry const* classes,
                             std::vector<diagnostic>& out) {
    if (!context.exported_classes) return;
    class_registry exported(context.exported_classes->size(), class_fate::live);
    for (auto const& name : *context.exported_classes) exported.index_of(name);
    auto const is_exported = [&](std::string_view name) { return exported.find(name) != nullptr; };

    text const bindings_pointer = field_pointer(layout, "bindings");
    for (std::size_t i = 0; i < version.bindings.size(); ++i) {
        if (!version.bindings[i].holds<durable_object_binding>()) continue;
        auto const& b = version.bindings[i].get<durable_object_binding>();
        if (binds_own_class(b, context) && !is_exported(*b.class_name))
            out.push_back(make_diagnostic("binding-class-not-exported", *b.class_name,
                                          item_pointer(bindings_pointer, i, "class_name")));
    }
    if (!classes) return;
    for (auto const& record : classes->records()) {
        if (record.fate != class_fate::live || is_exported(record.name)) continue;
        out.push_back(make_diagnostic(record.created_by_new_directive ? "new-class-not-exported"
                                                                      : "live-class-not-exported",
                                      record.name, record.made_live_at));
    }
}

constexpr void check_modules(worker_version const& version, version_layout const& layout,
                             std::vector<diagnostic>& out) {
    text const modules_pointer(layout.modules);
    report_duplicate_names(version.modules, [](worker_module const& m) { return std::string_view(m.name); },
                           "module-name-duplicate", modules_pointer, "name", out);
    for (std::size_t i = 0; i < version.modules.size(); ++i) {
        auto const& module = version.modules[i];
        if (!content_type::is_documented(module.content_type))
            out.push_back(make_diagnostic("module-content-type-unknown", module.name,
                                          item_pointer(modules_pointer, i, "content_type")));
        if (module.content.holds<module_base64>()) {
            std::string_view const encoded = module.content.get<module_base64>().base64;
            if (!is_base64(encoded))
                out.push_back(make_diagnostic("module-content-not-base64", module.name,
                                              item_pointer(modules_pointer, i, "content_base64")));
            else if (!is_canonical_base64(encoded))
                out.push_back(make_diagnostic("module-content-base64-not-canonical", module.name,
                                              item_pointer(modules_pointer, i, "content_base64")));
        }
    }
    if (version.modules.empty()) return;
    if (!version.main_module) {
        out.push_back(make_diagnostic("main-module-missing", version.modules.front().name,
                                      field_pointer(layout, "main_module")));
        return;
    }
    bool const found = std::any_of(version.modules.begin(), version.modules.end(),
                                   [&](worker_module const& m) { return m.name == *version.main_module; });
    if (!found)
        out.push_back(make_diagnostic("main-module-not-found", *version.main_module,
                                      field_pointer(layout, "main_module")));
}

constexpr void check_compatibility_date(worker_version const& version, validation_context const& context,
                                        version_layout const& layout, std::vector<diagnostic>& out) {
    if (!version.compatibility_date) return;
    auto const& day = *version.compatibility_date;
    auto const spelled = day.chars();
    std::string_view const subject(spelled.data(), spelled.size());
    if (!day.is_calendar_date()) {
        out.push_back(make_diagnostic("compatibility-date-invalid", subject,
                                      field_pointer(layout, "compatibility_date")));
        return;
    }
    std::optional<date> today = context.today;
    if (!today && !std::is_constant_evaluated()) today = today_utc();
    if (today && *today < day)
        out.push_back(make_diagnostic("compatibility-date-in-future", subject,
                                      field_pointer(layout, "compatibility_date")));
}

} // namespace detail

/// Every problem of a Worker version: all diagnostics, not only the first,
/// each with the JSON pointer of what it is about.
[[nodiscard]] constexpr std::vector<diagnostic> validate(worker_version const& version,
                                                         validation_context const& context = {},
                                                         version_layout const& layout = {}) {
    std::vector<diagnostic> found;
    detail::check_bindings(version, layout, found);

    std::optional<detail::migration_fold> fold;
    auto before = detail::class_fate::unknown;
    if (version.migrations) {
        before = detail::classes_before(*version.migrations);
        std::optional<std::string_view> script_name;
        if (context.script_name) script_name = *context.script_name;
        fold.emplace(detail::names_mentioned(*version.migrations),
                     detail::fold_options{before, script_name, context.exported_classes.has_value()}, found);
        detail::for_each_step(*version.migrations, detail::field_pointer(layout, "migrations"),
                              [&](auto const& step, std::string_view pointer) { fold->apply(step, pointer); });
    }
    auto const* classes = fold ? &fold->classes() : nullptr;
    detail::check_durable_object_bindings(version, context, layout, classes, before, found);
    detail::check_exports(version, context, layout, classes, found);
    detail::check_modules(version, layout, found);
    detail::check_compatibility_date(version, context, layout, found);
    return found;
}

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_VERSION_RULES_HPP_INCLUDED
#define CFDO_RULES_VERSION_RULES_HPP_INCLUDED

#include <cfdo/model/members.hpp>
#include <cfdo/model/today.hpp>
#include <cfdo/model/worker_version.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/class_registry.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/exports_rules.hpp>
#include <cfdo/rules/json_location.hpp>
#include <cfdo/rules/lifecycle.hpp>
#include <cfdo/rules/migration_fold.hpp>
#include <cfdo/rules/name_table.hpp>
#include <cfdo/rules/suggestion.hpp>
#include <cfdo/rules/text_encoding_rules.hpp>
#include <cfdo/rules/validation_context.hpp>
#include <cfdo/rules/version_field_rules.hpp>
#include <cfdo/support/base64.hpp>
#include <cfdo/support/json_syntax.hpp>
#include <cfdo/support/utf8.hpp>

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

namespace detail {

constexpr json_location field_location(version_layout const& layout, std::string_view field) {
    return json_location(layout.fields) / field;
}

constexpr bool is_javascript_identifier(std::string_view name) noexcept {
    auto const start = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'; };
    if (name.empty() || !start(name[0])) return false;
    return std::all_of(name.begin() + 1, name.end(), [&](char c) { return start(c) || (c >= '0' && c <= '9'); });
}

// Names shared by two items (of bindings, of modules): each occurrence after
// the first is reported, at its own pointer.
template <class Items, class NameOf>
constexpr void report_duplicate_names(Items const& items, NameOf name_of, std::string_view rule,
                                      json_location const& items_location, std::vector<diagnostic>& out) {
    name_table<named> seen(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        if (!seen.insert(name_of(items[i])))
            out.push_back(make_diagnostic(rule, name_of(items[i]), (items_location / i / "name").str()));
}

constexpr void check_bindings(worker_version const& version, version_layout const& layout,
                              std::vector<diagnostic>& out) {
    auto const bindings = field_location(layout, "bindings");
    report_duplicate_names(
        version.bindings, [](binding const& b) { return name_of(b); }, "binding-name-duplicate", bindings, out);
    for (std::size_t i = 0; i < version.bindings.size(); ++i) {
        auto const& b = version.bindings[i];
        if (!is_javascript_identifier(name_of(b)))
            out.push_back(make_diagnostic("binding-name-not-identifier", name_of(b), (bindings / i / "name").str()));
        if (b.holds<json_binding>() && !is_json(b.get<json_binding>().json))
            out.push_back(make_diagnostic("json-binding-not-json", name_of(b), (bindings / i / "json").str()));
        if (!b.holds<durable_object_binding>()) continue;
        auto const& durable_object = b.get<durable_object_binding>();
        if (durable_object.environment && !durable_object.script_name)
            out.push_back(make_diagnostic("durable-object-environment-without-script", name_of(b),
                                          (bindings / i / "environment").str()));
        if (!durable_object.class_name && !durable_object.namespace_id)
            out.push_back(make_diagnostic("durable-object-binding-without-class", name_of(b), (bindings / i).str()));
    }
}

// Each local Durable Object binding must name a class that is live after the
// migrations (`classes`, folded under the assumption). What only the
// deployed state decides — a class the configuration does not create, when
// that state is not known — is a warning that says so.
constexpr void check_durable_object_bindings(worker_version const& version, validation_context const& context,
                                             version_layout const& layout, migration_fold const& classes,
                                             std::vector<diagnostic>& out) {
    for_each_own_class_binding(
        version.bindings, context, field_location(layout, "bindings"),
        [&](std::string_view class_name, text const& where) {
            auto const not_created = [&](bool depends_on_state) {
                // (Not a conditional expression: GCC 12 mishandles one that
                // copies an allocating value in a constant expression.)
                if (depends_on_state)
                    out.push_back(make_state_dependent_diagnostic("binding-class-not-created", class_name, where));
                else out.push_back(make_diagnostic("binding-class-not-created", class_name, where));
                out.back().suggestion = closest_name(class_name, classes.live_names());
            };
            switch (classes.fate_of(class_name)) {
            case class_fate::live: break;
            case class_fate::deleted: {
                auto const* record = classes.classes().find(class_name);
                bool const deleted_by_upload = record && record->deleted_here;
                out.push_back(make_diagnostic(deleted_by_upload ? "delete-while-bound" : "binding-to-deleted-class",
                                              class_name, where));
                break;
            }
            case class_fate::renamed:
                out.push_back(make_diagnostic("binding-to-renamed-class", class_name, where));
                break;
            case class_fate::absent: not_created(false); break;
            case class_fate::unknown: not_created(true); break;
            }
        });
}

// The classes left live must be exported by the new version: a class the
// upload creates with new_classes / new_sqlite_classes is 10070, any other
// live class (renamed or transferred in, or already deployed) is 10064.
constexpr void check_live_classes_exported(migration_fold const& classes, name_table<named> const& exported,
                                           std::vector<diagnostic>& out) {
    for (auto const& record : classes.classes().records()) {
        if (record.fate != class_fate::live || exported.find(record.name)) continue;
        out.push_back(
            make_diagnostic(record.created_by_new_directive ? "new-class-not-exported" : "live-class-not-exported",
                            record.name, classes.where_made_live(record).str()));
    }
}

// A binding to a class of this Worker needs the class exported.
constexpr void check_bound_classes_exported(worker_version const& version, validation_context const& context,
                                            version_layout const& layout, name_table<named> const& exported,
                                            std::vector<diagnostic>& out) {
    for_each_own_class_binding(version.bindings, context, field_location(layout, "bindings"),
                               [&](std::string_view class_name, text const& where) {
                                   if (!exported.find(class_name))
                                       out.push_back(make_diagnostic("binding-class-not-exported", class_name, where));
                               });
}

constexpr void check_modules(worker_version const& version, version_layout const& layout,
                             std::vector<diagnostic>& out) {
    json_location const modules(layout.modules);
    report_duplicate_names(
        version.modules, [](worker_module const& m) { return std::string_view(m.name); }, "module-name-duplicate",
        modules, out);
    for (std::size_t i = 0; i < version.modules.size(); ++i) {
        auto const& module = version.modules[i];
        std::string_view const type = module.content_type;
        if (std::any_of(type.begin(), type.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
            out.push_back(
                make_diagnostic("module-content-type-not-sendable", module.name, (modules / i / "content_type").str()));
        else if (!content_type::is_documented(type))
            out.push_back(
                make_diagnostic("module-content-type-unknown", module.name, (modules / i / "content_type").str()));
        if (module.content.holds<module_base64>()) {
            std::string_view const encoded = module.content.get<module_base64>().base64;
            if (!is_base64(encoded))
                out.push_back(
                    make_diagnostic("module-content-not-base64", module.name, (modules / i / "content_base64").str()));
            else if (!is_canonical_base64(encoded))
                out.push_back(make_diagnostic("module-content-base64-not-canonical", module.name,
                                              (modules / i / "content_base64").str()));
        }
    }
    if (version.modules.empty()) return;
    if (!version.main_module) {
        out.push_back(make_diagnostic("main-module-missing", version.modules.front().name,
                                      field_location(layout, "main_module").str()));
        return;
    }
    bool const found = std::any_of(version.modules.begin(), version.modules.end(),
                                   [&](worker_module const& m) { return m.name == *version.main_module; });
    if (!found)
        out.push_back(make_diagnostic("main-module-not-found", *version.main_module,
                                      field_location(layout, "main_module").str()));
}

constexpr void check_compatibility_date(worker_version const& version, validation_context const& context,
                                        version_layout const& layout, std::vector<diagnostic>& out) {
    if (!version.compatibility_date) return;
    auto const& day = *version.compatibility_date;
    auto const spelled = day.chars();
    std::string_view const subject(spelled.data(), spelled.size());
    if (!day.is_calendar_date()) {
        // A date written in another form while compiling is quoted as written.
        std::string_view const written = day.malformed_text().empty() ? subject : day.malformed_text();
        out.push_back(
            make_diagnostic("compatibility-date-invalid", written, field_location(layout, "compatibility_date").str()));
        return;
    }
    std::optional<date> today = context.today;
    if (!today && !std::is_constant_evaluated()) today = today_utc();
    if (today && *today < day)
        out.push_back(make_diagnostic("compatibility-date-in-future", subject,
                                      field_location(layout, "compatibility_date").str()));
}

// Every text must be UTF-8; modules sit under the layout's own place. The
// migrations' class names are checked by the fold, which reads them anyway:
// walking hundreds of steps twice would cost the compile-time budget.
constexpr void check_version_text_encoding(worker_version const& version, version_layout const& layout,
                                           std::vector<diagnostic>& out) {
    for_each_member(version, [&](auto member, auto const& field) {
        if (member.key == "migrations") return;
        auto const where = member.key == "modules" ? json_location(layout.modules) : field_location(layout, member.key);
        check_text_encoding(field, where, member.key, out);
    });
}

// A tag must say something, in UTF-8; false (and reported) when it does not.
// `key` is the tag's field, the subject of the report.
constexpr bool check_tag_text(std::string_view tag, std::string_view key, json_location const& where,
                              std::vector<diagnostic>& out) {
    if (tag.empty()) out.push_back(make_diagnostic("migration-tag-empty", key, where.str()));
    else if (!is_utf8(tag)) out.push_back(make_diagnostic("text-not-utf8", key, where.str()));
    else return true;
    return false;
}

// The payload's tags, when present.
constexpr void check_payload_tags(migrations const& m, version_layout const& layout, std::vector<diagnostic>& out) {
    auto const where = field_location(layout, "migrations");
    if (auto const& tag = old_tag_of(m)) check_tag_text(*tag, "old_tag", where / "old_tag", out);
    if (auto const& tag = new_tag_of(m)) check_tag_text(*tag, "new_tag", where / "new_tag", out);
}

} // namespace detail

namespace detail {

// The lifecycle of a version that declares its classes in `exports`.
constexpr void check_declared_lifecycle(worker_version const& version, validation_context const& context,
                                        version_layout const& layout, std::vector<diagnostic>& found) {
    check_exports_lifecycle(version, context, layout, found);
    check_version_fields(version, classes_of_exports(version.exports, found), json_location(layout.fields), found);
    if (context.exported_classes)
        check_bound_classes_exported(version, context, layout, exported_classes(context), found);
}

// The lifecycle of a version whose classes come from migrations: the whole
// history when the context has one (its steps checked and reported at
// `layout.history`), else the payload's own migrations.
constexpr void check_migrated_lifecycle(worker_version const& version, validation_context const& context,
                                        version_layout const& layout, std::vector<diagnostic>& found) {
    auto const classes = [&] {
        if (context.history)
            return fold_history_under(*context.history, json_location(layout.history), context, found,
                                      &version.migrations);
        if (version.migrations) check_payload_tags(*version.migrations, layout, found);
        return fold_payload_under(version.migrations, context, field_location(layout, "migrations"), found);
    }();

    check_durable_object_bindings(version, context, layout, classes, found);
    check_version_fields(version, classes, json_location(layout.fields), found);
    if (context.exported_classes) {
        auto const exported = exported_classes(context);
        check_bound_classes_exported(version, context, layout, exported, found);
        check_live_classes_exported(classes, exported, found);
    }
}

// The rules of a version, under the context's assumption about the deployed
// Worker. Its Durable Object classes are those its `exports` declares, when
// they declare any, else those its migrations leave live.
constexpr void check_version(worker_version const& version, validation_context const& context,
                             version_layout const& layout, std::vector<diagnostic>& found) {
    check_version_text_encoding(version, layout, found);
    check_bindings(version, layout, found);
    // (Skipped without exports: a large history is checked within the
    // compilers' constant-evaluation budget, which every step counts against.)
    if (!version.exports.empty()) check_export_entries(version, context, field_location(layout, "exports"), found);
    if (declares_durable_objects(version.exports)) check_declared_lifecycle(version, context, layout, found);
    else check_migrated_lifecycle(version, context, layout, found);
    check_modules(version, layout, found);
    check_compatibility_date(version, context, layout, found);
}

} // namespace detail

/// Every problem of a Worker version: all diagnostics, not only the first,
/// each with the JSON pointer of what it is about.
[[nodiscard]] constexpr std::vector<diagnostic>
validate(worker_version const& version, validation_context const& context = {}, version_layout const& layout = {}) {
    std::vector<diagnostic> found;
    detail::check_version(version, context, layout, found);
    return found;
}

} // namespace cfdo

#endif

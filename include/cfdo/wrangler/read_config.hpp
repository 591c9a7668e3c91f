// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_WRANGLER_READ_CONFIG_HPP_INCLUDED
#define CFDO_WRANGLER_READ_CONFIG_HPP_INCLUDED

#include <cfdo/model/bindings.hpp>
#include <cfdo/model/date.hpp>
#include <cfdo/model/deployment.hpp>
#include <cfdo/model/migrations.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/wrangler/config_path.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cfdo::wrangler {

/// Where a binding is written in a configuration: its entry (a JSON
/// pointer), and the key of that entry holding its name — `name` for a
/// Durable Object binding, `binding` for KV, R2, services, D1 and queues,
/// none for `vars`, whose keys are the names.
struct binding_location {
    std::string pointer;
    std::string_view name_field;
};

/// One Worker as a wrangler configuration describes it — at the top level,
/// or in one `env.<name>` section with wrangler's inheritance applied — read
/// into cfdo's model, with where each part came from in the file.
struct worker_config {
    /// The Worker's name (`name`; in an environment its own `name`, else
    /// wrangler's `<name>-<environment>`).
    std::optional<text> name {};
    /// The entry module's path (`main`).
    std::optional<text> main {};
    /// The version (compatibility date and flags, every binding) and the
    /// migration history. `deployed_tag` is the caller's to set.
    cfdo::deployment worker {};
    /// Where `worker.version.bindings[i]` is written.
    std::vector<binding_location> binding_locations {};
    /// Where the fields come from: the environment's section when it sets
    /// them, else the top level.
    std::string migrations_location = "/migrations";
    std::string compatibility_date_location = "/compatibility_date";
    std::string compatibility_flags_location = "/compatibility_flags";
    /// The classes `exports` declares as Durable Objects (the declarative
    /// lifecycle, which cfdo does not model): bindings to them are not held
    /// against the migrations.
    std::vector<text> classes_declared_by_exports {};

    /// The configuration's JSON pointer for a pointer into what
    /// `validate(deployment)` checks (`/version/bindings/2/class_name`,
    /// `/history/0/tag`, `/deployed_tag`, or `/version/migrations/steps/0`,
    /// the first step sent, which is migration `first_sent_step`).
    [[nodiscard]] std::string location_of(std::string_view checked, std::size_t first_sent_step = 0) const {
        auto const starts = [&](std::string_view prefix) {
            return checked.substr(0, prefix.size()) == prefix &&
                   (checked.size() == prefix.size() || checked[prefix.size()] == '/');
        };
        auto const rest_after = [&](std::string_view prefix) { return std::string(checked.substr(prefix.size())); };
        // What follows `prefix/` (empty when nothing does).
        auto const below = [&](std::string_view prefix) {
            return checked.substr(std::min(checked.size(), prefix.size() + 1));
        };
        if (starts("/history")) return migrations_location + rest_after("/history");
        if (starts("/deployed_tag")) return migrations_location;
        if (starts("/version/migrations/steps")) {
            auto const [step, field] = leading_index(below("/version/migrations/steps"));
            if (step) return migrations_location + "/" + std::to_string(first_sent_step + *step) + std::string(field);
        }
        if (starts("/version/migrations")) return migrations_location;
        if (starts("/version/compatibility_date")) return compatibility_date_location;
        if (starts("/version/compatibility_flags"))
            return compatibility_flags_location + rest_after("/version/compatibility_flags");
        if (starts("/version/bindings")) {
            auto const [index, field] = leading_index(below("/version/bindings"));
            if (index && *index < binding_locations.size()) {
                auto const& binding = binding_locations[*index];
                if (field == "/name")
                    return binding.name_field.empty() ? binding.pointer
                                                      : binding.pointer + "/" + std::string(binding.name_field);
                // Durable Object bindings' fields are named as in the API;
                // the other kinds' are not, so their entry stands for them.
                return binding.name_field == "name" ? binding.pointer + std::string(field) : binding.pointer;
            }
        }
        return std::string(checked);
    }

private:
    /// The array index a pointer's rest starts with ("3/class_name" gives 3
    /// and "/class_name").
    static std::pair<std::optional<std::size_t>, std::string_view> leading_index(std::string_view rest) {
        std::size_t index = 0;
        std::size_t digits = 0;
        for (; digits < rest.size() && digits < 18 && rest[digits] >= '0' && rest[digits] <= '9'; ++digits)
            index = index * 10 + static_cast<std::size_t>(rest[digits] - '0');
        if (digits == 0) return {std::nullopt, rest};
        return {index, rest.substr(digits)};
    }
};

/// What reading a configuration gave: the Worker, unless the configuration's
/// shape is wrong, and every diagnostic about its shape.
struct config_reading {
    std::optional<worker_config> worker {};
    std::vector<diagnostic> diagnostics {};
};

namespace detail {

/// Reads the parts of a configuration cfdo checks, reporting shape errors
/// with wrangler's meaning (validation.ts) as `config-*` diagnostics.
class config_reader {
public:
    explicit config_reader(std::vector<diagnostic>& found) : found_(found) {}

    void report(std::string_view rule, config_path const& where) {
        found_.push_back(make_diagnostic(rule, text(where.dotted), text(where.pointer)));
    }

    /// How many errors were reported so far.
    [[nodiscard]] std::size_t error_count() const {
        return static_cast<std::size_t>(std::count_if(found_.begin(), found_.end(),
                                                      [](diagnostic const& d) { return d.level == severity::error; }));
    }

    /// The object at `where`, or null (reported) when `v` is something else.
    boost::json::object const* object_at(boost::json::value const& v, config_path const& where) {
        if (auto const* object = v.if_object()) return object;
        report("config-not-an-object", where);
        return nullptr;
    }

    boost::json::array const* array_at(boost::json::value const& v, config_path const& where) {
        if (auto const* array = v.if_array()) return array;
        report("config-not-an-array", where);
        return nullptr;
    }

    /// `object[key]` when it is a string; nothing when it is absent (or, reported, not a string).
    std::optional<text> optional_string(boost::json::object const& object, std::string_view key,
                                        config_path const& parent) {
        auto const* v = object.if_contains(key);
        if (!v) return std::nullopt;
        if (auto const* s = v->if_string()) return text(std::string_view(*s));
        report("config-not-a-string", parent / key);
        return std::nullopt;
    }

    std::optional<text> required_string(boost::json::object const& object, std::string_view key,
                                        config_path const& parent) {
        if (!object.contains(key)) {
            report("config-field-missing", parent / key);
            return std::nullopt;
        }
        return optional_string(object, key, parent);
    }

    void optional_boolean(boost::json::object const& object, std::string_view key, config_path const& parent) {
        if (auto const* v = object.if_contains(key); v && !v->is_bool()) report("config-not-a-boolean", parent / key);
    }

    std::vector<text> strings_at(boost::json::value const& v, config_path const& where) {
        std::vector<text> out;
        auto const* array = array_at(v, where);
        if (!array) return out;
        out.reserve(array->size());
        for (std::size_t i = 0; i < array->size(); ++i) {
            if (auto const* s = (*array)[i].if_string()) out.emplace_back(std::string_view(*s));
            else report("config-not-a-string", where / i);
        }
        return out;
    }

    std::vector<text> optional_strings(boost::json::object const& object, std::string_view key,
                                       config_path const& parent) {
        if (auto const* v = object.if_contains(key)) return strings_at(*v, parent / key);
        return {};
    }

    /// Wrangler warns about keys it does not know in a Durable Object binding
    /// and in a migration (validateAdditionalProperties), and ignores them.
    void warn_unknown_keys(boost::json::object const& object, std::initializer_list<std::string_view> known,
                           config_path const& where) {
        for (auto const& entry : object)
            if (std::find(known.begin(), known.end(), std::string_view(entry.key())) == known.end())
                report("config-field-unknown", where / entry.key());
    }

    /// `durable_objects.bindings`, appended to `out` (R1-R4).
    void durable_object_bindings(boost::json::value const& section, config_path const& where,
                                 std::vector<binding>& out, std::vector<binding_location>& locations) {
        auto const* object = object_at(section, where);
        if (!object) return;
        auto const* bindings_value = object->if_contains("bindings");
        if (!bindings_value) {
            report("config-field-missing", where / "bindings");
            return;
        }
        auto const* bindings = array_at(*bindings_value, where / "bindings");
        if (!bindings) return;
        for (std::size_t i = 0; i < bindings->size(); ++i) {
            auto const at = where / "bindings" / i;
            auto const* entry = object_at((*bindings)[i], at);
            if (!entry) continue;
            auto name = required_string(*entry, "name", at);
            auto class_name = required_string(*entry, "class_name", at);
            auto script_name = optional_string(*entry, "script_name", at);
            auto environment = optional_string(*entry, "environment", at);
            optional_boolean(*entry, "remote", at);
            warn_unknown_keys(*entry, {"name", "class_name", "script_name", "environment", "remote"}, at);
            if (!name || !class_name) continue;
            out.emplace_back(durable_object_binding{.name = std::move(*name),
                                                    .class_name = std::move(*class_name),
                                                    .script_name = std::move(script_name),
                                                    .environment = std::move(environment)});
            locations.push_back({at.pointer, "name"});
        }
    }

    /// One of the array-of-tables binding kinds wrangler names with `binding`
    /// (`kv_namespaces`, `r2_buckets`, ...), when `container[key]` is there:
    /// `make(entry, where)` builds the binding (its name is set here), or
    /// nothing when a field it needs is missing (reported).
    template <class MakeBinding>
    void named_bindings(boost::json::object const& container, std::string_view key, config_path const& parent,
                        std::vector<binding>& out, std::vector<binding_location>& locations, MakeBinding make) {
        auto const* section = container.if_contains(key);
        if (!section) return;
        auto const where = parent / key;
        auto const* entries = array_at(*section, where);
        if (!entries) return;
        for (std::size_t i = 0; i < entries->size(); ++i) {
            auto const at = where / i;
            auto const* entry = object_at((*entries)[i], at);
            if (!entry) continue;
            auto name = required_string(*entry, "binding", at);
            std::optional<binding> made = make(*entry, at);
            if (!name || !made) continue;
            made->visit([&](auto& kind) { kind.name = std::move(*name); });
            out.push_back(std::move(*made));
            locations.push_back({at.pointer, "binding"});
        }
    }

    /// `vars`: a string is a plain_text binding, any other JSON value a json
    /// binding, as wrangler uploads them.
    void vars(boost::json::value const& section, config_path const& where, std::vector<binding>& out,
              std::vector<binding_location>& locations) {
        auto const* object = object_at(section, where);
        if (!object) return;
        for (auto const& entry : *object) {
            text name(std::string_view(entry.key()));
            if (auto const* s = entry.value().if_string())
                out.emplace_back(plain_text_binding{.name = std::move(name), .text = text(std::string_view(*s))});
            else
                out.emplace_back(json_binding{.name = std::move(name), .json = json_text(boost::json::serialize(entry.value()))});
            locations.push_back({(where / entry.key()).pointer, ""});
        }
    }

    /// Every binding kind of a section (the top level or an environment);
    /// none of them is inherited by environments.
    void bindings(boost::json::object const& section, config_path const& where, std::vector<binding>& out,
                  std::vector<binding_location>& locations) {
        if (auto const* v = section.if_contains("durable_objects"))
            durable_object_bindings(*v, where / "durable_objects", out, locations);
        if (auto const* v = section.if_contains("vars")) vars(*v, where / "vars", out, locations);
        // Wrangler can provision KV, R2 and D1 resources itself, so their ids
        // may be absent: only the name matters to the rules.
        named_bindings(section, "kv_namespaces", where, out, locations, [&](auto const& entry, auto const& at) {
            return kv_namespace_binding{.name = text(),
                                        .namespace_id = optional_string(entry, "id", at).value_or(text())};
        });
        named_bindings(section, "r2_buckets", where, out, locations, [&](auto const& entry, auto const& at) {
            return r2_bucket_binding{.name = text(),
                                     .bucket_name = optional_string(entry, "bucket_name", at).value_or(text())};
        });
        named_bindings(section, "services", where, out, locations, [&](auto const& entry, auto const& at) {
            auto service = required_string(entry, "service", at);
            auto environment = optional_string(entry, "environment", at);
            auto entrypoint = optional_string(entry, "entrypoint", at);
            if (!service) return std::optional<binding>();
            return std::optional<binding>(service_binding{.name = text(),
                                                          .service = std::move(*service),
                                                          .entrypoint = std::move(entrypoint),
                                                          .environment = std::move(environment)});
        });
        named_bindings(section, "d1_databases", where, out, locations, [&](auto const& entry, auto const& at) {
            optional_string(entry, "database_name", at);
            return d1_binding{.name = text(),
                              .database_id = optional_string(entry, "database_id", at).value_or(text())};
        });
        if (auto const* v = section.if_contains("queues"))
            if (auto const* queues = object_at(*v, where / "queues"))
                named_bindings(*queues, "producers", where / "queues", out, locations,
                               [&](auto const& entry, auto const& at) {
                                   auto queue = required_string(entry, "queue", at);
                                   if (!queue) return std::optional<binding>();
                                   return std::optional<binding>(
                                       queue_binding{.name = text(), .queue_name = std::move(*queue)});
                               });
    }

    std::vector<renamed_class> renames(boost::json::value const& v, config_path const& where) {
        std::vector<renamed_class> out;
        auto const* array = array_at(v, where);
        if (!array) return out;
        for (std::size_t i = 0; i < array->size(); ++i) {
            auto const* entry = (*array)[i].if_object();
            auto const from = entry ? entry->if_contains("from") : nullptr;
            auto const to = entry ? entry->if_contains("to") : nullptr;
            if (!from || !to || !from->is_string() || !to->is_string()) {
                report("config-rename-not-from-to", where / i);
                continue;
            }
            out.push_back({text(std::string_view(from->get_string())), text(std::string_view(to->get_string()))});
        }
        return out;
    }

    std::vector<transferred_class> transfers(boost::json::value const& v, config_path const& where) {
        std::vector<transferred_class> out;
        auto const* array = array_at(v, where);
        if (!array) return out;
        for (std::size_t i = 0; i < array->size(); ++i) {
            auto const* entry = (*array)[i].if_object();
            auto const field = [&](std::string_view key) -> boost::json::string const* {
                auto const* value = entry ? entry->if_contains(key) : nullptr;
                return value ? value->if_string() : nullptr;
            };
            auto const *from = field("from"), *from_script = field("from_script"), *to = field("to");
            if (!from || !from_script || !to) {
                report("config-transfer-not-from-to", where / i);
                continue;
            }
            out.push_back({text(std::string_view(*from)), text(std::string_view(*from_script)),
                           text(std::string_view(*to))});
        }
        return out;
    }

    /// `migrations` (R6-R9).
    migration_history migrations(boost::json::value const& v, config_path const& where) {
        migration_history history;
        auto const* entries = array_at(v, where);
        if (!entries) return history;
        history.reserve(entries->size());
        for (std::size_t i = 0; i < entries->size(); ++i) {
            auto const at = where / i;
            auto const* entry = object_at((*entries)[i], at);
            if (!entry) continue;
            auto tag = required_string(*entry, "tag", at);
            tagged_migration migration{.tag = tag ? std::move(*tag) : text()};
            migration.new_classes = optional_strings(*entry, "new_classes", at);
            migration.new_sqlite_classes = optional_strings(*entry, "new_sqlite_classes", at);
            migration.deleted_classes = optional_strings(*entry, "deleted_classes", at);
            if (auto const* renamed = entry->if_contains("renamed_classes"))
                migration.renamed_classes = renames(*renamed, at / "renamed_classes");
            if (auto const* transferred = entry->if_contains("transferred_classes"))
                migration.transferred_classes = transfers(*transferred, at / "transferred_classes");
            warn_unknown_keys(*entry,
                              {"tag", "new_classes", "new_sqlite_classes", "renamed_classes", "deleted_classes",
                               "transferred_classes"},
                              at);
            history.push_back(std::move(migration));
        }
        return history;
    }

    std::optional<date> compatibility_date(boost::json::object const& section, config_path const& where) {
        auto written = optional_string(section, "compatibility_date", where);
        if (!written) return std::nullopt;
        if (auto day = date::parse(*written)) return day;
        found_.push_back(make_diagnostic("compatibility-date-invalid", std::move(*written),
                                         text((where / "compatibility_date").pointer)));
        return std::nullopt;
    }

private:
    std::vector<diagnostic>& found_;
};

/// The classes an `exports` map declares as Durable Objects (entries whose
/// `type` is "durable-object"), whatever their state.
inline std::vector<text> durable_object_exports(boost::json::value const& exports) {
    std::vector<text> classes;
    if (auto const* map = exports.if_object())
        for (auto const& entry : *map)
            if (auto const* fields = entry.value().if_object())
                if (auto const* type = fields->if_contains("type"); type && type->is_string() &&
                                                                   type->get_string() == "durable-object")
                    classes.emplace_back(std::string_view(entry.key()));
    return classes;
}

/// The Durable Object binding names of a section, for wrangler's warning
/// that environments do not inherit them (R15).
inline std::vector<std::string_view> durable_object_binding_names(std::vector<binding> const& bindings) {
    std::vector<std::string_view> names;
    for (auto const& b : bindings)
        if (auto const* durable_object = b.get_if<durable_object_binding>()) names.push_back(durable_object->name);
    return names;
}

} // namespace detail

/// Reads the Worker of a wrangler configuration — parsed JSON, JSONC or
/// TOML, as a JSON value — at its top level, or in `environment` with
/// wrangler's inheritance: `name` (else `<name>-<environment>`), `main`,
/// `compatibility_date`, `compatibility_flags` and `migrations` are taken
/// from the environment when it sets them and from the top level otherwise;
/// `durable_objects`, `vars`, `kv_namespaces`, `r2_buckets`, `services`,
/// `d1_databases` and `queues` only from the environment.
///
/// With no `env` at all, `environment` only warns and the top-level Worker is
/// read, as wrangler deploys it. `exports` (the declarative lifecycle) is
/// not modelled: its Durable Object classes are recorded, and mixing it with
/// `migrations` is an error, as in wrangler.
///
/// The shape of what it reads is checked as wrangler checks it; a shape
/// error leaves `worker` empty (the rules are only checked on a Worker read
/// whole). Other keys are left alone: wrangler knows many more.
[[nodiscard]] inline config_reading read_config(boost::json::value const& root,
                                                std::optional<std::string_view> environment = std::nullopt) {
    config_reading reading;
    detail::config_reader reader(reading.diagnostics);
    config_path const top{};
    auto const* top_object = root.if_object();
    if (!top_object) {
        reader.report("config-not-an-object", config_path{"the configuration", ""});
        return reading;
    }

    worker_config worker;
    std::vector<binding> top_bindings;
    std::vector<binding_location> top_binding_locations;
    reader.bindings(*top_object, top, top_bindings, top_binding_locations);
    worker.name = reader.optional_string(*top_object, "name", top);
    worker.main = reader.optional_string(*top_object, "main", top);
    worker.worker.version.compatibility_date = reader.compatibility_date(*top_object, top);
    worker.worker.version.compatibility_flags = reader.optional_strings(*top_object, "compatibility_flags", top);
    if (auto const* migrations = top_object->if_contains("migrations"))
        worker.worker.history = reader.migrations(*migrations, top / "migrations");

    // `exports` is inheritable like `migrations`.
    boost::json::value const* exports = top_object->if_contains("exports");
    config_path exports_at = top / "exports";

    auto const* environments_value = environment ? top_object->if_contains("env") : nullptr;
    if (environment && !environments_value) {
        // As wrangler: with no environments at all, --env only warns, and the
        // top-level Worker is deployed.
        reading.diagnostics.push_back(make_diagnostic("config-environment-not-defined",
                                                      text((top / "env" / *environment).dotted), text("")));
        environment.reset();
    }
    if (!environment) {
        worker.worker.version.bindings = std::move(top_bindings);
        worker.binding_locations = std::move(top_binding_locations);
    } else {
        auto const* environments = reader.object_at(*environments_value, top / "env");
        auto const* section_value = environments ? environments->if_contains(*environment) : nullptr;
        config_path const at = top / "env" / *environment;
        if (!section_value) {
            if (environments) reader.report("config-environment-missing", at);
            return reading;
        }
        auto const* section = reader.object_at(*section_value, at);
        if (!section) return reading;

        auto const errors_before = reader.error_count();
        reader.bindings(*section, at, worker.worker.version.bindings, worker.binding_locations);
        bool const bindings_read_whole = reader.error_count() == errors_before;
        if (auto name = reader.optional_string(*section, "name", at)) worker.name = std::move(name);
        else if (worker.name) worker.name = text(std::string(*worker.name) + "-" + std::string(*environment));
        if (auto main = reader.optional_string(*section, "main", at)) worker.main = std::move(main);
        if (section->contains("compatibility_date")) {
            worker.worker.version.compatibility_date = reader.compatibility_date(*section, at);
            worker.compatibility_date_location = (at / "compatibility_date").pointer;
        }
        if (section->contains("compatibility_flags")) {
            worker.worker.version.compatibility_flags = reader.optional_strings(*section, "compatibility_flags", at);
            worker.compatibility_flags_location = (at / "compatibility_flags").pointer;
        }
        if (auto const* migrations = section->if_contains("migrations")) {
            worker.worker.history = reader.migrations(*migrations, at / "migrations");
            worker.migrations_location = (at / "migrations").pointer;
        }
        if (auto const* own_exports = section->if_contains("exports")) {
            exports = own_exports;
            exports_at = at / "exports";
        }

        // durable_objects is not inherited: a binding only the top level
        // has is missing from the environment's Worker. (When the
        // environment's own bindings are malformed, their errors say enough.)
        auto const in_environment = detail::durable_object_binding_names(worker.worker.version.bindings);
        if (bindings_read_whole)
            for (auto const name : detail::durable_object_binding_names(top_bindings))
                if (std::find(in_environment.begin(), in_environment.end(), name) == in_environment.end())
                    reading.diagnostics.push_back(make_diagnostic("config-durable-objects-not-inherited",
                                                                  text(name), text(at.pointer)));
    }

    // The declarative `exports` lifecycle (R40-R49) is not modelled: its
    // Durable Object classes are recorded, so that bindings to them are not
    // held against the (empty) migrations, and mixing it with migrations is
    // refused as wrangler refuses it.
    if (exports) worker.classes_declared_by_exports = detail::durable_object_exports(*exports);
    if (!worker.classes_declared_by_exports.empty()) {
        if (!worker.worker.history.empty()) reader.report("config-migrations-and-exports", exports_at);
        else reader.report("config-exports-not-checked", exports_at);
    }

    if (!has_errors(reading.diagnostics)) reading.worker = std::move(worker);
    return reading;
}

} // namespace cfdo::wrangler

#endif

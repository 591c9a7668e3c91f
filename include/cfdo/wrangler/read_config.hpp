// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_WRANGLER_READ_CONFIG_HPP_INCLUDED
#define CFDO_WRANGLER_READ_CONFIG_HPP_INCLUDED

#include <cfdo/model/bindings.hpp>
#include <cfdo/model/date.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/wrangler/binding_sections.hpp>
#include <cfdo/wrangler/config_path.hpp>
#include <cfdo/wrangler/config_shape.hpp>
#include <cfdo/wrangler/exports_section.hpp>
#include <cfdo/wrangler/migration_section.hpp>
#include <cfdo/wrangler/version_section.hpp>
#include <cfdo/wrangler/worker_config.hpp>

#include <boost/json/value.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// A wrangler configuration's Worker, at its top level or in one environment
// with wrangler's inheritance.

namespace cfdo::wrangler {

namespace detail {

inline std::optional<date> compatibility_date(config_reader& reader, boost::json::object const& section,
                                              config_path const& where) {
    auto written = reader.optional_string(section, "compatibility_date", where);
    if (!written) return std::nullopt;
    if (auto day = date::parse(*written)) return day;
    reader.report(make_diagnostic("compatibility-date-invalid", std::move(*written),
                                  text((where / "compatibility_date").pointer)));
    return std::nullopt;
}

/// The Durable Object binding names of a section, for wrangler's warning
/// that environments do not inherit them.
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
/// `account_id`, `compatibility_date`, `compatibility_flags`, `migrations` and `exports` are taken
/// from the environment when it sets them and from the top level otherwise;
/// the bindings (every section of `binding_sections`) only from the
/// environment.
///
/// With no `env` at all, `environment` only warns and the top-level Worker is
/// read, as wrangler deploys it. `exports` (the declarative lifecycle) is
/// inheritable as `migrations` is, and read into the version; declaring
/// Durable Objects in both is an error, as in wrangler.
///
/// The shape of what it reads is checked as wrangler checks it; a shape
/// error leaves `worker` empty (the rules are only checked on a Worker read
/// whole). Other keys are left alone: wrangler knows many more.
[[nodiscard]] inline config_reading read_config(boost::json::value const& root,
                                                std::optional<std::string_view> environment = std::nullopt) {
    config_reading reading;
    config_reader reader(reading.diagnostics);
    config_path const top{};
    auto const* top_object = root.if_object();
    if (!top_object) {
        reader.report("config-not-an-object", config_path{"the configuration", ""});
        return reading;
    }

    worker_config worker;
    std::vector<binding> top_bindings;
    std::vector<binding_location> top_binding_locations;
    read_bindings(reader, *top_object, top, top_bindings, top_binding_locations);
    worker.name = reader.optional_string(*top_object, "name", top);
    worker.main = reader.optional_string(*top_object, "main", top);
    worker.account_id = reader.optional_string(*top_object, "account_id", top);
    worker.deployment.version.compatibility_date = detail::compatibility_date(reader, *top_object, top);
    worker.deployment.version.compatibility_flags = reader.optional_strings(*top_object, "compatibility_flags", top);
    if (auto const* migrations = top_object->if_contains("migrations"))
        worker.deployment.history = read_migrations(reader, *migrations, top / "migrations");
    read_inheritable_version_fields(reader, *top_object, top, worker.deployment.version, worker.upload);

    // `exports` is inheritable like `migrations`.
    boost::json::value const* exports = top_object->if_contains("exports");
    config_path exports_at = top / "exports";

    auto const* environments_value = environment ? top_object->if_contains("env") : nullptr;
    if (environment && !environments_value) {
        // As wrangler: with no environments at all, --env only warns, and the
        // top-level Worker is deployed.
        reader.report(
            make_diagnostic("config-environment-not-defined", text((top / "env" / *environment).dotted), text("")));
        environment.reset();
    }
    // Whether another section has `containers` (for an environment, the top
    // level; for the top level, any environment): when the deployed section
    // has none, wrangler then does not hold `exports` to its containers.
    auto const containers_elsewhere = [&](bool in_environment) {
        if (in_environment) return top_object->contains("containers");
        auto const* all = top_object->if_contains("env");
        if (!all || !all->is_object()) return false;
        return std::any_of(all->get_object().begin(), all->get_object().end(), [](auto const& named) {
            return named.value().is_object() && named.value().get_object().contains("containers");
        });
    };
    // The exports are read before the fields a section does not inherit: a
    // container may take its class from them.
    auto const read_exports_and_own_fields = [&](boost::json::object const& deployed, config_path const& at,
                                                 bool in_environment) {
        if (exports) worker.deployment.version.exports = read_exports(reader, *exports, exports_at);
        read_own_version_fields(reader, deployed, at, worker);
        auto const* containers = deployed.if_contains("containers");
        if (containers && !containers->is_array()) return;
        // The names as read (with wrangler's default), and as written where
        // an entry could not be read (its own error says why).
        std::vector<std::string_view> names;
        for (auto const& container : worker.deployment.version.containers)
            if (container.name) names.push_back(*container.name);
        if (containers)
            for (auto const& entry : containers->get_array())
                if (auto const* name = entry.is_object() ? entry.get_object().if_contains("name") : nullptr;
                    name && name->is_string())
                    names.push_back(name->get_string());
        check_container_links(reader, worker.deployment.version.exports, exports_at, names,
                              !containers && containers_elsewhere(in_environment));
    };

    if (!environment) {
        worker.deployment.version.bindings = std::move(top_bindings);
        worker.binding_locations = std::move(top_binding_locations);
        read_exports_and_own_fields(*top_object, top, false);
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
        read_bindings(reader, *section, at, worker.deployment.version.bindings, worker.binding_locations);
        bool const bindings_read_whole = reader.error_count() == errors_before;
        if (auto name = reader.optional_string(*section, "name", at)) worker.name = std::move(name);
        else if (worker.name) worker.name = text(std::string(*worker.name) + "-" + std::string(*environment));
        if (auto main = reader.optional_string(*section, "main", at)) worker.main = std::move(main);
        if (auto account = reader.optional_string(*section, "account_id", at)) worker.account_id = std::move(account);
        if (section->contains("compatibility_date")) {
            worker.deployment.version.compatibility_date = detail::compatibility_date(reader, *section, at);
            worker.compatibility_date_location = (at / "compatibility_date").pointer;
        }
        if (section->contains("compatibility_flags")) {
            worker.deployment.version.compatibility_flags =
                reader.optional_strings(*section, "compatibility_flags", at);
            worker.compatibility_flags_location = (at / "compatibility_flags").pointer;
        }
        if (auto const* migrations = section->if_contains("migrations")) {
            worker.deployment.history = read_migrations(reader, *migrations, at / "migrations");
            worker.migrations_location = (at / "migrations").pointer;
        }
        if (auto const* own_exports = section->if_contains("exports")) {
            exports = own_exports;
            exports_at = at / "exports";
            worker.exports_location = exports_at.pointer;
        }
        read_inheritable_version_fields(reader, *section, at, worker.deployment.version, worker.upload);
        read_exports_and_own_fields(*section, at, true);

        // durable_objects is not inherited: a binding only the top level
        // has is missing from the environment's Worker. (When the
        // environment's own bindings are malformed, their errors say enough.)
        auto const in_environment = detail::durable_object_binding_names(worker.deployment.version.bindings);
        if (bindings_read_whole)
            for (auto const name : detail::durable_object_binding_names(top_bindings))
                if (std::find(in_environment.begin(), in_environment.end(), name) == in_environment.end())
                    reader.report(
                        make_diagnostic("config-durable-objects-not-inherited", text(name), text(at.pointer)));
    }

    // The two lifecycles are exclusive for Durable Objects (worker and
    // workflow entries may sit beside migrations).
    if (declares_durable_objects(worker.deployment.version.exports) && !worker.deployment.history.empty())
        reader.report("config-migrations-and-exports", exports_at);

    add_wrangler_upload_defaults(reader, *top_object, worker.upload);

    if (!has_errors(reading.diagnostics)) reading.worker = std::move(worker);
    return reading;
}

} // namespace cfdo::wrangler

#endif

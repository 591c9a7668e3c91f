// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_VERSION_FIELD_RULES_HPP_INCLUDED
#define CFDO_RULES_VERSION_FIELD_RULES_HPP_INCLUDED

#include <cfdo/model/bindings.hpp>
#include <cfdo/model/members.hpp>
#include <cfdo/model/worker_version.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/json_location.hpp>
#include <cfdo/rules/migration_fold.hpp>
#include <cfdo/rules/validation_context.hpp>
#include <cfdo/support/json_syntax.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

// The rules of a version's fields that have nothing to do with Durable
// Object classes: what each binding kind needs besides its required fields,
// the placement forms, the assets configuration, the containers' classes,
// and the escape hatch (`extra_fields`, `raw_binding`).

namespace cfdo::detail {

// A binding's own fields: a database for D1, a part for the blob kinds, a
// value for a secret, a period wrangler takes for a rate limiter.
constexpr void check_binding_fields(worker_version const& version, json_location const& bindings,
                                    std::vector<diagnostic>& out) {
    auto const is_module = [&](std::string_view part) {
        return std::any_of(version.modules.begin(), version.modules.end(),
                           [&](worker_module const& m) { return m.name == part; });
    };
    for (std::size_t i = 0; i < version.bindings.size(); ++i) {
        auto const& b = version.bindings[i];
        auto const at = bindings / i;
        if (auto const* d1 = b.get_if<d1_binding>(); b.holds<d1_binding>() && !d1->database_id && !d1->id) {
            out.push_back(make_diagnostic("d1-binding-without-database", name_of(b), at.str()));
        } else if (b.holds<data_blob_binding>() || b.holds<text_blob_binding>() || b.holds<wasm_module_binding>()) {
            // (The three kinds differ only in how the Worker sees the part.)
            std::string_view part;
            b.visit([&](auto const& kind) {
                if constexpr (requires { kind.part; }) part = kind.part;
            });
            if (!is_module(part))
                out.push_back(make_diagnostic("binding-part-missing", name_of(b), (at / "part").str()));
        } else if (b.holds<secret_text_binding>() && b.get<secret_text_binding>().text.empty()) {
            out.push_back(make_diagnostic("secret-empty", name_of(b), (at / "text").str()));
        } else if (b.holds<ratelimit_binding>()) {
            auto const period = b.get<ratelimit_binding>().simple.period;
            if (period != 10 && period != 60)
                out.push_back(
                    make_diagnostic("ratelimit-period-unsupported", name_of(b), (at / "simple" / "period").str()));
        } else if (b.holds<raw_binding>()) {
            auto const& raw = b.get<raw_binding>();
            bool modelled = false;
            boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, binding::alternatives>>(
                [&](auto alternative) {
                    using kind = typename decltype(alternative)::type;
                    if constexpr (has_type_constant<kind>) modelled = modelled || raw.kind == kind::type;
                });
            if (modelled) out.push_back(make_diagnostic("raw-binding-type-modelled", name_of(b), (at / "type").str()));
        }
    }
}

// The forms Cloudflare takes: `{mode: "smart"}` (with wrangler's `hint`),
// `{region}` / `{hostname}` / `{host}`, `{mode: "targeted"}` with one of the
// three, or `{mode: "targeted", target: [...]}` whose items each name one.
constexpr bool is_placement_form(placement const& p) noexcept {
    auto const named = [](auto const& where) {
        return int(where.region.has_value()) + int(where.hostname.has_value()) + int(where.host.has_value());
    };
    int const direct = named(p);
    bool const targets = !p.target.empty();
    if (!p.mode) return direct == 1 && !targets && !p.hint;
    std::string_view const mode = *p.mode;
    if (mode == "smart") return direct == 0 && !targets;
    if (mode == "off") return direct == 0 && !targets && !p.hint;
    if (mode != "targeted" || p.hint) return false;
    if (!targets) return direct == 1;
    return direct == 0 &&
           std::all_of(p.target.begin(), p.target.end(), [&](placement_target const& t) { return named(t) == 1; });
}

constexpr bool is_one_of_words(std::string_view value, auto const& words) noexcept {
    return std::find(words.begin(), words.end(), value) != words.end();
}

constexpr void check_assets(version_assets const& assets, json_location const& where, std::vector<diagnostic>& out) {
    if (!assets.config) return;
    auto const& config = *assets.config;
    auto const at = where / "config";
    constexpr std::array<std::string_view, 4> html_handling{"auto-trailing-slash", "force-trailing-slash",
                                                            "drop-trailing-slash", "none"};
    constexpr std::array<std::string_view, 3> not_found_handling{"none", "404-page", "single-page-application"};
    if (config.html_handling && !is_one_of_words(*config.html_handling, html_handling))
        out.push_back(make_diagnostic("assets-config-value-unknown", "html_handling", (at / "html_handling").str()));
    if (config.not_found_handling && !is_one_of_words(*config.not_found_handling, not_found_handling))
        out.push_back(
            make_diagnostic("assets-config-value-unknown", "not_found_handling", (at / "not_found_handling").str()));
    if (config.run_worker_first) {
        // `true`, `false`, or an array (of route patterns).
        std::string_view const source = *config.run_worker_first;
        auto const first = source.find_first_not_of(" \t\n\r");
        bool const shaped =
            first != std::string_view::npos && (source[first] == 't' || source[first] == 'f' || source[first] == '[');
        if (!shaped || !is_json(source))
            out.push_back(
                make_diagnostic("assets-config-value-unknown", "run_worker_first", (at / "run_worker_first").str()));
    }
}

// A container runs a Durable Object class of this Worker: live after the
// migrations, or (when the deployed state is unknown) perhaps deployed.
constexpr void check_containers(worker_version const& version, migration_fold const& classes,
                                json_location const& where, std::vector<diagnostic>& out) {
    for (std::size_t i = 0; i < version.containers.size(); ++i) {
        std::string_view const class_name = version.containers[i].class_name;
        auto const at = (where / i / "class_name").str();
        switch (classes.fate_of(class_name)) {
        case class_fate::live: break;
        case class_fate::unknown:
            out.push_back(make_state_dependent_diagnostic("container-class-not-durable-object", class_name, at));
            break;
        default: out.push_back(make_diagnostic("container-class-not-durable-object", class_name, at));
        }
    }
}

// The escape hatch carries a JSON object, and none of the fields `T` models.
template <class T>
constexpr void check_extra_fields(extra_fields const& extra, std::string_view subject, json_location const& where,
                                  std::vector<diagnostic>& out) {
    if (extra.empty()) return;
    std::vector<std::string_view> collisions;
    bool const object = is_json_object(extra, [&](std::string_view key) {
        if (is_member_key<T>(key)) collisions.push_back(key);
    });
    if (!object) {
        out.push_back(make_diagnostic("extra-fields-not-an-object", subject, where.str()));
        return;
    }
    for (auto const key : collisions) out.push_back(make_diagnostic("extra-field-collides", key, (where / key).str()));
}

/// The rules above, for a version whose classes are `classes`.
constexpr void check_version_fields(worker_version const& version, migration_fold const& classes,
                                    json_location const& fields, std::vector<diagnostic>& out) {
    auto const bindings = fields / "bindings";
    check_binding_fields(version, bindings, out);
    for (std::size_t i = 0; i < version.bindings.size(); ++i)
        if (auto const* raw = version.bindings[i].get_if<raw_binding>(); version.bindings[i].holds<raw_binding>())
            check_extra_fields<raw_binding>(raw->fields, raw->name, bindings / i, out);
    if (version.placement && !is_placement_form(*version.placement))
        out.push_back(make_diagnostic("placement-form-invalid", "placement", (fields / "placement").str()));
    if (version.assets) check_assets(*version.assets, fields / "assets", out);
    check_containers(version, classes, fields / "containers", out);
    check_extra_fields<worker_version>(version.extra, "extra", fields, out);
}

} // namespace cfdo::detail

#endif

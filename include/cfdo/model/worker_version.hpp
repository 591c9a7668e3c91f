// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_WORKER_VERSION_HPP_INCLUDED
#define CFDO_MODEL_WORKER_VERSION_HPP_INCLUDED

#include <cfdo/model/bindings.hpp>
#include <cfdo/model/date.hpp>
#include <cfdo/model/exports.hpp>
#include <cfdo/model/extra_fields.hpp>
#include <cfdo/model/json_names.hpp>
#include <cfdo/model/json_text.hpp>
#include <cfdo/model/migrations.hpp>
#include <cfdo/model/modules.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/text.hpp>

#include <boost/describe/class.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace cfdo {

/// Free-form labels of a version (`workers/message`, `workers/tag`).
struct version_annotations {
    /// Shown in the dashboard; Cloudflare truncates it to 1000 bytes.
    std::optional<text> message{};
    /// At most 100 bytes.
    std::optional<text> tag{};

    friend constexpr bool operator==(version_annotations const&, version_annotations const&) = default;
};
BOOST_DESCRIBE_STRUCT(version_annotations, (), (message, tag))

template <>
struct json_field_names<version_annotations> {
    static constexpr std::array renamed{renamed_field{"message", "workers/message"},
                                        renamed_field{"tag", "workers/tag"}};
};

/// Resource limits of a version.
struct version_limits {
    /// CPU time per invocation, in milliseconds.
    std::optional<std::uint32_t> cpu_ms{};
    /// Subrequests per invocation.
    std::optional<std::uint32_t> subrequests{};

    friend constexpr bool operator==(version_limits const&, version_limits const&) = default;
};
BOOST_DESCRIBE_STRUCT(version_limits, (), (cpu_ms, subrequests))

/// How the static assets are served (`assets.config`).
struct assets_config {
    /// `auto-trailing-slash`, `force-trailing-slash`, `drop-trailing-slash`
    /// or `none`.
    std::optional<text> html_handling{};
    /// `none`, `404-page` or `single-page-application`.
    std::optional<text> not_found_handling{};
    /// `true`/`false`, or the route patterns (`["/api/*", "!/api/docs"]`)
    /// that reach the Worker before the assets, as JSON.
    std::optional<json_text> run_worker_first{};
    /// The path under which the assets are served.
    std::optional<text> base_path{};
    /// The contents of a `_headers` file (classic upload).
    std::optional<text> _headers{};
    /// The contents of a `_redirects` file (classic upload).
    std::optional<text> _redirects{};
    std::optional<bool> serve_directly{};

    friend constexpr bool operator==(assets_config const&, assets_config const&) = default;
};
BOOST_DESCRIBE_STRUCT(assets_config, (),
                      (html_handling, not_found_handling, run_worker_first, base_path, _headers, _redirects,
                       serve_directly))

/// The version's static assets: the token of a finished upload session and
/// how they are served.
struct version_assets {
    std::optional<assets_config> config{};
    /// The completion token of the assets upload session: a credential,
    /// redacted like a secret.
    std::optional<text> jwt{};

    friend constexpr bool operator==(version_assets const&, version_assets const&) = default;
};
BOOST_DESCRIBE_STRUCT(version_assets, (), (config, jwt))

/// The Workers cache in front of the version.
struct cache_options {
    bool enabled = false;
    std::optional<bool> cross_version_cache{};

    friend constexpr bool operator==(cache_options const&, cache_options const&) = default;
};
BOOST_DESCRIBE_STRUCT(cache_options, (), (enabled, cross_version_cache))

/// A Container, run by a Durable Object class of this Worker.
struct version_container {
    required<"class_name"> class_name;
    /// The application's name (wrangler: `<worker>-<class in lower case>`).
    std::optional<text> name{};

    friend constexpr bool operator==(version_container const&, version_container const&) = default;
};
BOOST_DESCRIBE_STRUCT(version_container, (), (class_name, name))

/// An npm package the Worker was built with (the SDK's camel-case keys).
struct package_dependency {
    required<"name"> name;
    required<"installedVersion"> installedVersion;
    required<"packageJsonVersion"> packageJsonVersion;

    friend constexpr bool operator==(package_dependency const&, package_dependency const&) = default;
};
BOOST_DESCRIBE_STRUCT(package_dependency, (), (name, installedVersion, packageJsonVersion))

/// One target of a targeted placement: exactly one of the three.
struct placement_target {
    std::optional<text> region{};
    std::optional<text> hostname{};
    std::optional<text> host{};

    friend constexpr bool operator==(placement_target const&, placement_target const&) = default;
};
BOOST_DESCRIBE_STRUCT(placement_target, (), (region, hostname, host))

/// Where the version runs. Cloudflare takes one of these forms (the rule
/// placement-form-invalid checks which): `{mode: "smart"}` (wrangler adds a
/// `hint`), `{region}`, `{hostname}`, `{host}`, `{mode: "targeted"}` with
/// one of those three, or `{mode: "targeted", target: [...]}`.
struct placement {
    std::optional<text> mode{};
    std::optional<text> region{};
    std::optional<text> hostname{};
    std::optional<text> host{};
    std::vector<placement_target> target{};
    /// A region hint for smart placement (wrangler's `placement.hint`).
    std::optional<text> hint{};

    friend constexpr bool operator==(placement const&, placement const&) = default;
};
BOOST_DESCRIBE_STRUCT(placement, (), (mode, region, hostname, host, target, hint))

/// The configuration of a Worker version: the body of "create a Worker
/// version" and the `metadata` of the classic script upload (whose modules
/// travel as multipart parts instead).
///
/// Every member is optional for Cloudflare; what must hold between them (the
/// main module exists, bindings name live classes, ...) is checked by the
/// validator, not by the type.
struct worker_version {
    /// The `name` of the module that is the Worker's entry point.
    std::optional<text> main_module{};
    std::optional<date> compatibility_date{};
    std::vector<text> compatibility_flags{};
    std::vector<binding> bindings{};
    std::optional<cfdo::migrations> migrations{};
    /// The declarative lifecycle: what the Worker exports, by name; its
    /// Durable Object entries replace `migrations`.
    exports_map exports{};
    std::vector<worker_module> modules{};
    std::optional<version_annotations> annotations{};
    std::optional<version_limits> limits{};
    std::optional<version_assets> assets{};
    std::optional<cfdo::cache_options> cache_options{};
    std::vector<version_container> containers{};
    std::optional<cfdo::placement> placement{};
    /// `standard` (the only model of new Workers), or the legacy `bundled`
    /// and `unbound`.
    std::optional<text> usage_model{};
    std::vector<package_dependency> package_dependencies{};
    /// Fields cfdo does not model yet: sent beside the others, kept by
    /// `from_json`.
    extra_fields extra{};

    friend constexpr bool operator==(worker_version const&, worker_version const&) = default;
};
BOOST_DESCRIBE_STRUCT(worker_version, (),
                      (main_module, compatibility_date, compatibility_flags, bindings, migrations, exports, modules,
                       annotations, limits, assets, cache_options, containers, placement, usage_model,
                       package_dependencies, extra))

} // namespace cfdo

#endif

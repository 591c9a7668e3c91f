// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_WORKER_VERSION_HPP_INCLUDED
#define CFDO_MODEL_WORKER_VERSION_HPP_INCLUDED

#include <cfdo/model/bindings.hpp>
#include <cfdo/model/date.hpp>
#include <cfdo/model/json_names.hpp>
#include <cfdo/model/migrations.hpp>
#include <cfdo/model/modules.hpp>
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

    friend constexpr bool operator==(version_limits const&, version_limits const&) = default;
};
BOOST_DESCRIBE_STRUCT(version_limits, (), (cpu_ms))

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
    std::vector<worker_module> modules{};
    std::optional<version_annotations> annotations{};
    std::optional<version_limits> limits{};

    friend constexpr bool operator==(worker_version const&, worker_version const&) = default;
};
BOOST_DESCRIBE_STRUCT(worker_version, (),
                      (main_module, compatibility_date, compatibility_flags, bindings, migrations, modules, annotations,
                       limits))

} // namespace cfdo

#endif

// What `cfdo check`, `cfdo plan` and `cfdo state` share: a configuration
// file read into a Worker, and the assumption about what is deployed.
#ifndef CFDO_TOOLS_WORKER_FROM_CONFIG_HPP_INCLUDED
#define CFDO_TOOLS_WORKER_FROM_CONFIG_HPP_INCLUDED

#include <cfdo/json/from_json.hpp>
#include <cfdo/model/deployed_state.hpp>
#include <cfdo/wrangler/check_config.hpp>
#include <cfdo/wrangler/read_config.hpp>

#include "arguments.hpp"
#include "input_file.hpp"

#include <algorithm>
#include <array>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfdo::tool {

/// The options that say what is deployed; at most one of them.
inline constexpr std::array assumption_options{
    option_spec{"--deployed-tag", "TAG", "the migration tag Cloudflare has deployed (its classes unknown)"},
    option_spec{"--state", "FILE", "the deployed state, as `cfdo state` prints it (- reads standard input)"},
    option_spec{"--first-deploy", "", "nothing is deployed yet: the migrations are the whole history"},
};

/// `--exports A,B` as a list of class names (`--exports ""`: none); spaces
/// around a name are not part of it (`--exports "A, B"`).
[[nodiscard]] inline std::vector<text> split_class_list(std::string_view list) {
    std::vector<text> classes;
    while (!list.empty()) {
        auto const comma = list.find(',');
        auto name = list.substr(0, comma);
        name.remove_prefix(std::min(name.size(), name.find_first_not_of(' ')));
        name.remove_suffix(name.size() - (name.find_last_not_of(' ') + 1));
        if (!name.empty()) classes.emplace_back(name);
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return classes;
}

/// A deployed state file, as `cfdo state` prints it; the message when it is
/// unusable (not JSON, not a state, or one that contradicts itself).
[[nodiscard]] inline expected<deployed_state, std::string> read_state_file(std::string const& path) {
    auto value = read_value(path, file_format::json);
    if (!value) return unexpected(value.error().message);
    auto state = from_json<deployed_state>(*value);
    if (!state) return unexpected(path + ": not a deployed state: " + state.error().what());
    if (auto const contradiction = contradiction_in(*state))
        return unexpected(path + ": the deployed state contradicts itself: " + std::string(*contradiction));
    return std::move(*state);
}

/// The assumption the command line says (unknown without any of
/// `assumption_options`), or why it cannot be had.
[[nodiscard]] inline expected<deployed_assumption, std::string> assumption_of(arguments const& parsed) {
    auto const given = std::count_if(assumption_options.begin(), assumption_options.end(),
                                     [&](option_spec const& spec) { return parsed.flag(spec.name); });
    if (given > 1) return unexpected(std::string("--deployed-tag, --state and --first-deploy exclude each other"));
    if (parsed.flag("--first-deploy")) return deployed_assumption(first_deploy{});
    if (auto tag = parsed.option("--deployed-tag"))
        return deployed_assumption(deployed_state{.migration_tag = text(*tag)});
    if (auto path = parsed.option("--state")) {
        auto state = read_state_file(*path);
        if (!state) return unexpected(std::move(state).error());
        return deployed_assumption(std::move(*state));
    }
    return deployed_assumption(unknown_state{});
}

/// A configuration read for `--env` and checked under the command line's
/// assumption: its Worker, when its shape is right, and every diagnostic.
struct checked_configuration {
    /// The configuration as read (for what a command reads beside the Worker).
    boost::json::value config;
    std::optional<wrangler::worker_config> worker;
    wrangler::check_options options;
    std::vector<diagnostic> diagnostics;
};

/// The configuration at `path`, read for `--env`; nothing (and a message on
/// standard error) when the file is unusable.
[[nodiscard]] inline std::optional<wrangler::config_reading>
read_configuration(std::string const& path, arguments const& parsed, boost::json::value* read = nullptr) {
    auto value = read_value(path, format_of(path));
    if (!value) {
        std::cerr << "cfdo: " << printable(value.error().message) << '\n';
        return std::nullopt;
    }
    if (!value->is_object()) {
        std::cerr << "cfdo: " << printable(path) << ": not a wrangler configuration (its top level is not an object)\n";
        return std::nullopt;
    }
    auto const environment = parsed.option("--env");
    auto reading =
        wrangler::read_config(*value, environment ? std::optional<std::string_view>(*environment) : std::nullopt);
    if (read) *read = std::move(*value);
    return reading;
}

/// The configuration at `path`, checked; nothing (and a message on standard
/// error) when the file or the deployed state is unusable.
[[nodiscard]] inline std::optional<checked_configuration> check_configuration(std::string const& path,
                                                                              arguments const& parsed) {
    auto assumption = assumption_of(parsed);
    if (!assumption) {
        std::cerr << "cfdo: " << printable(assumption.error()) << '\n';
        return std::nullopt;
    }
    boost::json::value config;
    auto reading = read_configuration(path, parsed, &config);
    if (!reading) return std::nullopt;
    wrangler::check_options options{.deployed = std::move(*assumption)};
    if (auto exports = parsed.option("--exports")) options.exported_classes = split_class_list(*exports);
    checked_configuration checked{std::move(config), std::move(reading->worker), std::move(options),
                                  std::move(reading->diagnostics)};
    if (checked.worker) {
        auto const found = wrangler::check(*checked.worker, checked.options);
        checked.diagnostics.insert(checked.diagnostics.end(), found.begin(), found.end());
    }
    return checked;
}

} // namespace cfdo::tool

#endif

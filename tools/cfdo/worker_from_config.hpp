// What `cfdo check` and `cfdo plan` share: a configuration file read into a
// Worker, and the options that complete it.
#ifndef CFDO_TOOLS_WORKER_FROM_CONFIG_HPP_INCLUDED
#define CFDO_TOOLS_WORKER_FROM_CONFIG_HPP_INCLUDED

#include <cfdo/wrangler/check_config.hpp>
#include <cfdo/wrangler/read_config.hpp>

#include "arguments.hpp"
#include "input_file.hpp"

#include <algorithm>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace cfdo::tool {

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

[[nodiscard]] inline wrangler::check_options check_options_of(arguments const& parsed) {
    wrangler::check_options options;
    if (auto exports = parsed.option("--exports")) options.exported_classes = split_class_list(*exports);
    if (auto tag = parsed.option("--deployed-tag")) options.deployed_tag = text(*tag);
    return options;
}

/// A configuration read for `--env` and checked with the options of the
/// command line: its Worker, when its shape is right, and every diagnostic.
struct checked_configuration {
    std::optional<wrangler::worker_config> worker;
    wrangler::check_options options;
    std::vector<diagnostic> diagnostics;
};

/// The configuration at `path`, checked; nothing (and a message on standard
/// error) when the file is unusable.
[[nodiscard]] inline std::optional<checked_configuration> check_configuration(std::string const& path,
                                                                              arguments const& parsed) {
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
    checked_configuration checked{std::move(reading.worker), check_options_of(parsed), std::move(reading.diagnostics)};
    if (checked.worker) {
        auto const found = wrangler::check(*checked.worker, checked.options);
        checked.diagnostics.insert(checked.diagnostics.end(), found.begin(), found.end());
    }
    return checked;
}

} // namespace cfdo::tool

#endif

// What `cfdo check` and `cfdo plan` share: a configuration file read into a
// Worker, and the options that complete it.
#ifndef CFDO_TOOLS_WORKER_FROM_CONFIG_HPP_INCLUDED
#define CFDO_TOOLS_WORKER_FROM_CONFIG_HPP_INCLUDED

#include "arguments.hpp"
#include "input_file.hpp"

#include <cfdo/wrangler/check_config.hpp>
#include <cfdo/wrangler/read_config.hpp>

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

/// The configuration at `path`, read for `--env`; nothing (and a message on
/// standard error) when the file is unusable.
[[nodiscard]] inline std::optional<wrangler::config_reading> read_configuration(std::string const& path,
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
    return wrangler::read_config(*value, environment ? std::optional<std::string_view>(*environment) : std::nullopt);
}

} // namespace cfdo::tool

#endif

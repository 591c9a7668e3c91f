#include "commands.hpp"
#include "report.hpp"
#include "worker_from_config.hpp"

#include <boost/json/serialize.hpp>

#include <iostream>

namespace cfdo::tool {

namespace {

constexpr std::array check_options{
    option_spec{"--exports", "A,B", "the classes the entry module exports: the export rules apply"},
    assumption_options[0],
    assumption_options[1],
    assumption_options[2],
    option_spec{"--env", "NAME", "the environment to check (wrangler's --env)"},
    option_spec{"--format", "text|json", "how to print the diagnostics (default: text)"},
};

} // namespace

command_spec const check_spec{"check",
                              "checks a wrangler configuration (wrangler.toml, .json, .jsonc) with every rule, under "
                              "an assumption about what is deployed (by default: unknown)",
                              check_options, "FILE"};

int check_command(std::span<char* const> args) {
    auto const command_line = read_command_line(args, check_spec);
    if (!command_line) return command_line.error();
    auto const format = command_line->parsed.option("--format").value_or("text");
    if (format != "text" && format != "json") return usage_failure(check_spec, "--format is text or json");
    auto const& path = command_line->operand;
    auto const checked = check_configuration(path, command_line->parsed);
    if (!checked) return unusable_input;

    auto const& diagnostics = checked->diagnostics;
    auto const summary = summary_of(path, diagnostics, checked->options.deployed);
    if (format == "json") {
        // Standard output is the array alone, for tools; the verdict and its
        // assumption go to standard error.
        std::cout << boost::json::serialize(diagnostics_json(diagnostics)) << '\n';
        std::cerr << summary << '\n';
    } else {
        print_text(std::cout, path, diagnostics);
        std::cout << summary << '\n';
    }
    return has_errors(diagnostics) ? rule_violations : valid;
}

} // namespace cfdo::tool

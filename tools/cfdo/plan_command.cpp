#include <cfdo/json/pretty.hpp>
#include <cfdo/json/to_json.hpp>

#include "commands.hpp"
#include "report.hpp"
#include "worker_from_config.hpp"

#include <iostream>

namespace cfdo::tool {

namespace {

constexpr std::array plan_options{
    assumption_options[0],
    assumption_options[1],
    assumption_options[2],
    option_spec{"--env", "NAME", "the environment to plan (wrangler's --env)"},
};

} // namespace

command_spec const plan_spec{"plan",
                             "prints the migrations a deploy of the configuration sends (null: none), for the "
                             "deployed tag the options say (by default: a Worker without one)",
                             plan_options, "FILE"};

int plan_command(std::span<char* const> args) {
    auto const command_line = read_command_line(args, plan_spec);
    if (!command_line) return command_line.error();
    auto const& path = command_line->operand;
    auto const checked = check_configuration(path, command_line->parsed);
    if (!checked) return unusable_input;

    auto const& diagnostics = checked->diagnostics;
    // Diagnostics and the verdict go to standard error: standard output is
    // the plan alone, ready to be piped.
    print_text(std::cerr, path, diagnostics);
    std::cerr << summary_of(path, diagnostics, checked->options.deployed) << '\n';
    if (has_errors(diagnostics)) return rule_violations;
    auto const plan = wrangler::plan(*checked->worker, checked->options);
    std::cout << (plan ? pretty_json(to_json(*plan)) : std::string("null")) << '\n';
    return valid;
}

} // namespace cfdo::tool

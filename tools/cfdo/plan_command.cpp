#include <cfdo/json/pretty.hpp>
#include <cfdo/json/to_json.hpp>

#include "commands.hpp"
#include "report.hpp"
#include "worker_from_config.hpp"

#include <iostream>

namespace cfdo::tool {

int plan_command(std::span<char* const> args) {
    constexpr std::string_view usage = "usage: cfdo plan [--deployed-tag TAG] [--env NAME] FILE";
    auto const command_line = read_command_line(args, {"--deployed-tag", "--env"}, "plan", usage);
    if (!command_line) return command_line.error();
    auto const& path = command_line->file;
    auto const checked = check_configuration(path, command_line->parsed);
    if (!checked) return unusable_input;

    auto const& diagnostics = checked->diagnostics;
    // Diagnostics go to standard error: standard output is the plan alone,
    // ready to be piped.
    print_text(std::cerr, path, diagnostics);
    if (has_errors(diagnostics)) return rule_violations;
    // null: everything is deployed, there are no migrations to send.
    auto const plan = wrangler::plan(*checked->worker, checked->options);
    std::cout << (plan ? pretty_json(to_json(*plan)) : std::string("null")) << '\n';
    return valid;
}

} // namespace cfdo::tool

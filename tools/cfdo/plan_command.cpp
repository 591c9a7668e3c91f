#include "commands.hpp"
#include "report.hpp"
#include "worker_from_config.hpp"

#include <cfdo/json/pretty.hpp>
#include <cfdo/json/to_json.hpp>

#include <iostream>

namespace cfdo::tool {

int plan_command(std::span<char* const> args) {
    constexpr std::string_view usage = "usage: cfdo plan [--deployed-tag TAG] [--env NAME] FILE";
    auto parsed = parse_arguments(args, {"--deployed-tag", "--env"});
    if (!parsed) return usage_failure(std::cerr, "plan", usage, parsed.error());
    auto const operand = single_operand(*parsed);
    if (!operand) return usage_failure(std::cerr, "plan", usage, operand.error());
    auto const& path = *operand;
    auto reading = read_configuration(path, *parsed);
    if (!reading) return unusable_input;

    auto diagnostics = std::move(reading->diagnostics);
    auto const options = check_options_of(*parsed);
    if (reading->worker) {
        auto found = wrangler::check(*reading->worker, options);
        diagnostics.insert(diagnostics.end(), found.begin(), found.end());
    }
    // Diagnostics go to standard error: standard output is the plan alone,
    // ready to be piped.
    print_text(std::cerr, path, diagnostics);
    if (has_errors(diagnostics)) return rule_violations;
    // null: everything is deployed, there are no migrations to send.
    auto const plan = wrangler::plan(*reading->worker, options);
    std::cout << (plan ? pretty_json(to_json(*plan)) : std::string("null")) << '\n';
    return valid;
}

} // namespace cfdo::tool

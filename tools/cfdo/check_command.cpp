#include "commands.hpp"
#include "report.hpp"
#include "worker_from_config.hpp"

#include <boost/json/serialize.hpp>

#include <iostream>

namespace cfdo::tool {

int check_command(std::span<char* const> args) {
    constexpr std::string_view usage =
        "usage: cfdo check [--exports A,B] [--deployed-tag TAG] [--env NAME] [--format text|json] FILE";
    auto parsed = parse_arguments(args, {"--exports", "--deployed-tag", "--env", "--format"});
    if (!parsed) return usage_failure(std::cerr, "check", usage, parsed.error());
    auto const format = parsed->option("--format").value_or("text");
    if (format != "text" && format != "json") return usage_failure(std::cerr, "check", usage, "--format is text or json");
    auto const operand = single_operand(*parsed);
    if (!operand) return usage_failure(std::cerr, "check", usage, operand.error());
    auto const& path = *operand;
    auto reading = read_configuration(path, *parsed);
    if (!reading) return unusable_input;

    auto diagnostics = std::move(reading->diagnostics);
    if (reading->worker) {
        auto found = wrangler::check(*reading->worker, check_options_of(*parsed));
        diagnostics.insert(diagnostics.end(), found.begin(), found.end());
    }
    if (format == "json") std::cout << boost::json::serialize(diagnostics_json(diagnostics)) << '\n';
    else print_text(std::cout, path, diagnostics);
    return has_errors(diagnostics) ? rule_violations : valid;
}

} // namespace cfdo::tool

#include "commands.hpp"
#include "report.hpp"
#include "worker_from_config.hpp"

#include <boost/json/serialize.hpp>

#include <iostream>

namespace cfdo::tool {

int check_command(std::span<char* const> args) {
    auto parsed = parse_arguments(args, {"--exports", "--deployed-tag", "--env", "--format"});
    auto const format = parsed ? parsed->option("--format").value_or("text") : "";
    if (!parsed || parsed->operands.size() != 1 || (format != "text" && format != "json")) {
        if (!parsed) std::cerr << "cfdo check: " << parsed.error() << '\n';
        else if (format != "text" && format != "json") std::cerr << "cfdo check: --format is text or json\n";
        std::cerr << "usage: cfdo check [--exports A,B] [--deployed-tag TAG] [--env NAME] [--format text|json] "
                     "FILE\n";
        return unusable_input;
    }
    auto const& path = parsed->operands.front();
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

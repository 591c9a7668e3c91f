#include "commands.hpp"
#include "report.hpp"
#include "worker_from_config.hpp"

#include <boost/json/serialize.hpp>

#include <iostream>

namespace cfdo::tool {

int check_command(std::span<char* const> args) {
    constexpr std::string_view usage =
        "usage: cfdo check [--exports A,B] [--deployed-tag TAG] [--env NAME] [--format text|json] FILE";
    auto const command_line =
        read_command_line(args, {"--exports", "--deployed-tag", "--env", "--format"}, "check", usage);
    if (!command_line) return command_line.error();
    auto const format = command_line->parsed.option("--format").value_or("text");
    if (format != "text" && format != "json")
        return usage_failure(std::cerr, "check", usage, "--format is text or json");
    auto const& path = command_line->file;
    auto const checked = check_configuration(path, command_line->parsed);
    if (!checked) return unusable_input;

    auto const& diagnostics = checked->diagnostics;
    if (format == "json") std::cout << boost::json::serialize(diagnostics_json(diagnostics)) << '\n';
    else print_text(std::cout, path, diagnostics);
    return has_errors(diagnostics) ? rule_violations : valid;
}

} // namespace cfdo::tool

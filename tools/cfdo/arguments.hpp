// The command line of the cfdo tool: `cfdo COMMAND [OPTION VALUE]... OPERAND`.
#ifndef CFDO_TOOLS_ARGUMENTS_HPP_INCLUDED
#define CFDO_TOOLS_ARGUMENTS_HPP_INCLUDED

#include <cfdo/support/expected.hpp>

#include <algorithm>
#include <initializer_list>
#include <iostream>
#include <map>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cfdo::tool {

/// What the process exits with: scripts tell these apart.
enum exit_status : int {
    /// Nothing breaks an error rule (warnings allowed).
    valid = 0,
    /// An error rule is broken: the diagnostics say which.
    rule_violations = 1,
    /// The input is unusable: no such file, not JSON/TOML, not a
    /// configuration or request, or a wrong command line.
    unusable_input = 2,
};

/// A command's options (each taking one value) and operands.
struct arguments {
    std::map<std::string, std::string, std::less<>> options;
    std::vector<std::string> operands;

    [[nodiscard]] std::optional<std::string> option(std::string_view name) const {
        if (auto const found = options.find(name); found != options.end()) return found->second;
        return std::nullopt;
    }
};

/// Splits `args` into options (`--name value` or `--name=value`, each at
/// most once, among `known`) and operands; `--` ends the options, `-` is an
/// operand (standard input). The error is the reason, or "--help" when help
/// was asked for.
[[nodiscard]] inline expected<arguments, std::string> parse_arguments(std::span<char* const> args,
                                                                      std::initializer_list<std::string_view> known) {
    arguments parsed;
    bool options_ended = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view const arg = args[i];
        if (options_ended || !arg.starts_with("-") || arg == "-") {
            parsed.operands.emplace_back(arg);
            continue;
        }
        if (arg == "--") {
            options_ended = true;
            continue;
        }
        auto const equals = arg.find('=');
        std::string const name(arg.substr(0, equals));
        if (name == "--help" || name == "-h") return unexpected(std::string("--help"));
        if (std::find(known.begin(), known.end(), name) == known.end()) return unexpected("unknown option " + name);
        std::string value;
        if (equals != std::string_view::npos) {
            value = arg.substr(equals + 1);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            return unexpected("option " + name + " needs a value");
        }
        if (!parsed.options.emplace(name, std::move(value)).second)
            return unexpected("option " + name + " is given twice");
    }
    return parsed;
}

/// What a command says when its command line is not usable: the reason
/// (none for --help, which is not a mistake), then its usage. The status is
/// 0 for --help, else `unusable_input`.
[[nodiscard]] inline int usage_failure(std::ostream& err, std::string_view command, std::string_view usage,
                                       std::string_view reason) {
    if (reason == "--help") {
        std::cout << usage << '\n';
        return valid;
    }
    err << "cfdo " << command << ": " << reason << '\n' << usage << '\n';
    return unusable_input;
}

/// A command's command line: its options and its one FILE.
struct command_line {
    arguments parsed;
    std::string file;
};

/// Reads a command line of options among `known` and exactly one FILE. On
/// --help or a mistake it prints the usage (see `usage_failure`) and gives
/// the status to exit with instead.
[[nodiscard]] inline expected<command_line, int> read_command_line(std::span<char* const> args,
                                                                   std::initializer_list<std::string_view> known,
                                                                   std::string_view command, std::string_view usage) {
    auto parsed = parse_arguments(args, known);
    if (!parsed) return unexpected(usage_failure(std::cerr, command, usage, parsed.error()));
    auto const operands = parsed->operands.size();
    if (operands == 0) return unexpected(usage_failure(std::cerr, command, usage, "expects a FILE"));
    if (operands > 1)
        return unexpected(usage_failure(std::cerr, command, usage,
                                        "expects exactly one FILE, but got " + std::to_string(operands) +
                                            " operands (options start with --)"));
    auto file = parsed->operands.front();
    return command_line{std::move(*parsed), std::move(file)};
}

} // namespace cfdo::tool

#endif

// The command line of the cfdo tool: `cfdo COMMAND [OPTION [VALUE]]... OPERAND`.
#ifndef CFDO_TOOLS_ARGUMENTS_HPP_INCLUDED
#define CFDO_TOOLS_ARGUMENTS_HPP_INCLUDED

#include <cfdo/support/expected.hpp>

#include <algorithm>
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
    /// configuration or request, a failed fetch, or a wrong command line.
    unusable_input = 2,
};

/// An option a command takes.
struct option_spec {
    std::string_view name;
    /// What its value is (`TAG`, `FILE`), or empty for a flag.
    std::string_view value;
    std::string_view help;
    /// May be given more than once (`--module A --module B`).
    bool repeatable = false;
};

/// A command: its name, what it does, its options and its operand.
struct command_spec {
    std::string_view name;
    std::string_view summary;
    std::span<option_spec const> options;
    /// The operand, as usage shows it (`FILE`), or empty when it takes none.
    std::string_view operand;
    /// When the operand may be left out (`cfdo state` with --script).
    bool operand_optional = false;

    [[nodiscard]] option_spec const* find(std::string_view option) const {
        auto const found =
            std::find_if(options.begin(), options.end(), [&](option_spec const& spec) { return spec.name == option; });
        return found == options.end() ? nullptr : &*found;
    }

    /// `usage: cfdo check [--exports A,B] ... FILE`
    [[nodiscard]] std::string usage() const {
        std::string line = "usage: cfdo " + std::string(name);
        for (auto const& spec : options) {
            line += " [" + std::string(spec.name);
            if (!spec.value.empty()) line += " " + std::string(spec.value);
            line += spec.repeatable ? " ...]" : "]";
        }
        if (!operand.empty()) line += operand_optional ? " [" + std::string(operand) + "]" : " " + std::string(operand);
        return line;
    }

    /// The usage, what the command does, and each option with its help.
    [[nodiscard]] std::string help() const {
        std::string text = usage() + "\n  " + std::string(summary) + "\n";
        if (!options.empty()) text += "options:\n";
        for (auto const& spec : options) {
            std::string left = "  " + std::string(spec.name);
            if (!spec.value.empty()) left += " " + std::string(spec.value);
            left.resize(std::max<std::size_t>(left.size() + 2, 26), ' ');
            text += left + std::string(spec.help) + "\n";
        }
        return text;
    }
};

/// A command's options (flags have an empty value) and operands.
struct arguments {
    /// Each option given, with its (first) value.
    std::map<std::string, std::string, std::less<>> options;
    /// Every value of each repeatable option, in order.
    std::map<std::string, std::vector<std::string>, std::less<>> repeated;
    std::vector<std::string> operands;

    [[nodiscard]] std::vector<std::string> values(std::string_view name) const {
        if (auto const found = repeated.find(name); found != repeated.end()) return found->second;
        return {};
    }

    [[nodiscard]] std::optional<std::string> option(std::string_view name) const {
        if (auto const found = options.find(name); found != options.end()) return found->second;
        return std::nullopt;
    }

    [[nodiscard]] bool flag(std::string_view name) const { return options.contains(name); }
};

/// Splits `args` into `command`'s options (`--name value` or `--name=value`
/// for those taking one, `--name` for flags, each at most once) and
/// operands; `--` ends the options, `-` is an operand (standard input). The
/// error is the reason, or "--help" when help was asked for.
[[nodiscard]] inline expected<arguments, std::string> parse_arguments(std::span<char* const> args,
                                                                      command_spec const& command) {
    arguments parsed;
    bool options_ended = false;
    // The option whose value was the last argument: if no operand is left,
    // the value was probably meant as the operand (`--deployed-tag FILE`).
    std::optional<std::string> took_last_argument;
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
        auto const* spec = command.find(name);
        if (!spec) return unexpected("unknown option " + name);
        std::string value;
        if (spec->value.empty()) {
            if (equals != std::string_view::npos) return unexpected("option " + name + " takes no value");
        } else if (equals != std::string_view::npos) {
            value = arg.substr(equals + 1);
        } else if (i + 1 < args.size()) {
            value = args[++i];
            if (i + 1 == args.size()) took_last_argument = name;
        } else {
            return unexpected("option " + name + " needs a value (" + std::string(spec->value) + ")");
        }
        if (spec->repeatable) {
            parsed.repeated[name].push_back(value);
            parsed.options.emplace(name, std::move(value));
        } else if (!parsed.options.emplace(name, std::move(value)).second) {
            return unexpected("option " + name + " is given twice");
        }
    }
    if (took_last_argument && parsed.operands.empty() && !command.operand.empty() && !command.operand_optional)
        return unexpected("option " + *took_last_argument + " needs a value (" +
                          std::string(command.find(*took_last_argument)->value) + "): \"" +
                          parsed.options[*took_last_argument] + "\" is taken as the " + std::string(command.operand));
    return parsed;
}

/// What a command says when its command line is not usable: the reason
/// (none for --help, which is not a mistake), then its usage. The status is
/// 0 for --help, else `unusable_input`.
[[nodiscard]] inline int usage_failure(command_spec const& command, std::string_view reason) {
    if (reason == "--help") {
        std::cout << command.help();
        return valid;
    }
    std::cerr << "cfdo " << command.name << ": " << reason << '\n'
              << command.usage() << "\n(cfdo " << command.name << " --help lists the options)\n";
    return unusable_input;
}

/// A command's command line: its options and its operand (empty when the
/// command allows none and none was given).
struct command_line {
    arguments parsed;
    std::string operand;
};

/// Reads `command`'s command line: its options and its operand. On --help
/// or a mistake it prints the usage (see `usage_failure`) and gives the
/// status to exit with instead.
[[nodiscard]] inline expected<command_line, int> read_command_line(std::span<char* const> args,
                                                                   command_spec const& command) {
    auto parsed = parse_arguments(args, command);
    if (!parsed) return unexpected(usage_failure(command, parsed.error()));
    auto const operands = parsed->operands.size();
    if (operands == 0 && !command.operand_optional)
        return unexpected(usage_failure(command, "expects a " + std::string(command.operand)));
    if (operands > 1)
        return unexpected(usage_failure(command, "expects one " + std::string(command.operand) + ", but got " +
                                                     std::to_string(operands) + " operands (options start with --)"));
    std::string operand = operands == 1 ? parsed->operands.front() : std::string();
    return command_line{std::move(*parsed), std::move(operand)};
}

} // namespace cfdo::tool

#endif

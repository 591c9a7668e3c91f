// cfdo: cfdo's checks and requests on the command line (docs/cli.md).
//
//   cfdo check [options] FILE     a wrangler configuration, with every rule
//   cfdo plan [options] FILE      the migrations a deploy sends
//   cfdo exports [options] FILE   the exports map equivalent to the migrations
//   cfdo state [options] [CONFIG] what Cloudflare has of a Worker
//   cfdo request FILE             the request for the SDK's params, checked
#include "arguments.hpp"
#include "commands.hpp"

#include <array>
#include <exception>
#include <iostream>
#include <new>
#include <span>
#include <string>
#include <string_view>

namespace {

using command_function = int (*)(std::span<char* const>);

struct command {
    cfdo::tool::command_spec const* spec;
    command_function run;
};

// Called only from main, after the command specs of the other translation
// units are initialized.
std::array<command, 6> commands() {
    return {command{&cfdo::tool::check_spec, cfdo::tool::check_command},
            command{&cfdo::tool::plan_spec, cfdo::tool::plan_command},
            command{&cfdo::tool::exports_spec, cfdo::tool::exports_command},
            command{&cfdo::tool::upload_spec, cfdo::tool::upload_command},
            command{&cfdo::tool::state_spec, cfdo::tool::state_command},
            command{&cfdo::tool::request_spec, cfdo::tool::request_command}};
}

constexpr std::string_view version = "cfdo 0.1.0";

std::string usage() {
    std::string text = "usage: cfdo COMMAND ...   (cfdo COMMAND --help lists its options; cfdo --version)\n";
    for (auto const& [spec, run] : commands())
        text += "  " + spec->usage().substr(7) + "\n      " + std::string(spec->summary) + "\n";
    text += "exit status: 0 valid (warnings allowed), 1 rule violations, 2 unusable input\n";
    return text;
}

int run(std::span<char* const> args) {
    if (args.empty()) {
        std::cerr << usage();
        return cfdo::tool::unusable_input;
    }
    std::string_view const name = args.front();
    for (auto const& [spec, run_command] : commands())
        if (name == spec->name) return run_command(args.subspan(1));
    if (name == "--help" || name == "-h" || name == "help") {
        std::cout << usage();
        return cfdo::tool::valid;
    }
    if (name == "--version") {
        std::cout << version << '\n';
        return cfdo::tool::valid;
    }
    std::cerr << "cfdo: unknown command \"" << name << "\"\n" << usage();
    return cfdo::tool::unusable_input;
}

} // namespace

int main(int argc, char** argv) {
    // Every failure ends with a message and status 2, never with an uncaught
    // exception's abort: scripts rely on the status.
    try {
        return run(std::span<char* const>(argv + 1, static_cast<std::size_t>(argc > 0 ? argc - 1 : 0)));
    } catch (std::bad_alloc const&) {
        std::cerr << "cfdo: out of memory\n";
    } catch (std::exception const& error) {
        std::cerr << "cfdo: internal error: " << error.what() << '\n';
    }
    return cfdo::tool::unusable_input;
}

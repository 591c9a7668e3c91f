// cfdo: cfdo's checks and requests on the command line (docs/cli.md).
//
//   cfdo check [--exports A,B] [--deployed-tag TAG] [--env NAME] [--format text|json] FILE
//   cfdo plan [--deployed-tag TAG] [--env NAME] FILE
//   cfdo request FILE
#include "arguments.hpp"
#include "commands.hpp"

#include <exception>
#include <iostream>
#include <new>
#include <span>
#include <string_view>

namespace {

constexpr std::string_view usage =
    "usage: cfdo COMMAND ...\n"
    "  cfdo check [--exports A,B] [--deployed-tag TAG] [--env NAME] [--format text|json] FILE\n"
    "      checks a wrangler configuration (wrangler.toml, .json, .jsonc) with every rule\n"
    "  cfdo plan [--deployed-tag TAG] [--env NAME] FILE\n"
    "      prints the migrations a deploy of the configuration sends\n"
    "  cfdo request FILE\n"
    "      prints the request for {\"operation\": SDK method, \"params\": SDK params}, checked\n"
    "exit status: 0 valid (warnings allowed), 1 rule violations, 2 unusable input\n";

int run(std::span<char* const> args) {
    if (args.empty()) {
        std::cerr << usage;
        return cfdo::tool::unusable_input;
    }
    std::string_view const command = args.front();
    auto const rest = args.subspan(1);
    if (command == "check") return cfdo::tool::check_command(rest);
    if (command == "plan") return cfdo::tool::plan_command(rest);
    if (command == "request") return cfdo::tool::request_command(rest);
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << usage;
        return cfdo::tool::valid;
    }
    std::cerr << "cfdo: unknown command \"" << command << "\"\n" << usage;
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

#include <cfdo/api/deployed_state.hpp>
#include <cfdo/json/pretty.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/transport/curl.hpp>

#include "commands.hpp"
#include "report.hpp"
#include "worker_from_config.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

namespace cfdo::tool {

namespace {

constexpr std::array state_options{
    option_spec{"--account-id", "ID", "the account (default: CLOUDFLARE_ACCOUNT_ID, then the configuration's)"},
    option_spec{"--script", "NAME", "the Worker (instead of a configuration's name)"},
    option_spec{"--dispatch-namespace", "NS", "the dispatch namespace of a Workers for Platforms Worker"},
    option_spec{"--env", "NAME", "the configuration's environment (its Worker is <name>-<env>)"},
    option_spec{"--timeout", "SECONDS", "for each request to Cloudflare (default: 60)"},
};

std::optional<std::string> environment_variable(char const* name) {
    char const* value = std::getenv(name);
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
}

} // namespace

command_spec const state_spec{
    "state",
    "prints what Cloudflare has of a Worker — whether it exists, its migration tag, its live Durable Object "
    "classes with their storage — as the JSON `cfdo check --state` reads; the Worker is a configuration's, or "
    "--script. The token comes from CLOUDFLARE_API_TOKEN, the API root from CLOUDFLARE_API_BASE_URL (default "
    "https://api.cloudflare.com/client/v4)",
    state_options, "CONFIG", true};

int state_command(std::span<char* const> args) {
    auto const command_line = read_command_line(args, state_spec);
    if (!command_line) return command_line.error();
    auto const& parsed = command_line->parsed;
    auto const& config_path = command_line->operand;
    if (config_path.empty() == !parsed.flag("--script"))
        return usage_failure(state_spec, "expects a CONFIG or --script NAME (one of them)");

    std::chrono::seconds timeout{60};
    if (auto const given = parsed.option("--timeout")) {
        long long seconds = 0;
        auto const [end, error] = std::from_chars(given->data(), given->data() + given->size(), seconds);
        if (error != std::errc() || end != given->data() + given->size() || seconds < 1 || seconds > 3600)
            return usage_failure(state_spec, "--timeout is a number of seconds from 1 to 3600");
        timeout = std::chrono::seconds(seconds);
    }

    std::optional<std::string> script = parsed.option("--script");
    std::optional<std::string> account = parsed.option("--account-id");
    if (!account) account = environment_variable("CLOUDFLARE_ACCOUNT_ID");
    if (!config_path.empty()) {
        auto reading = read_configuration(config_path, parsed);
        if (!reading) return unusable_input;
        if (!reading->worker) {
            print_text(std::cerr, config_path, reading->diagnostics);
            std::cerr << "cfdo: " << printable(config_path) << ": the configuration cannot be read\n";
            return unusable_input;
        }
        if (!reading->worker->name) {
            std::cerr << "cfdo: " << printable(config_path) << ": the configuration names no Worker (name)\n";
            return unusable_input;
        }
        script = reading->worker->name->str();
        if (!account && reading->worker->account_id) account = reading->worker->account_id->str();
    }
    if (!account) {
        std::cerr << "cfdo state: no account: give --account-id, or set CLOUDFLARE_ACCOUNT_ID\n";
        return unusable_input;
    }
    auto const token = environment_variable("CLOUDFLARE_API_TOKEN");
    if (!token) {
        std::cerr << "cfdo state: set CLOUDFLARE_API_TOKEN to an API token that may read Workers\n";
        return unusable_input;
    }
    curl_transport send{
        {.token = *token,
         .base_url = environment_variable("CLOUDFLARE_API_BASE_URL").value_or(std::string(api_base_url)),
         .timeout = timeout}};
    auto const dispatch_namespace = parsed.option("--dispatch-namespace");
    try {
        auto const state = fetch_deployed_state(
            send, *account, *script,
            dispatch_namespace ? std::optional<std::string_view>(*dispatch_namespace) : std::nullopt);
        if (!state) {
            std::cerr << "cfdo state: " << state.error().what() << '\n';
            return unusable_input;
        }
        std::cout << pretty_json(to_json(*state)) << '\n';
        return valid;
    } catch (invalid_request const& refused) {
        // A path parameter cfdo refuses to send (an account id with '/', ...).
        std::cerr << "cfdo state: " << refused.what() << '\n';
    } catch (transport_error const& failed) {
        std::cerr << "cfdo state: " << failed.what() << '\n';
    }
    return unusable_input;
}

} // namespace cfdo::tool

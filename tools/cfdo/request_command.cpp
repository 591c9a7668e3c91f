#include <cfdo/api/make_request.hpp>
#include <cfdo/api/redaction.hpp>
#include <cfdo/api/request.hpp>
#include <cfdo/json/from_json.hpp>
#include <cfdo/json/pretty.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/rules/params_rules.hpp>

#include "arguments.hpp"
#include "commands.hpp"
#include "input_file.hpp"
#include "report.hpp"

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/utility.hpp>

#include <iostream>
#include <optional>
#include <string>

namespace cfdo::tool {
namespace {

/// Reads `params` as `Operation`'s SDK params, checks it with every rule and
/// prints its request; diagnostics go to standard error, with paths under
/// `/params` of the request file.
template <class Operation>
int print_request(std::string const& path, boost::json::value const& params, bool redact_secrets) {
    auto reading = read_params<Operation>(params);
    for (auto& d : reading.diagnostics) d.path = text("/params" + std::string(d.path));
    print_text(std::cerr, path, reading.diagnostics);
    if (!reading.operation || has_errors(reading.diagnostics)) return rule_violations;
    auto request = make_request(*reading.operation);
    if (redact_secrets) request = redacted(std::move(request));
    std::cout << pretty_json(to_json(request)) << '\n';
    return valid;
}

option_spec const request_options[]{
    {"--redact-secrets", "", "replace secret values (secret_text, secret_key, the assets token) for logs"},
};

} // namespace

command_spec const request_spec{"request",
                                "prints the request for a request file, {\"operation\": SDK method, \"params\": "
                                "SDK params}, checked with every rule (FILE - reads standard input)",
                                request_options, "FILE"};

int request_command(std::span<char* const> args) {
    auto const command_line = read_command_line(args, request_spec);
    if (!command_line) return command_line.error();
    auto const& path = command_line->operand;
    auto value = read_value(path, file_format::json);
    if (!value) {
        std::cerr << "cfdo: " << printable(value.error().message) << '\n';
        return unusable_input;
    }
    auto const* request_file = value->if_object();
    auto const* operation = request_file ? request_file->if_contains("operation") : nullptr;
    auto const* params = request_file ? request_file->if_contains("params") : nullptr;
    if (!operation || !operation->is_string() || !params || !params->is_object()) {
        std::cerr << "cfdo: " << printable(path)
                  << ": not a request file: expected {\"operation\": \"<SDK method>\", \"params\": {...}}\n";
        return unusable_input;
    }

    std::optional<int> status;
    std::string known;
    // Operations cannot be default-constructed (they have required fields):
    // iterate over their identities. Those the SDK has no method for are not
    // in the request file's vocabulary.
    using namespace boost::mp11;
    mp_for_each<mp_transform<mp_identity, operations>>([&]<class Operation>(mp_identity<Operation>) {
        constexpr std::string_view method = Operation::endpoint.sdk_method;
        if (method.empty()) return;
        known += "\n  " + std::string(method);
        if (!status && operation->get_string() == method)
            status = print_request<Operation>(path, *params, command_line->parsed.flag("--redact-secrets"));
    });
    if (status) return *status;
    std::cerr << "cfdo: " << printable(path) << ": unknown operation \"" << printable(operation->get_string())
              << "\"; cfdo knows:" << known << '\n';
    return unusable_input;
}

} // namespace cfdo::tool

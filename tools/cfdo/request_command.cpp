#include <cfdo/api/make_request.hpp>
#include <cfdo/api/request.hpp>
#include <cfdo/json/from_json.hpp>
#include <cfdo/json/pretty.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/model/operations.hpp>

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
int print_request(std::string const& path, boost::json::value const& params) {
    std::vector<std::string> unknown;
    auto operation = from_json<Operation>(params, decode_options{.unknown_fields = &unknown});
    if (!operation) {
        std::cerr << printable(path) << ":/params" << printable(operation.error().path)
                  << ": error: " << printable(operation.error().message) << '\n';
        return rule_violations;
    }
    // A parameter cfdo does not know would be sent by the SDK and dropped by
    // cfdo: the two requests would differ, so it is an error, not noise.
    for (auto const& pointer : unknown)
        std::cerr << printable(path) << ":/params" << printable(pointer)
                  << ": error: cfdo does not know this parameter of " << Operation::endpoint.sdk_method
                  << ", so its request would not carry it\n";
    auto diagnostics = validate(*operation);
    for (auto& d : diagnostics) d.path = text("/params" + std::string(d.path));
    print_text(std::cerr, path, diagnostics);
    if (!unknown.empty() || has_errors(diagnostics)) return rule_violations;
    std::cout << pretty_json(to_json(make_request(*operation))) << '\n';
    return valid;
}

} // namespace

int request_command(std::span<char* const> args) {
    constexpr std::string_view usage =
        "usage: cfdo request FILE   (FILE: {\"operation\": SDK method, \"params\": SDK params}; - for standard "
        "input)";
    auto const command_line = read_command_line(args, {}, "request", usage);
    if (!command_line) return command_line.error();
    auto const& path = command_line->file;
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
        if (!status && operation->get_string() == method) status = print_request<Operation>(path, *params);
    });
    if (status) return *status;
    std::cerr << "cfdo: " << printable(path) << ": unknown operation \"" << printable(operation->get_string())
              << "\"; cfdo knows:" << known << '\n';
    return unusable_input;
}

} // namespace cfdo::tool

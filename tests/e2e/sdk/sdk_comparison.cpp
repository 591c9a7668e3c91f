// cfdo's requests against those of Cloudflare's TypeScript SDK, case by case.
//
// CFDO_SDK_CASES names cases.json ({name, operation, params} in the SDK's
// spelling); CFDO_SDK_REQUESTS names what capture.mjs recorded the SDK
// sending for each. cfdo reads the same params, builds the request, and its
// method, path, query (decoded, and as encoded) and body must equal the
// SDK's as JSON values — every field present on one side must be present on
// the other; multipart bodies are compared as the parts their bytes parse
// into.
#include <cfdo/api/make_request.hpp>
#include <cfdo/json/from_json.hpp>
#include <cfdo/json/parse.hpp>
#include <cfdo/json/pretty.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/support/base64.hpp>

#include "../../support/parse_multipart.hpp"

#include <catch2/catch.hpp>

#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

namespace {

boost::json::value read_json_file(char const* variable) {
    char const* const path = std::getenv(variable);
    if (!path) throw std::runtime_error(std::string(variable) + " is not set (run this test through ctest)");
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error(std::string("cannot read ") + path);
    std::stringstream text;
    text << file.rdbuf();
    auto parsed = cfdo::parse_json(text.str());
    if (!parsed) throw std::runtime_error(std::string(path) + ": " + parsed.error().what());
    return std::move(*parsed);
}

// A multipart body as its parts, the `metadata` part as JSON and the others
// as base64: the same normal form for the SDK's bytes and cfdo's.
boost::json::value normalized_multipart(std::string_view bytes, std::string_view content_type) {
    boost::json::array parts;
    for (auto const& part : cfdo_tests::parse_multipart(bytes, cfdo_tests::boundary_of(content_type))) {
        boost::json::object normalized;
        normalized["name"] = part.name;
        normalized["filename"] = part.filename ? boost::json::value(*part.filename) : nullptr;
        normalized["content_type"] = part.content_type ? boost::json::value(*part.content_type) : nullptr;
        if (part.name == "metadata") normalized["json"] = boost::json::parse(part.content);
        else normalized["content_base64"] = cfdo::base64_encode(part.content);
        parts.push_back(std::move(normalized));
    }
    return boost::json::object{{"multipart", std::move(parts)}};
}

// The SDK's record with its multipart bytes parsed.
boost::json::value normalized_sdk(boost::json::value record) {
    auto& body = record.as_object()["body"];
    if (auto const* multipart = body.is_object() ? body.as_object().if_contains("multipart_base64") : nullptr) {
        auto const bytes = cfdo::base64_decode(multipart->as_string()).value();
        body = normalized_multipart(bytes, body.as_object().at("content_type").as_string());
    }
    return record;
}

boost::json::value normalized(cfdo::request const& request) {
    boost::json::object out;
    out["method"] = cfdo::to_string(request.method);
    out["path"] = request.path;
    auto& query = out["query"].emplace_object();
    for (auto const& parameter : request.query) query[parameter.name] = parameter.value;
    // The target's query string, parameter by parameter, still encoded.
    auto& encoded = out["encoded_query"].emplace_object();
    auto const target = request.target();
    if (auto const question = target.find('?'); question != std::string::npos) {
        std::string_view rest = std::string_view(target).substr(question + 1);
        while (!rest.empty()) {
            auto const pair = rest.substr(0, rest.find('&'));
            auto const equals = pair.find('=');
            encoded[pair.substr(0, equals)] = pair.substr(equals + 1);
            rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
        }
    }
    if (auto const* json = std::get_if<cfdo::json_body>(&request.body)) out["body"] = {{"json", json->value}};
    else if (std::holds_alternative<cfdo::multipart_body>(request.body))
        out["body"] = normalized_multipart(request.body_bytes(), *request.header_value("Content-Type"));
    else out["body"] = nullptr;
    return out;
}

template <class Operation>
cfdo::request cfdo_request(boost::json::value const& params) {
    auto operation = cfdo::from_json<Operation>(params);
    if (!operation) FAIL("cfdo cannot read the params: " << operation.error().what());
    auto built = cfdo::try_make_request(*operation);
    if (!built) FAIL("cfdo refuses the call: " << cfdo::message_of(built.error().front()));
    return std::move(*built);
}

// What `cfdo request FILE` prints for a case, normalized as the SDK's record
// is (its query as decoded values: the tool prints no encoded target).
boost::json::value cli_request(char const* cli, std::string const& name, boost::json::value const& entry) {
    auto const file = std::filesystem::temp_directory_path() / ("cfdo-sdk-case-" + name + ".json");
    {
        std::ofstream out(file, std::ios::binary);
        out << boost::json::serialize(
            boost::json::object{{"operation", entry.at("operation")}, {"params", entry.at("params")}});
    }
    std::string const command = std::string("\"") + cli + "\" request \"" + file.string() + "\"";
    std::string printed;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[65536];
    for (std::size_t read; (read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) printed.append(buffer, read);
    int const status = pclose(pipe);
    std::filesystem::remove(file);
    INFO("cfdo request printed:\n" << printed);
    REQUIRE(status == 0);

    auto const request = cfdo::parse_json(printed).value().as_object();
    boost::json::object out;
    out["method"] = request.at("method");
    out["path"] = request.at("path");
    out["query"] = request.at("query");
    // A multipart body is printed as its text, or in base64 when its bytes
    // are not UTF-8.
    auto const multipart = [&](std::string_view bytes) {
        auto const& content_type = request.at("headers").as_object().at("Content-Type").as_string();
        return normalized_multipart(bytes, content_type);
    };
    if (auto const* base64 = request.if_contains("body_base64")) {
        out["body"] = multipart(cfdo::base64_decode(base64->as_string()).value());
        return out;
    }
    auto const& body = request.at("body");
    if (body.is_string()) {
        out["body"] = multipart(body.as_string());
    } else if (body.is_null()) {
        out["body"] = nullptr;
    } else {
        out["body"] = {{"json", body}};
    }
    return out;
}

cfdo::request cfdo_request(std::string_view operation, boost::json::value const& params) {
    std::optional<cfdo::request> built;
    boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, cfdo::operations>>(
        [&]<class Operation>(boost::mp11::mp_identity<Operation>) {
            if (!built && operation == Operation::endpoint.sdk_method) built = cfdo_request<Operation>(params);
        });
    if (!built) FAIL("unknown operation " << operation);
    return std::move(*built);
}

} // namespace

TEST_CASE("cfdo sends what Cloudflare's SDK sends, for every case", "[e2e][sdk]") {
    auto const cases = read_json_file("CFDO_SDK_CASES");
    auto const captured = read_json_file("CFDO_SDK_REQUESTS");

    std::map<std::string, boost::json::value> sdk_requests;
    for (auto const& record : captured.as_array()) {
        auto without_name = record.as_object();
        auto const name = boost::json::value_to<std::string>(without_name["name"]);
        without_name.erase("name");
        sdk_requests[name] = normalized_sdk(std::move(without_name));
    }
    REQUIRE(cases.as_array().size() >= 20);
    REQUIRE(sdk_requests.size() == cases.as_array().size());

    for (auto const& entry : cases.as_array()) {
        auto const name = boost::json::value_to<std::string>(entry.at("name"));
        auto const operation = boost::json::value_to<std::string>(entry.at("operation"));
        DYNAMIC_SECTION(name) {
            auto const sdk = sdk_requests.find(name);
            REQUIRE(sdk != sdk_requests.end());
            auto const ours = normalized(cfdo_request(operation, entry.at("params")));
            INFO("cfdo:\n" << cfdo::pretty_json(ours) << "\nSDK:\n" << cfdo::pretty_json(sdk->second));
            CHECK(ours == sdk->second);
        }
    }
}

TEST_CASE("`cfdo request` prints what Cloudflare's SDK sends, for every case", "[e2e][sdk][cli]") {
    char const* const cli = std::getenv("CFDO_CLI");
    if (!cli) FAIL("CFDO_CLI is not set (run this test through ctest)");
    auto const cases = read_json_file("CFDO_SDK_CASES");
    auto const captured = read_json_file("CFDO_SDK_REQUESTS");

    std::map<std::string, boost::json::value> sdk_requests;
    for (auto const& record : captured.as_array()) {
        auto sdk = normalized_sdk(record).as_object();
        auto const name = boost::json::value_to<std::string>(sdk["name"]);
        sdk.erase("name");
        sdk.erase("encoded_query");
        sdk_requests[name] = std::move(sdk);
    }
    REQUIRE(sdk_requests.size() == cases.as_array().size());

    for (auto const& entry : cases.as_array()) {
        auto const name = boost::json::value_to<std::string>(entry.at("name"));
        DYNAMIC_SECTION(name) {
            auto const ours = cli_request(cli, name, entry);
            auto const& sdk = sdk_requests.at(name);
            INFO("cfdo request:\n" << cfdo::pretty_json(ours) << "\nSDK:\n" << cfdo::pretty_json(sdk));
            CHECK(ours == sdk);
        }
    }
}

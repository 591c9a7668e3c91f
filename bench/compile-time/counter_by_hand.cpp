// The baseline of the compile-time benchmark: examples/counter's two
// requests built by hand, with only Boost.JSON and Boost.Describe — what a
// user writes without cfdo (no checks, no request builder). It prints the
// same JSON values as the example (compact, not pretty-printed).
#include "worker_mjs.hpp"

#include <boost/describe.hpp>
#include <boost/json.hpp>

#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace by_hand {

struct durable_object_binding {
    std::string type;
    std::string name;
    std::string class_name;
};
BOOST_DESCRIBE_STRUCT(durable_object_binding, (), (type, name, class_name))

struct migration_directives {
    std::vector<std::string> new_classes;
};
BOOST_DESCRIBE_STRUCT(migration_directives, (), (new_classes))

struct worker_module {
    std::string name;
    std::string content_type;
    std::string content_base64;
};
BOOST_DESCRIBE_STRUCT(worker_module, (), (name, content_type, content_base64))

struct worker_version {
    std::string main_module;
    std::string compatibility_date;
    std::vector<durable_object_binding> bindings;
    migration_directives migrations;
    std::vector<worker_module> modules;
};
BOOST_DESCRIBE_STRUCT(worker_version, (), (main_module, compatibility_date, bindings, migrations, modules))

std::string base64(std::string_view bytes) {
    constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::uint32_t group = 0;
    int bits = 0;
    for (char const c : bytes) {
        group = group << 8 | static_cast<unsigned char>(c);
        bits += 8;
        while (bits >= 6) out += alphabet[group >> (bits -= 6) & 63];
    }
    if (bits > 0) out += alphabet[group << (6 - bits) & 63];
    while (out.size() % 4 != 0) out += '=';
    return out;
}

boost::json::object request(std::string_view method, std::string path, boost::json::value body) {
    boost::json::object headers;
    if (!body.is_null()) headers["Content-Type"] = "application/json";
    return {{"method", method},
            {"path", std::move(path)},
            {"query", boost::json::object{}},
            {"headers", std::move(headers)},
            {"body", std::move(body)}};
}

} // namespace by_hand

int main(int argc, char** argv) {
    std::string const account_id = argc > 1 ? argv[1] : "023e105f4ecef8ad9ca31a8372d0c353";
    std::string const accounts = "/accounts/" + account_id;
    by_hand::worker_version const version{
        .main_module = "worker.mjs",
        .compatibility_date = "2024-03-01",
        .bindings = {{.type = "durable_object_namespace", .name = "COUNTER", .class_name = "Counter"}},
        .migrations = {.new_classes = {"Counter"}},
        .modules = {{.name = "worker.mjs",
                     .content_type = "application/javascript+module",
                     .content_base64 = by_hand::base64(counter_example::worker_mjs)}},
    };
    std::cout << boost::json::serialize(
                     by_hand::request("GET", accounts + "/workers/durable_objects/namespaces", nullptr))
              << '\n'
              << boost::json::serialize(by_hand::request("POST", accounts + "/workers/workers/counter/versions",
                                                         boost::json::value_from(version)))
              << '\n';
}

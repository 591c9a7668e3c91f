// cfdo's run-time benchmarks: each group times cfdo against the obvious
// alternative in the same process and prints, per candidate, the median time
// per call and its ratio to the group's first candidate (the baseline), as
// tab-separated lines that scripts/bench turns into docs/performance.md.
//
//   cfdo_bench_runtime [--quick]
//
// --quick runs every group briefly: a smoke test of the program and of its
// correctness checks (each candidate must produce the same result before it
// is timed), not a measurement.

#include <cfdo/api/responses.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/json/to_json_string.hpp>
#include <cfdo/rules/version_rules.hpp>
#include <cfdo/support/base64.hpp>

#include "counter_version.hpp"
#include "harness.hpp"
#include "history_500.hpp"

#include <boost/json/serialize.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

// ---- The Counter version payload, three ways ------------------------------

// The version of examples/counter.
using counter_example::counter_version;

std::string cfdo_dom_payload() { return boost::json::serialize(cfdo::to_json(counter_version())); }

std::string cfdo_direct_payload() { return cfdo::to_json_string(counter_version()); }

// By hand, as one writes it without cfdo. The module is base64-encoded by
// cfdo's encoder in every candidate: this group compares building JSON.
std::string boost_dom_payload() {
    boost::json::object binding;
    binding.emplace("type", "durable_object_namespace");
    binding.emplace("name", "COUNTER");
    binding.emplace("class_name", "Counter");
    boost::json::object migrations;
    migrations.emplace("new_classes", boost::json::array{"Counter"});
    boost::json::object module;
    module.emplace("name", "worker.mjs");
    module.emplace("content_type", "application/javascript+module");
    module.emplace("content_base64", cfdo::base64_encode(counter_example::worker_mjs));
    boost::json::object body;
    body.emplace("main_module", "worker.mjs");
    body.emplace("compatibility_date", "2024-03-01");
    body.emplace("bindings", boost::json::array{std::move(binding)});
    body.emplace("migrations", std::move(migrations));
    body.emplace("modules", boost::json::array{std::move(module)});
    return boost::json::serialize(body);
}

std::string nlohmann_payload() {
    nlohmann::ordered_json binding;
    binding["type"] = "durable_object_namespace";
    binding["name"] = "COUNTER";
    binding["class_name"] = "Counter";
    nlohmann::ordered_json migrations;
    migrations["new_classes"] = nlohmann::ordered_json::array({"Counter"});
    nlohmann::ordered_json module;
    module["name"] = "worker.mjs";
    module["content_type"] = "application/javascript+module";
    module["content_base64"] = cfdo::base64_encode(counter_example::worker_mjs);
    nlohmann::ordered_json body;
    body["main_module"] = "worker.mjs";
    body["compatibility_date"] = "2024-03-01";
    body["bindings"] = nlohmann::ordered_json::array({std::move(binding)});
    body["migrations"] = std::move(migrations);
    body["modules"] = nlohmann::ordered_json::array({std::move(module)});
    return body.dump();
}

// ---- A page of 1000 namespaces --------------------------------------------

std::string namespace_page_json(int count) {
    std::string json = R"({"success":true,"errors":[],"messages":[],"result":[)";
    char id[33];
    for (int i = 0; i < count; ++i) {
        std::snprintf(id, sizeof id, "%032x", static_cast<unsigned>(i) * 2654435761u);
        if (i > 0) json += ',';
        json += R"({"id":")" + std::string(id) + R"(","name":"worker-)" + std::to_string(i) + "_Class" +
                std::to_string(i) + R"(","script":"worker-)" + std::to_string(i) + R"(","class":"Class)" +
                std::to_string(i) + R"(","use_sqlite":)" + (i % 7 == 0 ? "false" : "true") + "}";
    }
    json += R"(],"result_info":{"page":1,"per_page":)" + std::to_string(count) + R"(,"count":)" +
            std::to_string(count) + R"(,"total_count":)" + std::to_string(count) + R"(,"total_pages":1}})";
    return json;
}

// ---- Reporting --------------------------------------------------------------

void check(bool condition, std::string const& what) {
    if (!condition) throw std::runtime_error("correctness check failed: " + what);
}

// One line per candidate: group, candidate, ns per call, ratio to the first
// candidate, and the throughput in GB/s when `bytes_per_call` is given.
void report(std::string const& group, std::vector<bench::timing> const& timings, double bytes_per_call = 0) {
    double const baseline = timings.front().nanoseconds_per_call;
    for (auto const& t : timings) {
        std::cout << group << '\t' << t.name << '\t' << t.nanoseconds_per_call << '\t'
                  << t.nanoseconds_per_call / baseline << '\t';
        if (bytes_per_call > 0) std::cout << bytes_per_call / t.nanoseconds_per_call;
        else std::cout << '-';
        std::cout << '\n';
    }
}

void counter_payload_group(bench::settings const& s) {
    std::string const expected = boost_dom_payload();
    check(cfdo_dom_payload() == expected, "cfdo::to_json + serialize writes the hand-written JSON");
    check(cfdo_direct_payload() == expected, "cfdo::to_json_string writes the hand-written JSON");
    check(nlohmann_payload() == expected, "nlohmann::json writes the hand-written JSON");
    report("counter-payload",
           bench::compare({{"Boost.JSON DOM by hand + serialize", [] { bench::keep(boost_dom_payload()); }},
                           {"cfdo::to_json + serialize", [] { bench::keep(cfdo_dom_payload()); }},
                           {"cfdo::to_json_string", [] { bench::keep(cfdo_direct_payload()); }},
                           {"(cfdo::worker_version built, not written)", [] { bench::keep(counter_version()); }},
                           {"nlohmann::ordered_json by hand + dump", [] { bench::keep(nlohmann_payload()); }}},
                          s));
}

void base64_group(bench::settings const& s, std::size_t size, std::string const& group) {
    std::string input(size, '\0');
    std::mt19937 random(42);
    for (auto& c : input) c = static_cast<char>(random() & 0xff);
    std::string copy(size, '\0');
    std::string encoded(cfdo::base64_encoded_size(size), '\0');
    check(cfdo::base64_decode(cfdo::base64_encode(input)) == input, "base64 round trip");
    report(group,
           bench::compare({{"memcpy of the module",
                            [&] {
                                std::memcpy(copy.data(), input.data(), size);
                                bench::keep(copy);
                            }},
                           {"cfdo::base64_encode",
                            [&] {
                                cfdo::base64_encode(input, encoded.data());
                                bench::keep(encoded);
                            }}},
                          s),
           static_cast<double>(size));
}

void namespace_page_group(bench::settings const& s) {
    cfdo::http_response const response{200, namespace_page_json(1000)};
    auto const decoded = cfdo::decode_response<cfdo::list_namespaces>(response);
    check(decoded.has_value() && decoded->namespaces.size() == 1000 &&
              decoded->namespaces[999].class_name == "Class999",
          "decode_response reads the 1000 namespaces");
    report("namespace-page-1000",
           bench::compare({{"boost::json::parse alone", [&] { bench::keep(boost::json::parse(response.body)); }},
                           {"cfdo::decode_response<list_namespaces>",
                            [&] { bench::keep(cfdo::decode_response<cfdo::list_namespaces>(response)); }}},
                          s));
}

void history_validation_group(bench::settings const& s) {
    cfdo::worker_version const history = bench::history_500();
    cfdo::validation_context const context{.deployed = cfdo::first_deploy{}};
    for (auto const& d : cfdo::validate(history, context))
        check(d.level != cfdo::severity::error, "the 500-class history is valid");
    report("validate-500-classes",
           bench::compare({{"cfdo::to_json + serialize of the history",
                            [&] { bench::keep(boost::json::serialize(cfdo::to_json(history))); }},
                           {"cfdo::validate of the history", [&] { bench::keep(cfdo::validate(history, context)); }}},
                          s));
}

} // namespace

int main(int argc, char** argv) {
    bench::settings s;
    if (argc > 1 && std::string_view(argv[1]) == "--quick")
        s = {.rounds = 1, .sample_time = std::chrono::microseconds(100)};
    try {
        counter_payload_group(s);
        base64_group(s, std::size_t{1} << 20, "base64-1MiB");
        base64_group(s, std::size_t{10} << 20, "base64-10MiB");
        namespace_page_group(s);
        history_validation_group(s);
    } catch (std::exception const& e) {
        std::cerr << "cfdo_bench_runtime: " << e.what() << '\n';
        return 1;
    }
    return 0;
}

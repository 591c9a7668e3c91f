#include <cfdo/json/parse.hpp>
#include <cfdo/wrangler/check_config.hpp>
#include <cfdo/wrangler/read_config.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

cfdo::wrangler::config_reading read(char const* jsonc, std::optional<std::string_view> environment = {}) {
    return cfdo::wrangler::read_config(cfdo::parse_json(jsonc, cfdo::jsonc).value(), environment);
}

std::vector<std::string> rules_and_paths(std::vector<cfdo::diagnostic> const& diagnostics) {
    std::vector<std::string> out;
    for (auto const& d : diagnostics) out.push_back(std::string(d.rule) + " " + std::string(d.path));
    return out;
}

} // namespace

TEST_CASE("read_config: an environment inherits name, dates and migrations, not bindings", "[wrangler]") {
    auto const reading = read(R"({
        "name": "counter", "compatibility_date": "2025-01-01",
        "durable_objects": {"bindings": [{"name": "COUNTER", "class_name": "Counter"}]},
        "migrations": [{"tag": "v1", "new_sqlite_classes": ["Counter"]}],
        "env": {"staging": {"vars": {"MODE": "staging"}}}
    })",
                              "staging");
    REQUIRE(reading.worker);
    auto const& worker = *reading.worker;
    CHECK(worker.name == "counter-staging");
    CHECK(worker.deployment.version.compatibility_date == cfdo::date(2025, 1, 1));
    CHECK(worker.deployment.history.size() == 1);
    REQUIRE(worker.deployment.version.bindings.size() == 1);
    CHECK(worker.deployment.version.bindings[0].holds<cfdo::plain_text_binding>());
    CHECK(rules_and_paths(reading.diagnostics) ==
          std::vector<std::string>{"config-durable-objects-not-inherited /env/staging"});
}

TEST_CASE("read_config: an environment's own name and migrations replace the top level's", "[wrangler]") {
    auto const reading = read(R"({
        "name": "counter",
        "migrations": [{"tag": "v1", "new_sqlite_classes": ["Counter"]}],
        "env": {"production": {"name": "counter-prod",
                               "migrations": [{"tag": "p1", "new_classes": ["Counter"]}]}}
    })",
                              "production");
    REQUIRE(reading.worker);
    CHECK(reading.worker->name == "counter-prod");
    REQUIRE(reading.worker->deployment.history.size() == 1);
    CHECK(reading.worker->deployment.history[0].tag == "p1");
    CHECK(reading.worker->migrations_location == "/env/production/migrations");
}

TEST_CASE("read_config: a shape error leaves no Worker to check", "[wrangler]") {
    auto const reading = read(R"({"migrations": [{"tag": 1}], "durable_objects": {"bindings": [{"name": "A"}]}})");
    CHECK_FALSE(reading.worker);
    CHECK(rules_and_paths(reading.diagnostics) ==
          std::vector<std::string>{"config-field-missing /durable_objects/bindings/0/class_name",
                                   "config-not-a-string /migrations/0/tag"});
    CHECK(reading.diagnostics[0].subject == "durable_objects.bindings[0].class_name");
}

TEST_CASE("read_config: keys with '/' and '~' are escaped in paths", "[wrangler]") {
    auto const reading = read(R"({"vars": {"a/b": "x", "a~b": "y"}, "kv_namespaces": [{"binding": "a/b"}]})");
    REQUIRE(reading.worker);
    auto const found = cfdo::wrangler::check(*reading.worker);
    CHECK(rules_and_paths(found) == std::vector<std::string>{"binding-name-duplicate /kv_namespaces/0/binding",
                                                             "binding-name-not-identifier /vars/a~1b",
                                                             "binding-name-not-identifier /vars/a~0b",
                                                             "binding-name-not-identifier /kv_namespaces/0/binding"});
}

TEST_CASE("check and plan: the steps after the deployed tag, with paths into the history", "[wrangler]") {
    auto const reading = read(R"({
        "name": "counter",
        "durable_objects": {"bindings": [{"name": "COUNTER", "class_name": "Counter"}]},
        "migrations": [{"tag": "v1", "new_sqlite_classes": ["Counter"]},
                       {"tag": "v2", "new_sqlite_classes": ["Room"]}]
    })");
    REQUIRE(reading.worker);
    cfdo::wrangler::check_options options{.exported_classes = std::vector<cfdo::text>{"Counter"},
                                          .deployed = cfdo::deployed_state{.migration_tag = "v1"}};
    CHECK(rules_and_paths(cfdo::wrangler::check(*reading.worker, options)) ==
          std::vector<std::string>{"new-class-not-exported /migrations/1/new_sqlite_classes/0"});
    auto const plan = cfdo::wrangler::plan(*reading.worker, options);
    REQUIRE(plan);
    CHECK(plan->old_tag == cfdo::text("v1"));
    CHECK(plan->new_tag == cfdo::text("v2"));
    CHECK(plan->steps.size() == 1);
    options.deployed = cfdo::deployed_state{.migration_tag = "v2"};
    CHECK_FALSE(cfdo::wrangler::plan(*reading.worker, options));
}

TEST_CASE("parse_json: comments and trailing commas only when asked for", "[wrangler][json]") {
    CHECK_FALSE(cfdo::parse_json("{\"a\": 1, // one\n}"));
    CHECK(cfdo::parse_json("{\"a\": 1, // one\n}", cfdo::jsonc));
    CHECK(cfdo::parse_json("/* before */ [1, 2,] // after", cfdo::jsonc));
    CHECK_FALSE(cfdo::parse_json("[1] /* unterminated", cfdo::jsonc));
}

TEST_CASE("check: an empty deployed tag is no tag, even when the history has an empty tag", "[wrangler]") {
    auto const reading = read(R"({
        "migrations": [{"tag": "", "new_sqlite_classes": ["A"]}, {"tag": "v2", "new_sqlite_classes": ["B"]}]
    })");
    REQUIRE(reading.worker);
    cfdo::wrangler::check_options const options{.exported_classes = std::vector<cfdo::text>{"A"},
                                                .deployed = cfdo::deployed_state{.migration_tag = ""}};
    // Every step is sent, so B's migration is the second one, not a third.
    CHECK(rules_and_paths(cfdo::wrangler::check(*reading.worker, options)) ==
          std::vector<std::string>{"migration-tag-empty /migrations/0/tag",
                                   "new-class-not-exported /migrations/1/new_sqlite_classes/0"});
}

TEST_CASE("check: a binding to a class the exports lifecycle declares is not held against migrations", "[wrangler]") {
    auto const reading = read(R"({
        "durable_objects": {"bindings": [{"name": "A", "class_name": "A"}, {"name": "B", "class_name": "B"}]},
        "exports": {"A": {"type": "durable-object", "storage": "sqlite"}}
    })");
    REQUIRE(reading.worker);
    CHECK(rules_and_paths(reading.diagnostics) == std::vector<std::string>{"config-exports-not-checked /exports"});
    CHECK(rules_and_paths(cfdo::wrangler::check(*reading.worker)) ==
          std::vector<std::string>{"binding-class-not-created /durable_objects/bindings/1/class_name"});
}

TEST_CASE("read_config: --env with no environments at all reads the top-level Worker", "[wrangler]") {
    auto const reading = read(R"({"name": "counter", "vars": {"MODE": "x"}})", "staging");
    REQUIRE(reading.worker);
    CHECK(reading.worker->name == "counter");
    CHECK(reading.worker->deployment.version.bindings.size() == 1);
    CHECK(rules_and_paths(reading.diagnostics) == std::vector<std::string>{"config-environment-not-defined "});
}

// The rules of the catalogue at run time: for every rule, a configuration
// that breaks it and the full list of its diagnostics (rule, subject, JSON
// pointer, severity); make_request refusing errors and building despite
// warnings; the payload layouts; the user struggles of
// validation-rules.md §5 as scenarios; what a payload may assume about the
// classes it does not create (tag modes, first_deploy, the whole history in
// the context); deploy planning and cfdo::deployment.
#include <cfdo/api/make_request.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/compile_time.hpp>
#include <cfdo/rules/history_rules.hpp>
#include <cfdo/rules/params_rules.hpp>
#include <cfdo/rules/request_rules.hpp>
#include <cfdo/rules/version_rules.hpp>
#include <cfdo/wrangler/read_config.hpp>

#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace {

constexpr std::string_view account = "023e105f4ecef8ad9ca31a8372d0c353";
constexpr std::string_view worker = "counter";

using lines = std::vector<std::string>;

// "rule subject path severity": one line per diagnostic, so that a mismatch
// prints readably.
std::string describe(cfdo::diagnostic const& d) {
    return std::string(d.rule) + " " + d.subject.str() + " " + d.path.str() + " " +
           std::string(cfdo::to_string(d.level));
}

lines describe(std::vector<cfdo::diagnostic> const& diagnostics) {
    lines out;
    for (auto const& d : diagnostics) out.push_back(describe(d));
    return out;
}

// The diagnostics of an operation, after checking that make_request agrees:
// it refuses the operation exactly when there is an error, and then carries
// every diagnostic, warnings included.
template <class Operation>
lines diagnostics_of(Operation const& op) {
    auto const diagnostics = cfdo::validate(op);
    auto const built = cfdo::try_make_request(op);
    CHECK(built.has_value() == !cfdo::has_errors(diagnostics));
    if (cfdo::has_errors(diagnostics)) {
        CHECK_THROWS_AS((void)cfdo::make_request(op), cfdo::invalid_request);
        try {
            (void)cfdo::make_request(op);
        } catch (cfdo::invalid_request const& e) {
            CHECK(e.diagnostics() == diagnostics);
        }
    } else {
        CHECK_NOTHROW((void)cfdo::make_request(op));
    }
    return describe(diagnostics);
}

// A version is checked as the body of a version creation by Worker
// "counter": its pointers are the version's own.
cfdo::create_version create(cfdo::worker_version version) {
    return {.account_id = account, .worker_id = worker, .version = std::move(version)};
}

cfdo::upload_script upload(cfdo::worker_version version) {
    return {.account_id = account, .script_name = worker, .metadata = {.version = std::move(version)}};
}

lines diagnostics_of(cfdo::worker_version const& version) {
    auto const found = diagnostics_of(create(version));
    // The version alone says the same, the Worker's name aside.
    CHECK(describe(cfdo::validate(version)) == found);
    return found;
}

lines diagnostics_of(cfdo::worker_version const& version, cfdo::validation_context const& context) {
    return describe(cfdo::validate(create(version), context));
}

lines diagnostics_of(cfdo::migration_history const& history, cfdo::validation_context const& context = {}) {
    return describe(cfdo::validate(history, context));
}

lines diagnostics_of(cfdo::deployment const& d, cfdo::validation_context const& context = {}) {
    return describe(cfdo::validate(d, context));
}

// The shape diagnostics of a wrangler configuration (JSON text).
lines config_diagnostics_of(std::string_view json, std::optional<std::string_view> environment = {}) {
    return describe(cfdo::wrangler::read_config(boost::json::parse(json), environment).diagnostics);
}

// Nothing is deployed: the payload's migrations are the Worker's whole history.
cfdo::validation_context first_deploy() { return {.deployed = cfdo::first_deploy{}}; }

// The Worker's whole history is known; which of its steps are deployed, the
// payload's migrations say (nothing else being known).
cfdo::validation_context knowing(cfdo::migration_history history) { return {.history = std::move(history)}; }

// Cloudflare reports `tag` as deployed, and nothing of the classes.
cfdo::validation_context deployed_tag(std::string_view tag) {
    return {.deployed = cfdo::deployed_state{.migration_tag = tag}};
}

// Cloudflare reports `tag` (or none) and these live classes.
cfdo::deployed_state deployed_state(std::optional<std::string_view> tag, std::vector<cfdo::deployed_class> classes) {
    cfdo::deployed_state state{.classes = std::move(classes)};
    if (tag) state.migration_tag = *tag;
    return state;
}

cfdo::deployed_class kv_class(std::string_view name) {
    return {.class_name = name, .storage = cfdo::durable_object_storage::kv};
}

cfdo::deployed_class sqlite_class(std::string_view name) {
    return {.class_name = name, .storage = cfdo::durable_object_storage::sqlite};
}

cfdo::binding durable_object(std::string_view name, std::string_view class_name) {
    return cfdo::durable_object_binding{.name = name, .class_name = class_name};
}

cfdo::worker_module javascript_module(std::string_view name) {
    return {.name = name,
            .content_type = cfdo::content_type::javascript_module,
            .content = cfdo::module_bytes{"export class Counter {}"}};
}

cfdo::worker_module module_of_type(std::string_view name, std::string_view content_type) {
    return {.name = name, .content_type = content_type, .content = cfdo::module_bytes{"x"}};
}

cfdo::worker_module base64_module(std::string_view name, std::string_view base64) {
    return {.name = name, .content_type = cfdo::content_type::octet_stream, .content = cfdo::module_base64{base64}};
}

cfdo::validation_context exporting(std::vector<cfdo::text> classes) { return {.exported_classes = std::move(classes)}; }

// A worker version whose migrations are one single step.
cfdo::migrations single(cfdo::single_step_migration step) { return step; }

// ---------------------------------------------------------------------------
// The Counter configuration of examples/counter, and compile-time checks.

constexpr cfdo::worker_version counter_version() {
    return {
        .main_module = "worker.mjs",
        .compatibility_date = "2024-03-01",
        .bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"}},
        .migrations = cfdo::single_step_migration{.new_classes = {"Counter"}},
        .modules = {{
            .name = "worker.mjs",
            .content_type = cfdo::content_type::javascript_module,
            .content = cfdo::module_bytes{"export class Counter { /* ... */ }\nexport default {};\n"},
        }},
    };
}
constexpr cfdo::create_version create_counter() {
    return {.account_id = account, .worker_id = worker, .version = counter_version()};
}
constexpr cfdo::upload_script upload_counter() {
    return {.account_id = account, .script_name = worker, .metadata = {.version = counter_version()}};
}
constexpr cfdo::validation_context counter_exports() {
    return {.exported_classes = std::vector<cfdo::text>{"Counter"}, .today = cfdo::date("2024-03-01")};
}
static_assert(cfdo::valid<counter_version>());
static_assert(cfdo::valid<create_counter>());
static_assert(cfdo::valid<upload_counter>());
static_assert(cfdo::valid<counter_version, counter_exports>());
static_assert(cfdo::valid<create_counter, counter_exports>());
static_assert(cfdo::validate(counter_version(), counter_exports()).empty());

// Warnings never stop compilation, but they are found while compiling.
constexpr cfdo::worker_version only_warnings() {
    return {
        .bindings = {cfdo::plain_text_binding{.name = "api-key", .text = "x"},
                     cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"}},
        .modules = {{.name = "worker.mjs", .content_type = "text/markdown", .content = cfdo::module_bytes{"x"}}},
    };
}
static_assert(cfdo::valid<only_warnings>());
static_assert(cfdo::validate(only_warnings()).size() == 4);
static_assert(cfdo::validate(only_warnings())[0].rule == "binding-name-not-identifier");
static_assert(!cfdo::has_errors(cfdo::validate(only_warnings())));

using checked_counter = cfdo::checked_with<create_counter, counter_exports>;

// On a first deploy the payload's migrations are the whole history: the
// Counter configuration creates what it binds.
constexpr cfdo::validation_context first_deploy_context() { return {.deployed = cfdo::first_deploy{}}; }
static_assert(cfdo::valid<counter_version, first_deploy_context>());
static_assert(cfdo::valid<create_counter, first_deploy_context>());

// A payload that does not create the class it binds: whether Cloudflare
// accepts it depends on what is deployed. Unknown, it is a warning
// (compilation goes on); on a first deploy an error, and one that stops
// compilation when warnings are errors.
constexpr cfdo::worker_version binds_uncreated_class() {
    return {.bindings = {cfdo::durable_object_binding{.name = "CHAT", .class_name = "Chat"}},
            .migrations = cfdo::single_step_migration{.new_tag = "v1", .new_sqlite_classes = {"Counter"}}};
}
static_assert(cfdo::valid<binds_uncreated_class>());
static_assert(cfdo::validate(binds_uncreated_class())[0].rule == "binding-class-not-created");
static_assert(cfdo::validate(binds_uncreated_class())[0].depends_on_state);
static_assert(!cfdo::has_errors(cfdo::validate(binds_uncreated_class())));
static_assert(cfdo::validate(binds_uncreated_class(), first_deploy_context())[0].rule == "binding-class-not-created");
static_assert(cfdo::has_errors(cfdo::validate(binds_uncreated_class(), first_deploy_context())));

// The getting-started typo: a class name one letter off. Unknown, a warning
// that suggests the name; the options that stop the build are said.
constexpr cfdo::worker_version counter_typo() {
    auto version = counter_version();
    version.bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Conter"}};
    return version;
}
static_assert(cfdo::valid<counter_typo>());
static_assert(cfdo::validate(counter_typo())[0].suggestion == "Counter");
static_assert(cfdo::validate(counter_typo(), first_deploy_context())[0].level == cfdo::severity::error);

// A deployment (the version and the whole history) is checked while
// compiling too, its bindings against the whole history.
constexpr cfdo::deployment counter_deployment() {
    return {.version = {.bindings = {cfdo::durable_object_binding{.name = "TALLY", .class_name = "Tally"}}},
            .history = {{.tag = "v1", .new_sqlite_classes = {"Counter"}},
                        {.tag = "v2", .renamed_classes = {{.from = "Counter", .to = "Tally"}}}}};
}
constexpr cfdo::validation_context at_v1() { return {.deployed = cfdo::deployed_state{.migration_tag = "v1"}}; }
static_assert(cfdo::valid<counter_deployment>());
static_assert(cfdo::valid<counter_deployment, at_v1>());
static_assert(cfdo::valid<counter_deployment, cfdo::first_deploy, cfdo::warnings_are_errors>());
static_assert(cfdo::payload(counter_deployment(), at_v1()).migrations.has_value());
static_assert(cfdo::payload(counter_deployment(), at_v1()).bindings.size() == 1);
constexpr cfdo::deployment counter_deployment_bound_to_old_name() {
    auto d = counter_deployment();
    d.version.bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"}};
    return d;
}
static_assert(cfdo::validate(counter_deployment_bound_to_old_name()).size() == 1);
static_assert(cfdo::validate(counter_deployment_bound_to_old_name())[0].rule == "binding-to-renamed-class");
static_assert(cfdo::validate(counter_deployment_bound_to_old_name())[0].path == "/version/bindings/0/class_name");

} // namespace

// ---------------------------------------------------------------------------

TEST_CASE("the Counter configuration is valid, at compile time and at run time", "[rules]") {
    CHECK(diagnostics_of(counter_version()).empty());
    CHECK(diagnostics_of(counter_version(), counter_exports()).empty());
    CHECK(diagnostics_of(upload_counter()).empty());
    CHECK(cfdo::make_request(checked_counter::make()).path ==
          "/accounts/" + std::string(account) + "/workers/workers/counter/versions");
}

// One configuration per rule of the catalogue, with every diagnostic it gets.
TEST_CASE("every rule of the catalogue: a configuration that breaks it and all its diagnostics", "[rules]") {
    struct example {
        std::string_view rule;
        std::function<lines()> diagnostics;
        lines expected;
    };
    std::vector<example> const examples{
        // Request parameters.
        {"path-parameter-empty",
         [] { return diagnostics_of(cfdo::list_objects{.account_id = account, .namespace_id = ""}); },
         {"path-parameter-empty id /id error"}},
        {"path-parameter-slash",
         [] { return diagnostics_of(cfdo::create_version{.account_id = account, .worker_id = "team/counter"}); },
         {"path-parameter-slash worker_id /worker_id error"}},
        {"path-parameter-dot-segment",
         [] { return diagnostics_of(cfdo::upload_script{.account_id = account, .script_name = ".."}); },
         {"path-parameter-dot-segment script_name /script_name error"}},
        {"path-parameter-control-character",
         [] { return diagnostics_of(cfdo::list_namespaces{.account_id = "023e\r\n"}); },
         {"path-parameter-control-character account_id /account_id error"}},
        {"page-out-of-range",
         [] { return diagnostics_of(cfdo::list_namespaces{.account_id = account, .page = 0}); },
         {"page-out-of-range page /page error"}},
        {"per-page-out-of-range",
         [] { return diagnostics_of(cfdo::list_namespaces{.account_id = account, .per_page = 101}); },
         {"per-page-out-of-range per_page /per_page error"}},
        {"limit-out-of-range",
         [] { return diagnostics_of(cfdo::list_objects{.account_id = account, .namespace_id = "n", .limit = 9}); },
         {"limit-out-of-range limit /limit error"}},

        // Bindings.
        {"binding-name-duplicate",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .bindings = {durable_object("COUNTER", "Counter"),
                              cfdo::kv_namespace_binding{.name = "COUNTER", .namespace_id = "0f2a"},
                              cfdo::plain_text_binding{.name = "COUNTER", .text = "x"}},
                 .migrations = single({.new_tag = "v1", .new_sqlite_classes = {"Counter"}})});
         },
         {"binding-name-duplicate COUNTER /bindings/1/name error",
          "binding-name-duplicate COUNTER /bindings/2/name error"}},
        {"binding-name-not-identifier",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.bindings = {cfdo::plain_text_binding{.name = "api-key", .text = "x"},
                                                   cfdo::plain_text_binding{.name = "2FA", .text = "x"},
                                                   cfdo::plain_text_binding{.name = "$ok_1", .text = "x"}}});
         },
         {"binding-name-not-identifier api-key /bindings/0/name warning",
          "binding-name-not-identifier 2FA /bindings/1/name warning"}},
        {"json-binding-not-json",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .bindings = {cfdo::json_binding{.name = "SETTINGS", .json = R"({"debug": true,})"}}});
         },
         {"json-binding-not-json SETTINGS /bindings/0/json error"}},
        {"durable-object-environment-without-script",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.bindings = {cfdo::durable_object_binding{
                                          .name = "SESSIONS", .class_name = "Session", .environment = "production"}}});
         },
         {"durable-object-environment-without-script SESSIONS /bindings/0/environment error",
          "binding-class-not-created Session /bindings/0/class_name warning"}},
        {"durable-object-binding-without-class",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .bindings = {cfdo::durable_object_binding{.name = "SESSIONS", .script_name = "sessions"},
                              cfdo::durable_object_binding{.name = "BY_ID", .namespace_id = "5fd1cafff895419c"}}});
         },
         {"durable-object-binding-without-class SESSIONS /bindings/0 error"}},

        {"d1-binding-without-database",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .bindings = {cfdo::d1_binding{.name = "DB"}, cfdo::d1_binding{.name = "BY_ALIAS", .id = "a1b2"}}});
         },
         {"d1-binding-without-database DB /bindings/0 error"}},
        {"binding-part-missing",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.main_module = "w.mjs",
                                      .bindings = {cfdo::wasm_module_binding{.name = "RESIZER", .part = "resize.wasm"},
                                                   cfdo::text_blob_binding{.name = "TEMPLATE", .part = "w.mjs"}},
                                      .modules = {javascript_module("w.mjs")}});
         },
         {"binding-part-missing RESIZER /bindings/0/part error"}},
        {"secret-empty",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.bindings = {cfdo::secret_text_binding{.name = "TOKEN", .text = ""}}});
         },
         {"secret-empty TOKEN /bindings/0/text warning"}},
        {"ratelimit-period-unsupported",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .bindings = {cfdo::ratelimit_binding{
                                  .name = "LIMITER", .namespace_id = "1001", .simple = {{.limit = 5, .period = 30}}},
                              cfdo::ratelimit_binding{
                                  .name = "OK", .namespace_id = "1002", .simple = {{.limit = 5, .period = 10}}}}});
         },
         {"ratelimit-period-unsupported LIMITER /bindings/0/simple/period warning"}},
        {"raw-binding-type-modelled",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .bindings = {cfdo::raw_binding{.kind = "ai", .name = "AI"},
                              cfdo::raw_binding{.kind = "some_future_binding", .name = "MEMORY"}}});
         },
         {"raw-binding-type-modelled AI /bindings/0/type warning"}},
        {"extra-fields-not-an-object",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .bindings = {cfdo::raw_binding{.kind = "some_future_binding", .name = "MEMORY", .fields = "[1]"}},
                 .extra = R"({"logpush": true)"});
         },
         {"extra-fields-not-an-object MEMORY /bindings/0 error", "extra-fields-not-an-object extra  error"}},
        {"extra-field-collides",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .bindings = {cfdo::raw_binding{
                     .kind = "some_future_binding", .name = "MEMORY", .fields = R"({"type":"x","id":1})"}},
                 .extra = R"({"logpush": true, "main_module": "other.mjs"})"});
         },
         {"extra-field-collides type /bindings/0/type error", "extra-field-collides main_module /main_module error"}},
        {"placement-form-invalid",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.placement = cfdo::placement{.mode = "smart", .region = "aws:us-east-1"}});
         },
         {"placement-form-invalid placement /placement error"}},
        {"assets-config-value-unknown",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .assets = cfdo::version_assets{.config = cfdo::assets_config{.html_handling = "auto",
                                                                              .not_found_handling = "404-page",
                                                                              .run_worker_first = R"("/api/*")"}}});
         },
         {"assets-config-value-unknown html_handling /assets/config/html_handling error",
          "assets-config-value-unknown run_worker_first /assets/config/run_worker_first error"}},
        {"container-class-not-durable-object",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.migrations = cfdo::single_step_migration{.new_sqlite_classes = {"Counter"}},
                                      .containers = {{.class_name = "Counter"}, {.class_name = "Sandbox"}}},
                 {.deployed = cfdo::first_deploy{}});
         },
         {"container-class-not-durable-object Sandbox /containers/1/class_name error"}},
        // The declarative exports.
        {"exports-with-migrations",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .migrations = cfdo::single_step_migration{.new_tag = "v1", .new_sqlite_classes = {"Room"}},
                 .exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                             {"Api", cfdo::worker_export{}}}});
         },
         {"exports-with-migrations exports /migrations error"}},
        {"export-name-empty",
         [] {
             return diagnostics_of(cfdo::worker_version{.exports = {{"", cfdo::worker_export{}}}});
         },
         {"export-name-empty exports /exports/ error"}},
        {"export-name-duplicate",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .exports = {{"Api", cfdo::worker_export{}}, {"Api", cfdo::worker_export{.state = "created"}}}});
         },
         {"export-name-duplicate Api /exports/Api error"}},
        {"export-state-unknown",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .exports = {{"Api", cfdo::worker_export{.state = "deleted"}},
                             {"Room", cfdo::durable_object_export{.storage = "sqlite", .state = "created"}}}});
         },
         {"export-state-unknown Api /exports/Api/state error"}},
        {"export-storage-unknown",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.exports = {{"Room", cfdo::durable_object_export{.storage = "kv"}}}});
         },
         {"export-storage-unknown Room /exports/Room/storage error"}},
        {"export-rename-to-itself",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .exports = {{"Room", cfdo::durable_object_renamed_export{.renamed_to = "Room"}}}});
         },
         {"export-rename-to-itself Room /exports/Room/renamed_to error"}},
        {"export-rename-target-not-live",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                             {"Gone", cfdo::durable_object_deleted_export{}},
                             {"OldRoom", cfdo::durable_object_renamed_export{.renamed_to = "Rooms"}},
                             {"OlderRoom", cfdo::durable_object_renamed_export{.renamed_to = "Gone"}}}});
         },
         {"export-rename-target-not-live OldRoom /exports/OldRoom/renamed_to error",
          "export-rename-target-not-live OlderRoom /exports/OlderRoom/renamed_to error"}},
        {"export-rename-target-taken",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                                                  {"A", cfdo::durable_object_renamed_export{.renamed_to = "Room"}},
                                                  {"B", cfdo::durable_object_renamed_export{.renamed_to = "Room"}},
                                                  {"C", cfdo::durable_object_renamed_export{.renamed_to = "Hall"}},
                                                  {"D", cfdo::durable_object_renamed_export{.renamed_to = "Hall"}},
                                                  {"Hall", cfdo::durable_object_export{.storage = "sqlite"}}}},
                 {.deployed = cfdo::deployed_state{
                      .classes = std::vector<cfdo::deployed_class>{
                          {.class_name = "A"}, {.class_name = "Room"}, {.class_name = "C"}, {.class_name = "D"}}}});
         },
         // (B is not deployed: its rename moves nothing.)
         {"export-rename-target-taken Room /exports/A/renamed_to error", "export-tombstone-stale B /exports/B info",
          "export-rename-target-taken Hall /exports/D/renamed_to error"}},
        {"export-transfer-within-worker",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{
                     .exports = {{"Room", cfdo::durable_object_transferred_export{.transferred_to = "counter"}},
                                 {"Lobby", cfdo::durable_object_expecting_transfer_export{.storage = "sqlite",
                                                                                          .transfer_from = "counter"}},
                                 {"Hall", cfdo::durable_object_transferred_export{.transferred_to = "other"}}}},
                 {});
         },
         {"export-transfer-within-worker Room /exports/Room/transferred_to error",
          "export-transfer-within-worker Lobby /exports/Lobby/transfer_from error"}},
        {"export-container-on-legacy-kv",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{
                     .exports = {{"Box", cfdo::durable_object_export{.storage = "legacy-kv", .container = "box"}}},
                     .containers = {{.class_name = "Box", .name = "box"}}},
                 {.deployed =
                      cfdo::deployed_state{.classes = std::vector<cfdo::deployed_class>{
                                               {.class_name = "Box", .storage = cfdo::durable_object_storage::kv}}}});
         },
         {"export-container-on-legacy-kv Box /exports/Box/container error"}},
        {"export-container-undeclared",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .exports = {{"Box", cfdo::durable_object_export{.storage = "sqlite", .container = "bx"}},
                             {"Crate", cfdo::durable_object_export{.storage = "sqlite", .container = "crate"}}},
                 .containers = {{.class_name = "Box", .name = "box"}, {.class_name = "Crate", .name = "crate"}}});
         },
         {"export-container-undeclared Box /exports/Box/container error"}},
        {"export-container-shared",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .exports = {{"Box", cfdo::durable_object_export{.storage = "sqlite", .container = "box"}},
                             {"Crate", cfdo::durable_object_export{.storage = "sqlite", .container = "box"}}},
                 .containers = {{.class_name = "Box", .name = "box"}}});
         },
         {"export-container-shared box /exports/Crate/container error"}},
        {"binding-class-not-in-exports",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .bindings = {cfdo::durable_object_binding{.name = "ROOM", .class_name = "Rooms"},
                              cfdo::durable_object_binding{.name = "API", .class_name = "Api"},
                              cfdo::durable_object_binding{
                                  .name = "REMOTE", .class_name = "Remote", .script_name = "elsewhere"}},
                 .exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                             {"Api", cfdo::worker_export{}}}});
         },
         {"binding-class-not-in-exports Rooms /bindings/0/class_name error",
          "binding-class-not-in-exports Api /bindings/1/class_name error"}},
        {"binding-to-export-tombstone",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .bindings = {cfdo::durable_object_binding{.name = "ROOM", .class_name = "OldRoom"}},
                 .exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                             {"OldRoom", cfdo::durable_object_renamed_export{.renamed_to = "Room"}}}});
         },
         {"binding-to-export-tombstone OldRoom /bindings/0/class_name error"}},
        {"export-class-not-in-code",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                                                  {"Gone", cfdo::durable_object_deleted_export{}}}},
                 {.exported_classes = std::vector<cfdo::text>{"Lobby"}});
         },
         {"export-class-not-in-code Room /exports/Room error"}},
        {"export-deleted-class-in-code",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                                                  {"Gone", cfdo::durable_object_deleted_export{}}}},
                 {.exported_classes = std::vector<cfdo::text>{"Room", "Gone"}});
         },
         {"export-deleted-class-in-code Gone /exports/Gone error"}},
        {"export-legacy-kv-not-deployed",
         [] {
             cfdo::worker_version const version{
                 .exports = {{"Room", cfdo::durable_object_export{.storage = "legacy-kv"}}}};
             auto found = diagnostics_of(version);
             auto const exact = diagnostics_of(version, {.deployed = cfdo::first_deploy{}});
             found.insert(found.end(), exact.begin(), exact.end());
             return found;
         },
         {"export-legacy-kv-not-deployed Room /exports/Room/storage warning",
          "export-legacy-kv-not-deployed Room /exports/Room/storage error"}},
        {"export-storage-changed",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                                                  {"Hall", cfdo::durable_object_export{.storage = "legacy-kv"}}}},
                 {.deployed =
                      cfdo::deployed_state{.classes = std::vector<cfdo::deployed_class>{
                                               {.class_name = "Room", .storage = cfdo::durable_object_storage::kv},
                                               {.class_name = "Hall"}}}});
         },
         {"export-storage-changed Room /exports/Room/storage error",
          "export-storage-changed Hall /exports/Hall/storage error"}},
        {"deployed-class-not-in-exports",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                                                  {"Api", cfdo::worker_export{}}}},
                 {.deployed = cfdo::deployed_state{
                      .migration_tag = "v3",
                      .classes = std::vector<cfdo::deployed_class>{
                          {.class_name = "Room"}, {.class_name = "Lobby"}, {.class_name = "Api"}}}});
         },
         {"deployed-class-not-in-exports Lobby /exports error", "deployed-class-not-in-exports Api /exports error"}},
        {"export-tombstone-stale",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{
                     .exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                                 {"Gone", cfdo::durable_object_deleted_export{}},
                                 {"Moved", cfdo::durable_object_transferred_export{.transferred_to = "x"}}}},
                 {.deployed = cfdo::deployed_state{
                      .classes = std::vector<cfdo::deployed_class>{{.class_name = "Room"}, {.class_name = "Moved"}}}});
         },
         {"export-tombstone-stale Gone /exports/Gone info"}},
        {"code-update-strategy-invalid",
         [] {
             return diagnostics_of(cfdo::upload_script{.account_id = account,
                                                       .script_name = worker,
                                                       .metadata = {.code_update_strategy = cfdo::code_update_strategy{
                                                                        .mode = "eventually", .max_delay = 90000}}});
         },
         {"code-update-strategy-invalid mode /metadata/code_update_strategy/mode error",
          "code-update-strategy-invalid max_delay /metadata/code_update_strategy/max_delay error"}},

        // Durable Object bindings against the classes the migrations leave live.
        {"binding-class-not-created",
         [] {
             // Only a whole history knows a class is missing: here a first deploy.
             return diagnostics_of(
                 cfdo::worker_version{
                     .bindings = {durable_object("COUNTER", "Counter"), durable_object("CHAT", "Chat")},
                     .migrations = single({.new_tag = "v1", .new_sqlite_classes = {"Counter"}})},
                 first_deploy());
         },
         {"binding-class-not-created Chat /bindings/1/class_name error"}},
        {"binding-to-deleted-class",
         [] {
             // Legacy was deleted by v2, a step of the history the payload
             // (none: everything is deployed) does not carry.
             return diagnostics_of(cfdo::worker_version{.bindings = {durable_object("COUNTER", "Counter"),
                                                                     durable_object("LEGACY", "Legacy")}},
                                   knowing({{.tag = "v1", .new_classes = {"Counter", "Legacy"}},
                                            {.tag = "v2", .deleted_classes = {"Legacy"}}}));
         },
         {"binding-to-deleted-class Legacy /bindings/1/class_name error"}},
        {"binding-to-renamed-class",
         [] {
             // Counter is deployed, at v1.
             return diagnostics_of(
                 cfdo::worker_version{.bindings = {durable_object("COUNTER", "Counter")},
                                      .migrations =
                                          single({.old_tag = "v1",
                                                  .new_tag = "v2",
                                                  .renamed_classes = {{.from = "Counter", .to = "CounterV2"}}})},
                 {.deployed = deployed_state("v1", {sqlite_class("Counter")})});
         },
         {"binding-to-renamed-class Counter /bindings/0/class_name error"}},
        {"delete-while-bound",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.bindings = {durable_object("COUNTER", "Counter")},
                                      .migrations =
                                          single({.old_tag = "v1", .new_tag = "v2", .deleted_classes = {"Counter"}})},
                 {.deployed = deployed_state("v1", {sqlite_class("Counter")})});
         },
         {"delete-while-bound Counter /bindings/0/class_name error"}},
        {"binding-class-not-exported",
         [] {
             return diagnostics_of(cfdo::worker_version{.bindings = {durable_object("COUNTER", "Counter"),
                                                                     durable_object("CHAT", "Chat")},
                                                        .migrations = single({.old_tag = "v1", .new_tag = "v2"})},
                                   exporting({"Counter"}));
         },
         // (Nothing known of what is deployed: that both classes exist is
         // for the deployed state to say.)
         {"binding-class-not-created Counter /bindings/0/class_name warning",
          "binding-class-not-created Chat /bindings/1/class_name warning",
          "binding-class-not-exported Chat /bindings/1/class_name error"}},

        // Migrations.
        {"class-name-empty",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.migrations = single({
                                          .new_classes = {""},
                                          .new_sqlite_classes = {""},
                                          .renamed_classes = {{.from = "", .to = "B"}, {.from = "A", .to = ""}},
                                          .deleted_classes = {""},
                                          .transferred_classes = {{.from = "X", .from_script = "other", .to = ""},
                                                                  {.from = "", .from_script = "other", .to = "Y"}},
                                      })});
         },
         {"class-name-empty deleted_classes /migrations/deleted_classes/0 error",
          "class-name-empty renamed_classes /migrations/renamed_classes/0/from error",
          "class-name-empty renamed_classes /migrations/renamed_classes/1/to error",
          "class-name-empty new_classes /migrations/new_classes/0 error",
          "class-name-empty new_sqlite_classes /migrations/new_sqlite_classes/0 error",
          "class-name-empty transferred_classes /migrations/transferred_classes/0/to error",
          "class-name-empty transferred_classes /migrations/transferred_classes/1/from error"}},
        {"new-class-exists",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .migrations = cfdo::multi_step_migration{
                     .new_tag = "v2",
                     .steps = {{.new_sqlite_classes = {"Counter"}},
                               {.new_classes = {"Chat", "Chat"}, .new_sqlite_classes = {"Counter"}}}}});
         },
         {"new-class-exists Chat /migrations/steps/1/new_classes/1 error",
          "new-class-exists Counter /migrations/steps/1/new_sqlite_classes/0 error"}},
        {"kv-class-converted-to-sqlite",
         [] {
             return diagnostics_of(cfdo::migration_history{{.tag = "v1", .new_classes = {"Counter"}},
                                                           {.tag = "v2", .new_sqlite_classes = {"Counter"}}});
         },
         {"kv-class-converted-to-sqlite Counter /migrations/1/new_sqlite_classes/0 error"}},
        {"new-class-not-exported",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.migrations =
                                          single({.new_tag = "v1", .new_sqlite_classes = {"Counter", "Chat"}})},
                 exporting({"Counter"}));
         },
         {"new-class-not-exported Chat /migrations/new_sqlite_classes/1 error"}},
        {"live-class-not-exported",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{
                     .migrations = single({
                         .old_tag = "v1",
                         .new_tag = "v2",
                         .renamed_classes = {{.from = "Counter", .to = "CounterV2"}},
                         .transferred_classes = {{.from = "Chat", .from_script = "chat-worker", .to = "Chat"}},
                     })},
                 cfdo::validation_context{.exported_classes = std::vector<cfdo::text>{"Counter"},
                                          .deployed = deployed_state("v1", {kv_class("Counter")})});
         },
         {"live-class-not-exported CounterV2 /migrations/renamed_classes/0/to error",
          "live-class-not-exported Chat /migrations/transferred_classes/0/to error"}},
        {"rename-source-missing",
         [] {
             return diagnostics_of(
                 cfdo::migration_history{{.tag = "v1", .new_sqlite_classes = {"Counter"}},
                                         {.tag = "v2", .renamed_classes = {{.from = "Conter", .to = "CounterV2"}}}},
                 first_deploy());
         },
         {"rename-source-missing Conter /migrations/1/renamed_classes/0/from error"}},
        {"rename-target-exists",
         [] {
             return diagnostics_of(
                 cfdo::migration_history{{.tag = "v1", .new_sqlite_classes = {"Counter", "CounterV2"}},
                                         {.tag = "v2", .renamed_classes = {{.from = "Counter", .to = "CounterV2"}}}});
         },
         {"rename-target-exists CounterV2 /migrations/1/renamed_classes/0/to error"}},
        {"rename-to-itself",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .migrations = single(
                     {.old_tag = "v1", .new_tag = "v2", .renamed_classes = {{.from = "Counter", .to = "Counter"}}})});
         },
         {"rename-to-itself Counter /migrations/renamed_classes/0 warning"}},
        {"rename-duplicate",
         [] {
             return diagnostics_of(cfdo::worker_version{.migrations = single({
                                                            .old_tag = "v1",
                                                            .new_tag = "v2",
                                                            .renamed_classes = {{.from = "Counter", .to = "CounterV2"},
                                                                                {.from = "Counter", .to = "CounterV3"},
                                                                                {.from = "Chat", .to = "CounterV2"},
                                                                                // A chain is fine.
                                                                                {.from = "Room", .to = "Hall"},
                                                                                {.from = "Hall", .to = "Lobby"}},
                                                        })});
         },
         // (Counter and Room, which no step creates, may be deployed.)
         {"rename-source-missing Counter /migrations/renamed_classes/0/from warning",
          "rename-duplicate Counter /migrations/renamed_classes/1/from error",
          "rename-duplicate CounterV2 /migrations/renamed_classes/2/to error",
          "rename-source-missing Room /migrations/renamed_classes/3/from warning"}},
        {"delete-missing-class",
         [] {
             return diagnostics_of(cfdo::migration_history{{.tag = "v1", .new_sqlite_classes = {"Counter"}},
                                                           {.tag = "v2", .deleted_classes = {"Chat", "Counter"}},
                                                           {.tag = "v3", .deleted_classes = {"Counter"}}},
                                   first_deploy());
         },
         {"delete-missing-class Chat /migrations/1/deleted_classes/0 error",
          "delete-missing-class Counter /migrations/2/deleted_classes/0 error"}},
        {"transfer-target-exists",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .migrations = single({
                     .old_tag = "v1",
                     .new_tag = "v2",
                     .new_sqlite_classes = {"Counter"},
                     .transferred_classes = {{.from = "Counter", .from_script = "old-counter", .to = "Counter"}},
                 })});
         },
         {"transfer-target-exists Counter /migrations/transferred_classes/0/to error"}},
        {"transfer-script-empty",
         [] {
             // The transfer still creates Session: its binding adds nothing,
             // even in a whole history.
             return diagnostics_of(
                 cfdo::worker_version{
                     .bindings = {durable_object("SESSION", "Session")},
                     .migrations =
                         single({.new_tag = "v1",
                                 .transferred_classes = {{.from = "Session", .from_script = "", .to = "Session"}}})},
                 first_deploy());
         },
         {"transfer-script-empty Session /migrations/transferred_classes/0/from_script error"}},
        {"transfer-from-self",
         [] {
             // create() names the Worker "counter".
             return diagnostics_of(
                 cfdo::worker_version{
                     .migrations = single({
                         .old_tag = "v1",
                         .new_tag = "v2",
                         .transferred_classes = {{.from = "Counter", .from_script = "counter", .to = "CounterV2"}},
                     })},
                 cfdo::validation_context{});
         },
         {"transfer-from-self Counter /migrations/transferred_classes/0/from_script warning"}},
        {"migration-tag-duplicate",
         [] {
             return diagnostics_of(cfdo::migration_history{{.tag = "v1", .new_sqlite_classes = {"Counter"}},
                                                           {.tag = "v1", .new_sqlite_classes = {"Chat"}},
                                                           {.tag = "v1"}});
         },
         {"migration-tag-duplicate v1 /migrations/1/tag error", "migration-tag-duplicate v1 /migrations/2/tag error"}},
        {"migration-tag-empty",
         [] {
             return diagnostics_of(cfdo::migration_history{{.tag = "", .new_sqlite_classes = {"Counter"}},
                                                           {.tag = "v2", .new_sqlite_classes = {"Chat"}}});
         },
         {"migration-tag-empty tag /migrations/0/tag warning"}},
        {"deployed-tag-missing",
         [] {
             // v1 was pruned: wrangler replays every step with old_tag v1.
             cfdo::migration_history const pruned{{.tag = "v2", .new_sqlite_classes = {"Chat"}},
                                                  {.tag = "v3", .new_sqlite_classes = {"Room"}}};
             auto const plan = cfdo::plan_migrations(pruned, "v1");
             CHECK((plan && plan->old_tag == cfdo::text("v1") && plan->steps.size() == 2));
             return diagnostics_of(pruned, deployed_tag("v1"));
         },
         {"deployed-tag-missing v1 /migrations warning"}},
        {"migration-old-tag-mismatch",
         [] {
             // Cloudflare has v2; the payload continues from v1.
             return diagnostics_of(
                 cfdo::worker_version{.migrations =
                                          single({.old_tag = "v1", .new_tag = "v3", .new_sqlite_classes = {"Room"}})},
                 deployed_tag("v2"));
         },
         {"migration-old-tag-mismatch v2 /migrations/old_tag error"}},
        {"deployment-version-has-migrations",
         [] {
             return diagnostics_of(
                 cfdo::deployment{.version = {.migrations = single({.new_sqlite_classes = {"Counter"}})},
                                  .history = {{.tag = "v1", .new_sqlite_classes = {"Counter"}}}});
         },
         {"deployment-version-has-migrations migrations /version/migrations error"}},

        // The SDK's params of an operation (cfdo request).
        {"params-malformed",
         [] {
             return describe(cfdo::read_params<cfdo::list_objects>(
                                 boost::json::parse(R"({"account_id": "a", "id": "n", "limit": "100"})"))
                                 .diagnostics);
         },
         {"params-malformed expected an integer, got a string /limit error"}},
        {"params-unknown",
         [] {
             auto const reading = cfdo::read_params<cfdo::list_namespaces>(
                 boost::json::parse(R"({"account_id": "a", "perPage": 20, "page": 0})"));
             CHECK(reading.operation);
             return describe(reading.diagnostics);
         },
         {"params-unknown perPage /perPage error", "page-out-of-range page /page error"}},

        // Modules and the version's own fields.
        {"main-module-not-found",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.main_module = "index.mjs", .modules = {javascript_module("worker.mjs")}});
         },
         {"main-module-not-found index.mjs /main_module error"}},
        {"main-module-missing",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.modules = {javascript_module("worker.mjs"), javascript_module("util.mjs")}});
         },
         {"main-module-missing worker.mjs /main_module warning"}},
        {"module-name-duplicate",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.main_module = "worker.mjs",
                                      .modules = {javascript_module("worker.mjs"), javascript_module("worker.mjs")}});
         },
         {"module-name-duplicate worker.mjs /modules/1/name error"}},
        {"module-name-reserved",
         [] {
             return diagnostics_of(upload(cfdo::worker_version{
                 .main_module = "worker.mjs",
                 .modules = {javascript_module("worker.mjs"), module_of_type("metadata", "text/plain")}}));
         },
         {"module-name-reserved metadata /files/1/name error"}},
        {"module-name-not-sendable",
         [] {
             return diagnostics_of(upload(cfdo::worker_version{
                 .main_module = "worker.mjs",
                 .modules = {javascript_module("worker.mjs"), module_of_type("say \"hi\".txt", "text/plain"),
                             module_of_type("a\r\nb.txt", "text/plain")}}));
         },
         {"module-name-not-sendable say \"hi\".txt /files/1/name error",
          "module-name-not-sendable a\r\nb.txt /files/2/name error"}},
        {"module-content-type-not-sendable",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .main_module = "worker.mjs",
                 .modules = {javascript_module("worker.mjs"), module_of_type("notes.txt", "text/plain\r\nX: 1")}});
         },
         {"module-content-type-not-sendable notes.txt /modules/1/content_type error"}},
        {"module-content-type-unknown",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .main_module = "worker.mjs",
                 .modules = {javascript_module("worker.mjs"), module_of_type("notes.md", "text/markdown")}});
         },
         {"module-content-type-unknown notes.md /modules/1/content_type warning"}},
        {"module-content-not-base64",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .main_module = "worker.mjs",
                 .modules = {javascript_module("worker.mjs"), base64_module("data.bin", "not base64!")}});
         },
         {"module-content-not-base64 data.bin /modules/1/content_base64 error"}},
        {"module-content-base64-not-canonical",
         [] {
             return diagnostics_of(
                 cfdo::worker_version{.main_module = "worker.mjs",
                                      .modules = {javascript_module("worker.mjs"), base64_module("data.bin", "Zh==")}});
         },
         {"module-content-base64-not-canonical data.bin /modules/1/content_base64 warning"}},
        {"text-not-utf8",
         [] {
             return diagnostics_of(cfdo::worker_version{
                 .compatibility_flags = {"nodejs_compat", "caf\xe9"},
                 .bindings = {cfdo::plain_text_binding{.name = "GREETING", .text = "caf\xe9"}},
                 .migrations = single({.new_tag = "v\xff", .new_sqlite_classes = {"Counter", "Caf\xe9"}})});
         },
         {"text-not-utf8 compatibility_flags /compatibility_flags/1 error", "text-not-utf8 text /bindings/0/text error",
          "text-not-utf8 new_tag /migrations/new_tag error",
          "text-not-utf8 new_sqlite_classes /migrations/new_sqlite_classes/1 error"}},
        {"compatibility-date-invalid",
         [] { return diagnostics_of(cfdo::worker_version{.compatibility_date = "2023-02-29"}); },
         {"compatibility-date-invalid 2023-02-29 /compatibility_date error"}},
        {"compatibility-date-in-future",
         [] {
             return diagnostics_of(cfdo::worker_version{.compatibility_date = "2024-03-02"},
                                   cfdo::validation_context{.today = cfdo::date("2024-03-01")});
         },
         {"compatibility-date-in-future 2024-03-02 /compatibility_date error"}},

        // The shape of a wrangler configuration (tests/cli has them in TOML too).
        {"config-not-an-object",
         [] { return config_diagnostics_of(R"({"durable_objects": []})"); },
         {"config-not-an-object durable_objects /durable_objects error"}},
        {"config-not-an-array",
         [] { return config_diagnostics_of(R"({"migrations": {"tag": "v1"}})"); },
         {"config-not-an-array migrations /migrations error"}},
        {"config-not-a-string",
         [] { return config_diagnostics_of(R"({"migrations": [{"tag": 111}]})"); },
         {"config-not-a-string migrations[0].tag /migrations/0/tag error"}},
        {"config-not-a-boolean",
         [] {
             return config_diagnostics_of(
                 R"({"durable_objects": {"bindings": [{"name": "C", "class_name": "C", "remote": 1}]}})");
         },
         {"config-not-a-boolean durable_objects.bindings[0].remote /durable_objects/bindings/0/remote error"}},
        {"config-field-missing",
         [] { return config_diagnostics_of(R"({"durable_objects": {}})"); },
         {"config-field-missing durable_objects.bindings /durable_objects/bindings error"}},
        {"config-rename-not-from-to",
         [] { return config_diagnostics_of(R"({"migrations": [{"tag": "v1", "renamed_classes": [{"from": "A"}]}]})"); },
         {"config-rename-not-from-to migrations[0].renamed_classes[0] /migrations/0/renamed_classes/0 error"}},
        {"config-transfer-not-from-to",
         [] {
             return config_diagnostics_of(
                 R"({"migrations": [{"tag": "v1", "transferred_classes": [{"from": "A", "to": "B"}]}]})");
         },
         {"config-transfer-not-from-to migrations[0].transferred_classes[0] /migrations/0/transferred_classes/0 "
          "error"}},
        {"config-environment-missing",
         [] { return config_diagnostics_of(R"({"env": {"staging": {}}})", "production"); },
         {"config-environment-missing env.production /env/production error"}},
        {"config-environment-not-defined",
         [] { return config_diagnostics_of(R"({"name": "counter"})", "staging"); },
         {"config-environment-not-defined env.staging  warning"}},
        {"config-migrations-and-exports",
         [] {
             return config_diagnostics_of(R"({"migrations": [{"tag": "v1", "new_sqlite_classes": ["A"]}],
                                              "exports": {"A": {"type": "durable-object", "storage": "sqlite"}}})");
         },
         {"config-migrations-and-exports exports /exports error"}},
        {"config-exports-not-an-object",
         [] { return config_diagnostics_of(R"({"exports": ["A"]})"); },
         {"config-exports-not-an-object exports /exports error"}},
        {"config-export-not-an-object",
         [] { return config_diagnostics_of(R"({"exports": {"A": "sqlite"}})"); },
         {"config-export-not-an-object exports.A /exports/A error"}},
        {"config-export-type-unknown",
         [] { return config_diagnostics_of(R"({"exports": {"A": {"type": "actor"}}})"); },
         {"config-export-type-unknown exports.A.type /exports/A/type error"}},
        {"config-export-state-unknown",
         [] { return config_diagnostics_of(R"({"exports": {"A": {"type": "durable-object", "state": 1}}})"); },
         {"config-export-state-unknown exports.A.state /exports/A/state error"}},
        {"config-export-storage-invalid",
         [] { return config_diagnostics_of(R"({"exports": {"A": {"type": "durable-object", "storage": "kv"}}})"); },
         {"config-export-storage-invalid exports.A.storage /exports/A/storage error"}},
        {"config-export-field-forbidden",
         [] {
             return config_diagnostics_of(
                 R"({"exports": {"A": {"type": "durable-object", "state": "deleted", "renamed_to": "B"}}})");
         },
         {"config-export-field-forbidden exports.A.renamed_to /exports/A/renamed_to error"}},
        {"config-export-target-missing",
         [] {
             return config_diagnostics_of(R"({"exports": {"A": {"type": "durable-object", "state": "transferred"}}})");
         },
         {"config-export-target-missing exports.A.transferred_to /exports/A/transferred_to error"}},
        {"config-export-renamed-to-invalid",
         [] {
             return config_diagnostics_of(
                 R"({"exports": {"A": {"type": "durable-object", "state": "renamed", "renamed_to": "A"}}})");
         },
         {"config-export-renamed-to-invalid exports.A.renamed_to /exports/A/renamed_to error"}},
        {"config-export-name-empty",
         [] { return config_diagnostics_of(R"({"exports": {"": {"type": "durable-object", "storage": "sqlite"}}})"); },
         {"config-export-name-empty exports /exports/ error"}},
        {"config-export-container-on-legacy-kv",
         [] {
             return config_diagnostics_of(
                 R"({"exports": {"A": {"type": "durable-object", "storage": "legacy-kv", "container": "a"}}})");
         },
         {"config-export-container-on-legacy-kv exports.A.container /exports/A/container error"}},
        {"config-export-container-unknown",
         [] {
             return config_diagnostics_of(
                 R"({"containers": [], "exports": {"A": {"type": "durable-object", "storage": "sqlite", "container": "a"}}})");
         },
         {"config-export-container-unknown exports.A.container /exports/A/container error"}},
        {"config-export-container-shared",
         [] {
             return config_diagnostics_of(
                 R"({"containers": [{"name": "box", "scheduling_policy": "durable_object"}], "exports": {"A": {"type": "durable-object", "storage": "sqlite", "container": "box"}, "B": {"type": "durable-object", "storage": "sqlite", "container": "box"}}})");
         },
         {"config-export-container-shared exports.B.container /exports/B/container error"}},
        {"config-not-a-whole-number",
         [] {
             return config_diagnostics_of(
                 R"({"queues": {"producers": [{"binding": "JOBS", "queue": "jobs", "delivery_delay": -1}]}})");
         },
         {"config-not-a-whole-number queues.producers[0].delivery_delay /queues/producers/0/delivery_delay error"}},
        {"config-fields-exclusive",
         [] {
             return config_diagnostics_of(
                 R"({"vpc_networks": [{"binding": "NET", "tunnel_id": "t1", "network_id": "n1"}]})");
         },
         {"config-fields-exclusive vpc_networks[0].network_id /vpc_networks/0/network_id error"}},
        {"config-ratelimit-period",
         [] {
             return config_diagnostics_of(R"({"ratelimits": [{"name": "RL", "namespace_id": "1001",
                                                              "simple": {"limit": 10, "period": 30}}]})");
         },
         {"config-ratelimit-period ratelimits[0].simple.period /ratelimits/0/simple/period error"}},
        {"config-value-malformed",
         [] { return config_diagnostics_of(R"({"limits": {"cpu_ms": "fifty"}})"); },
         {"config-value-malformed limits.cpu_ms /limits/cpu_ms error"}},
        {"config-field-unknown",
         [] { return config_diagnostics_of(R"({"migrations": [{"tag": "v1", "new_class": ["A"]}]})"); },
         {"config-field-unknown migrations[0].new_class /migrations/0/new_class warning"}},
        {"config-durable-objects-not-inherited",
         [] {
             return config_diagnostics_of(
                 R"({"durable_objects": {"bindings": [{"name": "C", "class_name": "C"}]}, "env": {"staging": {}}})",
                 "staging");
         },
         {"config-durable-objects-not-inherited C /env/staging warning"}},
    };

    SECTION("each example gets exactly its diagnostics") {
        for (auto const& e : examples) {
            DYNAMIC_SECTION(e.rule) {
                auto const found = e.diagnostics();
                CHECK(found == e.expected);
                // The example breaks its rule, with the catalogue's severity.
                auto const* rule = cfdo::find_rule(e.rule);
                REQUIRE(rule);
                std::string const suffix(cfdo::to_string(rule->level));
                CHECK(std::any_of(found.begin(), found.end(), [&](std::string const& line) {
                    return line.starts_with(std::string(e.rule) + " ") && line.ends_with(" " + suffix);
                }));
            }
        }
    }
    SECTION("every rule of the catalogue has an example, and every example a rule") {
        std::set<std::string_view> exemplified;
        for (auto const& e : examples) {
            CHECK(cfdo::find_rule(e.rule));
            CHECK(exemplified.insert(e.rule).second);
        }
        for (auto const& rule : cfdo::rule_catalogue) {
            INFO(rule.id);
            CHECK(exemplified.contains(rule.id));
        }
    }
}

TEST_CASE("the catalogue: ids, severities, Cloudflare codes", "[rules]") {
    std::set<std::string_view> ids;
    for (auto const& rule : cfdo::rule_catalogue) {
        INFO(rule.id);
        CHECK(ids.insert(rule.id).second);
        CHECK(!rule.id.empty());
        CHECK(std::all_of(rule.id.begin(), rule.id.end(),
                          [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }));
        CHECK_FALSE(rule.id.starts_with("-"));
        CHECK_FALSE(rule.id.ends_with("-"));
        CHECK(rule.id.find("--") == std::string_view::npos);
        // A verbatim Cloudflare message comes with its code.
        if (!rule.cloudflare_message.empty()) CHECK(rule.cloudflare_code != 0);
    }
    auto code_of = [](std::string_view id) { return cfdo::find_rule(id)->cloudflare_code; };
    CHECK(code_of("binding-class-not-created") == 10061);
    CHECK(code_of("delete-while-bound") == 10061);
    CHECK(code_of("new-class-exists") == 10074);
    CHECK(code_of("kv-class-converted-to-sqlite") == 10074);
    CHECK(code_of("delete-missing-class") == 10074);
    CHECK(code_of("deployed-tag-missing") == 10074);
    CHECK(code_of("new-class-not-exported") == 10070);
    CHECK(code_of("live-class-not-exported") == 10064);
    CHECK(code_of("binding-to-deleted-class") == 10061);
    CHECK(code_of("transfer-script-empty") == 0);
    CHECK(cfdo::find_rule("binding-to-deleted-class")->level == cfdo::severity::error);
    CHECK(cfdo::find_rule("transfer-script-empty")->level == cfdo::severity::error);
    // A binding to a deleted class gets the answer of any binding to a class
    // that is not a Durable Object class.
    CHECK(cfdo::find_rule("binding-to-deleted-class")->cloudflare_message ==
          cfdo::find_rule("binding-class-not-created")->cloudflare_message);
    CHECK(cfdo::find_rule("live-class-not-exported")->cloudflare_message ==
          "New version of script does not export class 'X' which is depended on by existing Durable Objects. Did "
          "you forget to include it? If you renamed it, try a rename-class migration. If you want to delete all the "
          "Durable Objects implemented by the class, you can use a delete-class migration");
    CHECK(cfdo::find_rule("binding-class-not-created")->cloudflare_message ==
          "Cannot create binding for class 'X' because it is not currently configured to implement Durable "
          "Objects. Ensure a --new-class migration has been applied to it.");
    CHECK(cfdo::find_rule("delete-while-bound")->cloudflare_message ==
          "Cannot apply --delete-class migration to class 'X' without also removing the binding that references "
          "it.");
}

TEST_CASE("make_request refuses errors but builds despite warnings", "[rules][request]") {
    SECTION("warnings only: the request is built, with the configuration as given") {
        auto const version = only_warnings();
        CHECK(diagnostics_of(version) == lines{"binding-name-not-identifier api-key /bindings/0/name warning",
                                               "binding-class-not-created Counter /bindings/1/class_name warning",
                                               "module-content-type-unknown worker.mjs /modules/0/content_type warning",
                                               "main-module-missing worker.mjs /main_module warning"});
        auto const request = cfdo::make_request(create(version));
        auto const& body = std::get<cfdo::json_body>(request.body).value;
        CHECK(body.at("bindings").as_array().size() == 2);
        CHECK(body.at("modules").at(0).at("content_type") == "text/markdown");
    }
    SECTION("one error among warnings: refused, and the message names the error only") {
        auto version = only_warnings();
        version.main_module = "index.mjs";
        try {
            (void)cfdo::make_request(create(version));
            FAIL("make_request built a request that breaks a rule");
        } catch (cfdo::invalid_request const& e) {
            CHECK(describe(e.diagnostics()) ==
                  lines{"binding-name-not-identifier api-key /bindings/0/name warning",
                        "binding-class-not-created Counter /bindings/1/class_name warning",
                        "module-content-type-unknown worker.mjs /modules/0/content_type warning",
                        "main-module-not-found index.mjs /main_module error"});
            CHECK(std::string(e.what()) ==
                  "cfdo: invalid request\n"
                  "  /main_module: error[main-module-not-found]: main_module 'index.mjs' names no module of the "
                  "version; name one of its modules");
        }
    }
    SECTION("a compatibility date in the future is refused at run time, against today") {
        CHECK(diagnostics_of(cfdo::worker_version{.compatibility_date = "9999-12-31"}) ==
              lines{"compatibility-date-in-future 9999-12-31 /compatibility_date error"});
        CHECK(diagnostics_of(cfdo::worker_version{.compatibility_date = "2024-03-01"}).empty());
    }
}

TEST_CASE("compatibility-date-in-future compares with the context's today", "[rules]") {
    auto at = [](cfdo::date written, cfdo::date today) {
        return describe(cfdo::validate(cfdo::worker_version{.compatibility_date = written},
                                       cfdo::validation_context{.today = today}));
    };
    CHECK(at("2024-03-01", "2024-03-01").empty());
    CHECK(at("2024-02-29", "2024-03-01").empty());
    CHECK(at("2024-03-02", "2024-03-01") == lines{"compatibility-date-in-future 2024-03-02 /compatibility_date error"});
    CHECK(at("2025-01-01", "2024-12-31") == lines{"compatibility-date-in-future 2025-01-01 /compatibility_date error"});
    SECTION("an invalid date is reported as invalid, not as in the future") {
        CHECK(at("2024-02-30", "2024-01-01") ==
              lines{"compatibility-date-invalid 2024-02-30 /compatibility_date error"});
    }
    SECTION("while compiling, without a today, the date is not compared") {
        constexpr auto far_future = [] {
            return cfdo::validate(cfdo::worker_version{.compatibility_date = "9999-12-31"}).empty();
        };
        STATIC_REQUIRE(far_future());
    }
}

TEST_CASE("compatibility-date-invalid quotes a date literal not written YYYY-MM-DD", "[rules]") {
    // Kept while compiling (run time throws instead): what cfdo::valid prints.
    constexpr auto quoted = [] {
        auto const found = cfdo::validate(cfdo::worker_version{.compatibility_date = "2024-3-1"});
        return found.size() == 1 && found[0].rule == "compatibility-date-invalid" && found[0].subject == "2024-3-1" &&
               found[0].path == "/compatibility_date";
    };
    STATIC_REQUIRE(quoted());
    constexpr cfdo::date march_first("2024-3-1");
    CHECK(describe(cfdo::validate(cfdo::worker_version{.compatibility_date = march_first})) ==
          lines{"compatibility-date-invalid 2024-3-1 /compatibility_date error"});
}

// ---------------------------------------------------------------------------
// Layouts: where the diagnostics point.

namespace {

// A version that breaks a rule in each of its fields.
cfdo::worker_version broken_everywhere() {
    return {
        .main_module = "index.mjs",
        .compatibility_date = "2023-02-29",
        .bindings = {durable_object("COUNTER", "Counter"), durable_object("CHAT", "Chat")},
        .migrations = cfdo::multi_step_migration{.new_tag = "v2",
                                                 .steps = {{.new_sqlite_classes = {"Counter"}},
                                                           {.renamed_classes = {{.from = "Room", .to = "Hall"}}}}},
        .modules = {javascript_module("worker.mjs"), base64_module("data.bin", "!")},
    };
}

} // namespace

TEST_CASE("layouts: the pointers of a version creation and of a script upload", "[rules]") {
    // Checked as a first deploy, so that its migrations are the whole
    // history and every mistake in them is an error.
    SECTION("a version alone and create_version: the version's fields at the top") {
        lines const expected{
            "rename-source-missing Room /migrations/steps/1/renamed_classes/0/from error",
            "binding-class-not-created Chat /bindings/1/class_name error",
            "module-content-not-base64 data.bin /modules/1/content_base64 error",
            "main-module-not-found index.mjs /main_module error",
            "compatibility-date-invalid 2023-02-29 /compatibility_date error",
        };
        CHECK(describe(cfdo::validate(broken_everywhere(), first_deploy())) == expected);
        CHECK(describe(cfdo::validate(create(broken_everywhere()), first_deploy())) == expected);
    }
    SECTION("upload_script: the version under /metadata, its modules under /files") {
        CHECK(describe(cfdo::validate(upload(broken_everywhere()), first_deploy())) ==
              lines{
                  "rename-source-missing Room /metadata/migrations/steps/1/renamed_classes/0/from error",
                  "binding-class-not-created Chat /metadata/bindings/1/class_name error",
                  "module-content-not-base64 data.bin /files/1/content_base64 error",
                  "main-module-not-found index.mjs /metadata/main_module error",
                  "compatibility-date-invalid 2023-02-29 /metadata/compatibility_date error",
              });
    }
    SECTION("without the context, the same pointers, for what a payload without old_tag can tell") {
        CHECK(diagnostics_of(upload(broken_everywhere())) ==
              lines{
                  "rename-source-missing Room /metadata/migrations/steps/1/renamed_classes/0/from warning",
                  "binding-class-not-created Chat /metadata/bindings/1/class_name warning",
                  "module-content-not-base64 data.bin /files/1/content_base64 error",
                  "main-module-not-found index.mjs /metadata/main_module error",
                  "compatibility-date-invalid 2023-02-29 /metadata/compatibility_date error",
              });
    }
    SECTION("the parameters come first, then the version") {
        cfdo::upload_script op = upload(broken_everywhere());
        op.script_name = "a/b";
        auto const found = describe(cfdo::validate(op, first_deploy()));
        REQUIRE(found.size() == 6);
        CHECK(found[0] == "path-parameter-slash script_name /script_name error");
        CHECK(diagnostics_of(op).size() == 6);
    }
    SECTION("the single-step form: directives beside the tags") {
        CHECK(describe(cfdo::validate(
                  upload(cfdo::worker_version{
                      .migrations = single({.new_tag = "v1", .renamed_classes = {{.from = "A", .to = "B"}}})}),
                  first_deploy())) ==
              lines{"rename-source-missing A /metadata/migrations/renamed_classes/0/from error"});
    }
    SECTION("pointers into the context's history: /migrations/i, or the layout's history base") {
        cfdo::migration_history const history{{.tag = "v1", .new_sqlite_classes = {"Counter"}},
                                              {.tag = "v2", .renamed_classes = {{.from = "Counter", .to = "Tally"}}}};
        cfdo::validation_context const context{.exported_classes = std::vector<cfdo::text>{}, .history = history};
        auto const version = cfdo::worker_version{.bindings = {durable_object("TALLY", "Tally")}};
        CHECK(describe(cfdo::validate(create(version), context)) ==
              lines{"binding-class-not-exported Tally /bindings/0/class_name error",
                    "live-class-not-exported Tally /migrations/1/renamed_classes/0/to error"});
        CHECK(describe(cfdo::validate(upload(version), context)) ==
              lines{"binding-class-not-exported Tally /metadata/bindings/0/class_name error",
                    "live-class-not-exported Tally /migrations/1/renamed_classes/0/to error"});
        cfdo::version_layout const elsewhere{"/v", "/v/modules", "/config/migrations"};
        CHECK(describe(cfdo::validate(version, context, elsewhere)) ==
              lines{"binding-class-not-exported Tally /v/bindings/0/class_name error",
                    "live-class-not-exported Tally /config/migrations/1/renamed_classes/0/to error"});
    }
    SECTION("part names are an upload's concern only") {
        auto const version =
            cfdo::worker_version{.main_module = "worker.mjs",
                                 .modules = {javascript_module("worker.mjs"), module_of_type("metadata", "text/plain"),
                                             module_of_type("say \"hi\".txt", "text/plain")}};
        CHECK(diagnostics_of(version).empty());
        CHECK(diagnostics_of(upload(version)) == lines{"module-name-reserved metadata /files/1/name error",
                                                       "module-name-not-sendable say \"hi\".txt /files/2/name error"});
    }
    SECTION("text-not-utf8 in the modules") {
        auto const version =
            cfdo::worker_version{.main_module = "w\xe9.mjs", .modules = {javascript_module("w\xe9.mjs")}};
        CHECK(diagnostics_of(version) ==
              lines{"text-not-utf8 main_module /main_module error", "text-not-utf8 name /modules/0/name error"});
        CHECK(diagnostics_of(upload(version)) ==
              lines{"text-not-utf8 main_module /metadata/main_module error", "text-not-utf8 name /files/0/name error"});
    }
}

// A JSON pointer escapes '/' inside a key as "~1" (RFC 6901), and the
// annotations' keys are "workers/message" and "workers/tag".
TEST_CASE("pointers into the annotations escape the '/' of their keys", "[rules]") {
    auto const version = cfdo::worker_version{.annotations = cfdo::version_annotations{.message = "d\xe9ploy"}};
    CHECK(diagnostics_of(version) == lines{"text-not-utf8 workers/message /annotations/workers~1message error"});
    CHECK(diagnostics_of(upload(version)) ==
          lines{"text-not-utf8 workers/message /metadata/annotations/workers~1message error"});
}

// ---------------------------------------------------------------------------
// Verdicts under an assumption about the deployed Worker: what a payload
// relies on without creating it depends on what Cloudflare has.

TEST_CASE("unknown state: what a payload relies on without creating it is a warning", "[rules][assumption]") {
    auto continuing = [](cfdo::single_step_migration step, std::vector<cfdo::binding> bindings = {}) {
        step.old_tag = "v1";
        step.new_tag = "v2";
        return diagnostics_of(cfdo::worker_version{.bindings = std::move(bindings), .migrations = single(step)});
    };
    SECTION("renaming, deleting or binding a class it does not create") {
        CHECK(continuing({.renamed_classes = {{.from = "Counter", .to = "CounterV2"}}}) ==
              lines{"rename-source-missing Counter /migrations/renamed_classes/0/from warning"});
        CHECK(continuing({.deleted_classes = {"Counter"}}) ==
              lines{"delete-missing-class Counter /migrations/deleted_classes/0 warning"});
        CHECK(continuing({.new_sqlite_classes = {"Chat"}},
                         {durable_object("COUNTER", "Counter"), durable_object("CHAT", "Chat")}) ==
              lines{"binding-class-not-created Counter /bindings/0/class_name warning"});
        // The same without tags, or without migrations at all.
        CHECK(diagnostics_of(cfdo::worker_version{.migrations = single({.deleted_classes = {"Counter"}})}) ==
              lines{"delete-missing-class Counter /migrations/deleted_classes/0 warning"});
        CHECK(diagnostics_of(cfdo::worker_version{.bindings = {durable_object("COUNTER", "Counter")}}) ==
              lines{"binding-class-not-created Counter /bindings/0/class_name warning"});
    }
    SECTION("the warnings say what is assumed and how to make the verdict exact") {
        auto const found = cfdo::validate(cfdo::worker_version{.bindings = {durable_object("COUNTER", "Counter")}});
        REQUIRE(found.size() == 1);
        CHECK(found[0].depends_on_state);
        CHECK(cfdo::message_of(found[0]) ==
              "no migration of this configuration creates class 'Counter', which a binding of this Worker uses: "
              "Cloudflare accepts the binding only if the class is already deployed; give the deployed state (cfdo "
              "check --state, or --first-deploy) to decide");
    }
    SECTION("what the payload itself does is folded exactly: errors in every deployed state") {
        CHECK(continuing({.new_sqlite_classes = {"Counter", "Counter"}}) ==
              lines{"new-class-exists Counter /migrations/new_sqlite_classes/1 error"});
        // A class first mentioned by a directive that creates it did not
        // exist before, as far as the payload says.
        CHECK(continuing({.new_classes = {"Counter"}}).empty());
        CHECK(continuing(
                  {.new_sqlite_classes = {"CounterV2"}, .renamed_classes = {{.from = "Counter", .to = "CounterV2"}}}) ==
              lines{"rename-source-missing Counter /migrations/renamed_classes/0/from warning",
                    "new-class-exists CounterV2 /migrations/new_sqlite_classes/0 error"});
        CHECK(diagnostics_of(cfdo::worker_version{
                  .migrations = cfdo::multi_step_migration{.old_tag = "v1",
                                                           .new_tag = "v3",
                                                           .steps = {{.new_sqlite_classes = {"CounterV2"}},
                                                                     {.renamed_classes = {{.from = "Counter",
                                                                                           .to = "CounterV2"}}}}}}) ==
              lines{"rename-source-missing Counter /migrations/steps/1/renamed_classes/0/from warning",
                    "rename-target-exists CounterV2 /migrations/steps/1/renamed_classes/0/to error"});
        CHECK(continuing({.deleted_classes = {"Counter"}}, {durable_object("COUNTER", "Counter")}) ==
              lines{"delete-missing-class Counter /migrations/deleted_classes/0 warning",
                    "delete-while-bound Counter /bindings/0/class_name error"});
        CHECK(diagnostics_of(cfdo::worker_version{
                  .migrations = cfdo::multi_step_migration{.old_tag = "v1",
                                                           .new_tag = "v3",
                                                           .steps = {{.deleted_classes = {"Counter"}},
                                                                     {.deleted_classes = {"Counter"}}}}}) ==
              lines{"delete-missing-class Counter /migrations/steps/0/deleted_classes/0 warning",
                    "delete-missing-class Counter /migrations/steps/1/deleted_classes/0 error"});
        CHECK(diagnostics_of(cfdo::migration_history{{.tag = "v1", .new_classes = {"Counter"}},
                                                     {.tag = "v2", .new_sqlite_classes = {"Counter"}}}) ==
              lines{"kv-class-converted-to-sqlite Counter /migrations/1/new_sqlite_classes/0 error"});
    }
    SECTION("a class deleted, then created again: the delete relies on it") {
        CHECK(diagnostics_of(cfdo::worker_version{
                  .bindings = {durable_object("COUNTER", "Counter")},
                  .migrations = cfdo::multi_step_migration{.steps = {{.deleted_classes = {"Counter"}},
                                                                     {.new_sqlite_classes = {"Counter"}}}}}) ==
              lines{"delete-missing-class Counter /migrations/steps/0/deleted_classes/0 warning"});
    }
}

TEST_CASE("first deploy: nothing is deployed, every verdict is exact", "[rules][assumption]") {
    auto first = [](cfdo::single_step_migration step, std::vector<cfdo::binding> bindings = {}) {
        step.new_tag = "v1";
        return diagnostics_of(cfdo::worker_version{.bindings = std::move(bindings), .migrations = single(step)},
                              first_deploy());
    };
    CHECK(first({.renamed_classes = {{.from = "Counter", .to = "CounterV2"}}}) ==
          lines{"rename-source-missing Counter /migrations/renamed_classes/0/from error"});
    CHECK(first({.deleted_classes = {"Counter"}}) ==
          lines{"delete-missing-class Counter /migrations/deleted_classes/0 error"});
    CHECK(first({}, {durable_object("COUNTER", "Counter")}) ==
          lines{"binding-class-not-created Counter /bindings/0/class_name error"});
    CHECK(first({.new_sqlite_classes = {"Counter"}}, {durable_object("COUNTER", "Counter")}).empty());
    SECTION("no migrations at all") {
        auto const version = cfdo::worker_version{.bindings = {durable_object("COUNTER", "Counter")}};
        CHECK(diagnostics_of(version, first_deploy()) ==
              lines{"binding-class-not-created Counter /bindings/0/class_name error"});
    }
    SECTION("an old_tag on a Worker without one: Cloudflare refuses it (10079)") {
        CHECK(diagnostics_of(cfdo::worker_version{.migrations = single({.old_tag = "v1", .new_sqlite_classes = {"A"}})},
                             first_deploy()) == lines{"migration-old-tag-mismatch none /migrations/old_tag error"});
    }
    SECTION("the typo a compiler flags: did you mean") {
        auto const found = cfdo::validate(cfdo::worker_version{.bindings = {durable_object("COUNTER", "Conter")},
                                                               .migrations = single({.new_classes = {"Counter"}})},
                                          first_deploy());
        REQUIRE(found.size() == 1);
        CHECK(found[0].suggestion == "Counter");
        CHECK(cfdo::message_of(found[0]).ends_with("; did you mean 'Counter'?"));
    }
}

TEST_CASE("deployed state: the live classes and the tag decide exactly", "[rules][assumption]") {
    auto const counter_kv = cfdo::validation_context{.deployed = deployed_state("v1", {kv_class("Counter")})};
    auto const counter_sqlite = cfdo::validation_context{.deployed = deployed_state("v1", {sqlite_class("Counter")})};
    auto step = [](cfdo::single_step_migration s) {
        s.old_tag = "v1";
        s.new_tag = "v2";
        return single(s);
    };
    SECTION("a live KV class moved to new_sqlite_classes") {
        CHECK(
            diagnostics_of(cfdo::worker_version{.migrations = step({.new_sqlite_classes = {"Counter"}})}, counter_kv) ==
            lines{"kv-class-converted-to-sqlite Counter /migrations/new_sqlite_classes/0 error"});
        CHECK(diagnostics_of(cfdo::worker_version{.migrations = step({.new_sqlite_classes = {"Counter"}})},
                             counter_sqlite) ==
              lines{"new-class-exists Counter /migrations/new_sqlite_classes/0 error"});
    }
    SECTION("a rename onto a live class, and a rename or delete of one that is not live") {
        CHECK(
            diagnostics_of(
                cfdo::worker_version{.migrations = step({.renamed_classes = {{.from = "Chat", .to = "Counter"}}})},
                cfdo::validation_context{.deployed = deployed_state("v1", {kv_class("Counter"), kv_class("Chat")})}) ==
            lines{"rename-target-exists Counter /migrations/renamed_classes/0/to error"});
        CHECK(diagnostics_of(
                  cfdo::worker_version{.migrations = step({.renamed_classes = {{.from = "Chat", .to = "Room"}}})},
                  counter_kv) == lines{"rename-source-missing Chat /migrations/renamed_classes/0/from error"});
        CHECK(diagnostics_of(cfdo::worker_version{.migrations = step({.deleted_classes = {"Chat"}})}, counter_kv) ==
              lines{"delete-missing-class Chat /migrations/deleted_classes/0 error"});
    }
    SECTION("creating a class that is live") {
        CHECK(diagnostics_of(cfdo::worker_version{.migrations = step({.new_classes = {"Counter"}})}, counter_kv) ==
              lines{"new-class-exists Counter /migrations/new_classes/0 error"});
    }
    SECTION("bindings: to a live class, to one neither live nor created, with a delete") {
        CHECK(diagnostics_of(cfdo::worker_version{.bindings = {durable_object("COUNTER", "Counter")}}, counter_kv)
                  .empty());
        CHECK(diagnostics_of(cfdo::worker_version{.bindings = {durable_object("CHAT", "Chat")}}, counter_kv) ==
              lines{"binding-class-not-created Chat /bindings/0/class_name error"});
        CHECK(diagnostics_of(cfdo::worker_version{.bindings = {durable_object("COUNTER", "Counter")},
                                                  .migrations = step({.deleted_classes = {"Counter"}})},
                             counter_kv) == lines{"delete-while-bound Counter /bindings/0/class_name error"});
    }
    SECTION("a live class missing from the exports is 10064, at the top (it is the state's, not the file's)") {
        auto context = counter_kv;
        context.exported_classes = std::vector<cfdo::text>{};
        CHECK(diagnostics_of(cfdo::worker_version{}, context) == lines{"live-class-not-exported Counter  error"});
    }
    SECTION("old_tag must be the deployed tag") {
        CHECK(diagnostics_of(cfdo::worker_version{.migrations = step({.new_sqlite_classes = {"Chat"}})}, counter_kv)
                  .empty());
        CHECK(diagnostics_of(cfdo::worker_version{.migrations = single({.new_sqlite_classes = {"Chat"}})},
                             counter_kv) == lines{"migration-old-tag-mismatch v1 /migrations error"});
        CHECK(diagnostics_of(
                  cfdo::worker_version{.migrations = single({.old_tag = "v0", .new_sqlite_classes = {"Chat"}})},
                  counter_kv) == lines{"migration-old-tag-mismatch v1 /migrations/old_tag error"});
        // A Worker without a tag takes migrations without old_tag.
        CHECK(diagnostics_of(cfdo::worker_version{.migrations = single({.new_sqlite_classes = {"Chat"}})},
                             cfdo::validation_context{.deployed = deployed_state(std::nullopt, {kv_class("Counter")})})
                  .empty());
    }
    SECTION("a deployed tag alone: the tag decides, the classes stay unknown") {
        CHECK(diagnostics_of(cfdo::worker_version{.bindings = {durable_object("COUNTER", "Counter")}},
                             deployed_tag("v1")) ==
              lines{"binding-class-not-created Counter /bindings/0/class_name warning"});
        CHECK(diagnostics_of(cfdo::worker_version{.migrations = single({.new_sqlite_classes = {"Chat"}})},
                             deployed_tag("v1")) == lines{"migration-old-tag-mismatch v1 /migrations error"});
    }
}

TEST_CASE("bindings to another Worker's class are not checked locally", "[rules][history]") {
    auto const remote = cfdo::binding{
        cfdo::durable_object_binding{.name = "AUTH", .class_name = "Session", .script_name = "auth-worker"}};
    CHECK(diagnostics_of(cfdo::worker_version{.bindings = {remote}}).empty());
    CHECK(diagnostics_of(cfdo::worker_version{.bindings = {remote}}, first_deploy()).empty());
    CHECK(
        diagnostics_of(cfdo::worker_version{.bindings = {remote},
                                            .migrations = single({.new_tag = "v1", .new_sqlite_classes = {"Counter"}})},
                       first_deploy())
            .empty());
    CHECK(diagnostics_of(cfdo::worker_version{.bindings = {remote}}, exporting({"Counter"})).empty());
    SECTION("even when this Worker deletes a class of the same name") {
        CHECK(diagnostics_of(
                  cfdo::worker_version{.bindings = {remote},
                                       .migrations =
                                           single({.old_tag = "v1", .new_tag = "v2", .deleted_classes = {"Session"}})},
                  {.deployed = deployed_state("v1", {sqlite_class("Session")})})
                  .empty());
        CHECK(diagnostics_of(cfdo::worker_version{.bindings = {remote}},
                             knowing({{.tag = "v1", .new_sqlite_classes = {"Session"}},
                                      {.tag = "v2", .deleted_classes = {"Session"}}}))
                  .empty());
    }
    SECTION("a script_name that is this Worker's own name is a local binding") {
        auto const own = cfdo::binding{
            cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter", .script_name = worker}};
        auto const creating_chat = cfdo::worker_version{
            .bindings = {own}, .migrations = single({.new_tag = "v1", .new_sqlite_classes = {"Chat"}})};
        CHECK(describe(cfdo::validate(create(creating_chat), first_deploy())) ==
              lines{"binding-class-not-created Counter /bindings/0/class_name error"});
        CHECK(diagnostics_of(create(creating_chat)) ==
              lines{"binding-class-not-created Counter /bindings/0/class_name warning"});
        CHECK(diagnostics_of(create(cfdo::worker_version{.bindings = {own}})) ==
              lines{"binding-class-not-created Counter /bindings/0/class_name warning"});
    }
}

TEST_CASE("the directives of a step apply in order: deleted, renamed, new, new_sqlite, transferred",
          "[rules][history]") {
    // A first deploy: the payload is the whole history, so a directive that
    // does not apply is an error.
    auto whole = [](cfdo::migration_step second) {
        return diagnostics_of(
            cfdo::worker_version{
                .migrations =
                    cfdo::multi_step_migration{
                        .new_tag = "v2", .steps = {{.new_sqlite_classes = {"Counter", "Chat"}}, std::move(second)}}},
            first_deploy());
    };
    SECTION("delete, then rename onto the freed name") {
        CHECK(whole({.renamed_classes = {{.from = "Counter", .to = "Chat"}}, .deleted_classes = {"Chat"}}).empty());
    }
    SECTION("delete, then create again (with new storage)") {
        CHECK(whole({.new_classes = {"Chat"}, .deleted_classes = {"Chat"}}).empty());
    }
    SECTION("rename, then create under the old name") {
        CHECK(whole({.new_sqlite_classes = {"Counter"}, .renamed_classes = {{.from = "Counter", .to = "CounterV2"}}})
                  .empty());
    }
    SECTION("create, then transfer onto it: the transfer comes last") {
        CHECK(whole({.new_sqlite_classes = {"Room"},
                     .transferred_classes = {{.from = "Room", .from_script = "rooms", .to = "Room"}}}) ==
              lines{"transfer-target-exists Room /migrations/steps/1/transferred_classes/0/to error"});
    }
    SECTION("rename away a class created in the same step: the rename comes first") {
        CHECK(whole({.new_sqlite_classes = {"Room"}, .renamed_classes = {{.from = "Room", .to = "Hall"}}}) ==
              lines{"rename-source-missing Room /migrations/steps/1/renamed_classes/0/from error"});
    }
    SECTION("a chain over steps") {
        CHECK(diagnostics_of(
                  cfdo::migration_history{{.tag = "v1", .new_sqlite_classes = {"Counter"}},
                                          {.tag = "v2", .renamed_classes = {{.from = "Counter", .to = "CounterV2"}}},
                                          {.tag = "v3", .renamed_classes = {{.from = "CounterV2", .to = "CounterV3"}}}})
                  .empty());
    }
    SECTION("storage survives a rename") {
        CHECK(diagnostics_of(
                  cfdo::migration_history{{.tag = "v1", .new_classes = {"Counter"}},
                                          {.tag = "v2", .renamed_classes = {{.from = "Counter", .to = "CounterV2"}}},
                                          {.tag = "v3", .new_sqlite_classes = {"CounterV2"}}}) ==
              lines{"kv-class-converted-to-sqlite CounterV2 /migrations/2/new_sqlite_classes/0 error"});
    }
}

// rename-duplicate keeps the sources and the targets of a step apart: each
// class is renamed from at most once and to at most once per step.
TEST_CASE("renames in one step: a chain is fine, a class renamed from or to twice is not", "[rules][history]") {
    SECTION("a chain A to B, B to C in one step") {
        cfdo::migration_history const chain{
            {.tag = "v1", .new_sqlite_classes = {"A"}},
            {.tag = "v2", .renamed_classes = {{.from = "A", .to = "B"}, {.from = "B", .to = "C"}}}};
        CHECK(diagnostics_of(chain).empty());
        // A and B are renamed away; C holds the objects.
        cfdo::validation_context const context{.history = chain};
        CHECK(diagnostics_of(cfdo::worker_version{.bindings = {durable_object("A", "A"), durable_object("B", "B"),
                                                               durable_object("C", "C")}},
                             context) == lines{"binding-to-renamed-class A /bindings/0/class_name error",
                                               "binding-to-renamed-class B /bindings/1/class_name error"});
        // Exported classes: C only.
        CHECK(diagnostics_of(chain, exporting({"C"})).empty());
    }
    SECTION("the chain written the other way round: B to C, then A to B") {
        CHECK(
            diagnostics_of(cfdo::migration_history{
                               {.tag = "v1", .new_sqlite_classes = {"A", "B"}},
                               {.tag = "v2", .renamed_classes = {{.from = "B", .to = "C"}, {.from = "A", .to = "B"}}}})
                .empty());
    }
    SECTION("in a payload, whatever its mode") {
        auto const chain = single({.old_tag = "v1",
                                   .new_tag = "v2",
                                   .renamed_classes = {{.from = "A", .to = "B"}, {.from = "B", .to = "C"}}});
        auto const a_deployed = cfdo::validation_context{.deployed = deployed_state("v1", {sqlite_class("A")})};
        CHECK(diagnostics_of(cfdo::worker_version{.bindings = {durable_object("C", "C")}, .migrations = chain},
                             a_deployed)
                  .empty());
        // (Unknown, the chain relies on A being deployed.)
        CHECK(diagnostics_of(cfdo::worker_version{
                  .bindings = {durable_object("C", "C")},
                  .migrations = single({.renamed_classes = {{.from = "A", .to = "B"}, {.from = "B", .to = "C"}}})}) ==
              lines{"rename-source-missing A /migrations/renamed_classes/0/from warning"});
    }
    SECTION("from the same class twice, or to the same class twice") {
        CHECK(
            diagnostics_of(cfdo::migration_history{
                {.tag = "v1", .new_sqlite_classes = {"A", "B"}},
                {.tag = "v2",
                 .renamed_classes = {{.from = "A", .to = "C"}, {.from = "A", .to = "D"}, {.from = "B", .to = "C"}}}}) ==
            lines{"rename-duplicate A /migrations/1/renamed_classes/1/from error",
                  "rename-duplicate C /migrations/1/renamed_classes/2/to error"});
    }
    SECTION("a swap in one step is refused: each target exists when it is renamed to") {
        CHECK(diagnostics_of(cfdo::migration_history{
                  {.tag = "v1", .new_sqlite_classes = {"A", "B"}},
                  {.tag = "v2", .renamed_classes = {{.from = "A", .to = "B"}, {.from = "B", .to = "A"}}}}) ==
              lines{"rename-target-exists B /migrations/1/renamed_classes/0/to error",
                    "rename-target-exists A /migrations/1/renamed_classes/1/to error"});
    }
}

// A transfer names its source class and Worker; a problem with either is
// reported, and the target is still created, so its bindings add nothing.
TEST_CASE("transfers: from_script must name a Worker, and the target is created anyway", "[rules][history]") {
    auto transferring = [](cfdo::transferred_class transfer) {
        return diagnostics_of(
            cfdo::worker_version{.bindings = {durable_object("SESSION", "Session")},
                                 .migrations = single({.new_tag = "v1", .transferred_classes = {std::move(transfer)}})},
            first_deploy());
    };
    CHECK(transferring({.from = "Session", .from_script = "auth-worker", .to = "Session"}).empty());
    CHECK(transferring({.from = "Session", .from_script = "", .to = "Session"}) ==
          lines{"transfer-script-empty Session /migrations/transferred_classes/0/from_script error"});
    CHECK(transferring({.from = "", .from_script = "auth-worker", .to = "Session"}) ==
          lines{"class-name-empty transferred_classes /migrations/transferred_classes/0/from error"});
    CHECK(transferring({.from = "Sessi\xf3n", .from_script = "auth-w\xf6rker", .to = "Session"}) ==
          lines{"text-not-utf8 from /migrations/transferred_classes/0/from error",
                "text-not-utf8 from_script /migrations/transferred_classes/0/from_script error"});
    CHECK(cfdo::message_of(cfdo::make_diagnostic("transfer-script-empty", "Session", "/x")) ==
          "a migration transfers objects into class 'Session' from a Worker it does not name; give from_script");
    SECTION("an empty to creates nothing, and its binding says so") {
        CHECK(transferring({.from = "Session", .from_script = "auth-worker", .to = ""}) ==
              lines{"class-name-empty transferred_classes /migrations/transferred_classes/0/to error",
                    "binding-class-not-created Session /bindings/0/class_name error"});
    }
    SECTION("the created target is exported like any class transferred in") {
        CHECK(diagnostics_of(
                  cfdo::worker_version{
                      .migrations =
                          single({.new_tag = "v1",
                                  .transferred_classes = {{.from = "Session", .from_script = "", .to = "Session"}}})},
                  cfdo::validation_context{.exported_classes = std::vector<cfdo::text>{},
                                           .deployed = cfdo::first_deploy{}}) ==
              lines{"transfer-script-empty Session /migrations/transferred_classes/0/from_script error",
                    "live-class-not-exported Session /migrations/transferred_classes/0/to error"});
    }
    SECTION("a transfer from this very Worker is still a warning") {
        CHECK(transferring({.from = "Session", .from_script = "counter", .to = "Session"}) ==
              lines{"transfer-from-self Session /migrations/transferred_classes/0/from_script warning"});
    }
}

// ---------------------------------------------------------------------------
// Deploy planning.

namespace {

cfdo::migration_history three_tags() {
    return {{.tag = "v1", .new_sqlite_classes = {"Counter"}},
            {.tag = "v2", .new_sqlite_classes = {"Chat"}},
            {.tag = "v3", .renamed_classes = {{.from = "Chat", .to = "Room"}}}};
}

} // namespace

TEST_CASE("plan_migrations: what to send for the deployed tag", "[rules][history]") {
    SECTION("no tag deployed: every step, the last tag as new_tag, no old_tag") {
        auto const plan = cfdo::plan_migrations(three_tags(), std::nullopt);
        REQUIRE(plan);
        CHECK_FALSE(plan->old_tag);
        CHECK(plan->new_tag == cfdo::text("v3"));
        REQUIRE(plan->steps.size() == 3);
        CHECK(plan->steps[0] == three_tags()[0].step());
        CHECK(plan->steps[2] == three_tags()[2].step());
        // It is the whole history: with the context that says so, checked as such.
        auto const version = cfdo::worker_version{.bindings = {durable_object("ROOM", "Room")}, .migrations = *plan};
        CHECK(diagnostics_of(version).empty());
        CHECK(diagnostics_of(version, first_deploy()).empty());
        CHECK(diagnostics_of(version, knowing(three_tags())).empty());
        auto bound_to_chat = version;
        bound_to_chat.bindings = {durable_object("CHAT", "Chat")};
        CHECK(diagnostics_of(bound_to_chat, first_deploy()) ==
              lines{"binding-to-renamed-class Chat /bindings/0/class_name error"});
    }
    SECTION("a tag in the middle: the steps after it, with old_tag") {
        auto const plan = cfdo::plan_migrations(three_tags(), "v1");
        REQUIRE(plan);
        CHECK(plan->old_tag == cfdo::text("v1"));
        CHECK(plan->new_tag == cfdo::text("v3"));
        REQUIRE(plan->steps.size() == 2);
        CHECK(plan->steps[0] == three_tags()[1].step());
        CHECK(plan->steps[1] == three_tags()[2].step());
        // Counter, created by v1, is deployed: the history and the deployed
        // tag say so.
        CHECK(diagnostics_of(cfdo::worker_version{.bindings = {durable_object("COUNTER", "Counter"),
                                                               durable_object("ROOM", "Room")},
                                                  .migrations = *plan},
                             {.history = three_tags(), .deployed = cfdo::deployed_state{.migration_tag = "v1"}})
                  .empty());
        SECTION("and the JSON the API gets") {
            auto const request =
                cfdo::make_request(create(cfdo::worker_version{.migrations = cfdo::migrations(*plan)}));
            CHECK(std::get<cfdo::json_body>(request.body).value == boost::json::parse(R"({"migrations": {
                "old_tag": "v1", "new_tag": "v3",
                "steps": [{"new_sqlite_classes": ["Chat"]},
                          {"renamed_classes": [{"from": "Chat", "to": "Room"}]}]}})"));
        }
    }
    SECTION("the last tag deployed: nothing to send") { CHECK_FALSE(cfdo::plan_migrations(three_tags(), "v3")); }
    SECTION("a tag the history does not have: every step again, with it as old_tag (wrangler's replay)") {
        auto const replay = cfdo::plan_migrations(three_tags(), "v0");
        REQUIRE(replay);
        CHECK(replay->old_tag == cfdo::text("v0"));
        CHECK(replay->steps.size() == 3);
        CHECK(diagnostics_of(three_tags(), deployed_tag("v0")) == lines{"deployed-tag-missing v0 /migrations warning"});
    }
    SECTION("an empty history sends nothing and reports nothing, whatever is deployed (wrangler's guard)") {
        CHECK_FALSE(cfdo::plan_migrations({}, std::nullopt));
        CHECK_FALSE(cfdo::plan_migrations({}, ""));
        CHECK_FALSE(cfdo::plan_migrations({}, "v1"));
        CHECK(diagnostics_of(cfdo::migration_history{}, deployed_tag("v1")).empty());
    }
}

// ---------------------------------------------------------------------------
// The user struggles of validation-rules.md §5.

TEST_CASE("scenario: pruned history", "[rules][scenario]") {
    // Applied: v1, v2 and v3. Someone deletes the old entries to "clean up",
    // keeping only the newest. Wrangler would replay everything with
    // old_tag v3 missing from the list, and Cloudflare refuses it (10074).
    cfdo::migration_history const pruned{{.tag = "v4", .new_sqlite_classes = {"Lobby"}}};
    SECTION("planned against the deployed tag: deployed-tag-missing, and wrangler's replay") {
        auto const replay = cfdo::plan_migrations(pruned, "v3");
        REQUIRE(replay);
        CHECK(replay->old_tag == cfdo::text("v3"));
        auto const found = cfdo::validate(pruned, deployed_tag("v3"));
        CHECK(describe(found) == lines{"deployed-tag-missing v3 /migrations warning"});
        CHECK(cfdo::message_of(found[0]) ==
              "the deployed migration tag 'v3' is not in the migrations (pruned or edited?): wrangler then sends "
              "every migration again, which Cloudflare refuses where a step re-creates a live class; restore the "
              "migrations up to the deployed tag");
        // With the deployed classes, the replay's conflict is exact.
        CHECK(diagnostics_of(pruned, {.deployed = deployed_state("v3", {sqlite_class("Lobby")})}) ==
              lines{"deployed-tag-missing v3 /migrations warning",
                    "new-class-exists Lobby /migrations/0/new_sqlite_classes/0 error"});
    }

    SECTION("fix: restore the history up to the deployed tag") {
        auto restored = three_tags();
        restored.push_back({.tag = "v4", .new_sqlite_classes = {"Lobby"}});
        CHECK(diagnostics_of(restored).empty());
        auto const plan = cfdo::plan_migrations(restored, "v3");
        CHECK(diagnostics_of(restored, deployed_tag("v3")).empty());
        REQUIRE(plan);
        CHECK(plan->steps == std::vector<cfdo::migration_step>{{.new_sqlite_classes = {"Lobby"}}});
    }
    SECTION("workaround seen in the wild: an empty entry with the deployed tag") {
        cfdo::migration_history const anchored{{.tag = "v3"}, {.tag = "v4", .new_sqlite_classes = {"Lobby"}}};
        auto const plan = cfdo::plan_migrations(anchored, "v3");
        CHECK(diagnostics_of(anchored, deployed_tag("v3")).empty());
        REQUIRE(plan);
        CHECK(plan->old_tag == cfdo::text("v3"));
        CHECK(plan->steps.size() == 1);
    }
    SECTION("a renamed tag is a missing tag too") {
        auto edited = three_tags();
        edited[2].tag = "v3-rooms";
        CHECK(cfdo::plan_migrations(edited, "v3")->steps.size() == 3);
        CHECK(diagnostics_of(edited, deployed_tag("v3")) == lines{"deployed-tag-missing v3 /migrations warning"});
    }
}

TEST_CASE("scenario: binding without a migration", "[rules][scenario]") {
    auto const counter_only = cfdo::worker_version{.bindings = {durable_object("COUNTER", "Counter")}};
    SECTION("the first Durable Object, without migrations: a warning while nothing is known") {
        CHECK(diagnostics_of(counter_only) ==
              lines{"binding-class-not-created Counter /bindings/0/class_name warning"});
    }
    SECTION("known to be a first deploy: an error (Cloudflare answers 10061)") {
        CHECK(diagnostics_of(counter_only, first_deploy()) ==
              lines{"binding-class-not-created Counter /bindings/0/class_name error"});
        SECTION("fix: a migration that creates it") {
            auto fixed = counter_only;
            fixed.migrations = single({.new_tag = "v1", .new_sqlite_classes = {"Counter"}});
            CHECK(diagnostics_of(fixed, first_deploy()).empty());
            CHECK(diagnostics_of(fixed).empty());
        }
    }
    SECTION("a Worker deployed before migrations existed: its classes are live, no migration needed") {
        CHECK(diagnostics_of(counter_only, {.deployed = deployed_state(std::nullopt, {kv_class("Counter")})}).empty());
    }
    SECTION("a second Durable Object added to a history that does not create it") {
        cfdo::migration_history const history{{.tag = "v1", .new_sqlite_classes = {"Counter"}}};
        std::vector<cfdo::binding> const bindings{durable_object("COUNTER", "Counter"), durable_object("CHAT", "Chat")};
        cfdo::deployment const two_classes{.version = {.bindings = bindings}, .history = history};
        // The whole history on a first deploy: Chat is never created.
        CHECK(diagnostics_of(two_classes, first_deploy()) ==
              lines{"binding-class-not-created Chat /version/bindings/1/class_name error"});
        CHECK(cfdo::message_of(cfdo::make_diagnostic("binding-class-not-created", "Chat", "/bindings/1/class_name")) ==
              "class 'Chat', which a binding of this Worker uses, is not a live Durable Object class and no "
              "migration creates it; create it with new_sqlite_classes (or new_classes) in a migration, or fix the "
              "name");
        // Nothing known: Chat may have been deployed before the history.
        CHECK(diagnostics_of(two_classes) ==
              lines{"binding-class-not-created Chat /version/bindings/1/class_name warning"});
        SECTION("once v1 is deployed, the deployed classes decide") {
            CHECK_FALSE(cfdo::plan_migrations(history, "v1"));
            CHECK(diagnostics_of(two_classes, deployed_tag("v1")) ==
                  lines{"binding-class-not-created Chat /version/bindings/1/class_name warning"});
            CHECK(diagnostics_of(two_classes, {.deployed = deployed_state("v1", {sqlite_class("Counter")})}) ==
                  lines{"binding-class-not-created Chat /version/bindings/1/class_name error"});
            CHECK(diagnostics_of(two_classes,
                                 {.deployed = deployed_state("v1", {sqlite_class("Counter"), kv_class("Chat")})})
                      .empty());
        }
        SECTION("fix: a migration that creates it") {
            auto fixed = two_classes;
            fixed.history.push_back({.tag = "v2", .new_sqlite_classes = {"Chat"}});
            CHECK(diagnostics_of(fixed, first_deploy()).empty());
            CHECK(diagnostics_of(fixed).empty());
            CHECK(diagnostics_of(fixed, {.deployed = deployed_state("v1", {sqlite_class("Counter")})}).empty());
            // And what is sent once v1 is deployed: v2, over the deployed Counter.
            auto const next = cfdo::payload(fixed, deployed_tag("v1"));
            REQUIRE(next.migrations);
            CHECK(diagnostics_of(next, {.deployed = deployed_state("v1", {sqlite_class("Counter")})}).empty());
        }
    }
}

TEST_CASE("scenario: KV to SQLite", "[rules][scenario]") {
    cfdo::migration_history const deployed{{.tag = "v1", .new_classes = {"Counter"}}};
    SECTION("a later migration re-creates the class with SQLite: refused (Cloudflare 10074)") {
        auto flipped = deployed;
        flipped.push_back({.tag = "v2", .new_sqlite_classes = {"Counter"}});
        CHECK(diagnostics_of(flipped) ==
              lines{"kv-class-converted-to-sqlite Counter /migrations/1/new_sqlite_classes/0 error"});
        // What is sent once v1 is deployed continues a history the payload
        // does not show: the deployed state says what storage Counter has.
        auto const sent = cfdo::plan_migrations(flipped, "v1");
        REQUIRE(sent);
        CHECK(diagnostics_of(cfdo::worker_version{.migrations = *sent},
                             {.deployed = deployed_state("v1", {kv_class("Counter")})}) ==
              lines{"kv-class-converted-to-sqlite Counter /migrations/steps/0/new_sqlite_classes/0 error"});
        CHECK(diagnostics_of(cfdo::worker_version{.migrations = *sent}, knowing(flipped)) ==
              lines{"kv-class-converted-to-sqlite Counter /migrations/1/new_sqlite_classes/0 error"});
    }
    SECTION("a class moved to new_sqlite_classes with its earlier migrations pruned: only the state can tell") {
        cfdo::migration_history const pruned{{.tag = "v2", .new_sqlite_classes = {"Counter"}}};
        CHECK(diagnostics_of(pruned).empty());
        CHECK(diagnostics_of(pruned, {.deployed = deployed_state(std::nullopt, {kv_class("Counter")})}) ==
              lines{"kv-class-converted-to-sqlite Counter /migrations/0/new_sqlite_classes/0 error"});
    }
    SECTION("both directives for one class in one step") {
        CHECK(diagnostics_of(cfdo::migration_history{
                  {.tag = "v1", .new_classes = {"Counter"}, .new_sqlite_classes = {"Counter"}}}) ==
              lines{"kv-class-converted-to-sqlite Counter /migrations/0/new_sqlite_classes/0 error"});
    }
    SECTION("SQLite to KV is refused as a re-creation") {
        CHECK(diagnostics_of(cfdo::migration_history{{.tag = "v1", .new_sqlite_classes = {"Counter"}},
                                                     {.tag = "v2", .new_classes = {"Counter"}}}) ==
              lines{"new-class-exists Counter /migrations/1/new_classes/0 error"});
    }
    SECTION("fix: a new SQLite class, the binding moved to it") {
        auto fixed = deployed;
        fixed.push_back({.tag = "v2", .new_sqlite_classes = {"CounterSqlite"}});
        CHECK(diagnostics_of(fixed).empty());
    }
    SECTION("fix, losing the data: delete, then create with SQLite") {
        auto fixed = deployed;
        fixed.push_back({.tag = "v2", .deleted_classes = {"Counter"}});
        fixed.push_back({.tag = "v3", .new_sqlite_classes = {"Counter"}});
        CHECK(diagnostics_of(fixed).empty());
        CHECK(diagnostics_of(fixed, {.deployed = deployed_state("v1", {kv_class("Counter")})}).empty());
    }
}

TEST_CASE("scenario: delete while bound", "[rules][scenario]") {
    auto const deleting = single({.old_tag = "v1", .new_tag = "v2", .deleted_classes = {"Counter"}});
    auto const at_v1 =
        cfdo::validation_context{.deployed = deployed_state("v1", {sqlite_class("Counter"), sqlite_class("Chat")})};
    SECTION("the binding is still there: refused (Cloudflare 10061)") {
        auto const found = diagnostics_of(
            cfdo::worker_version{.bindings = {durable_object("COUNTER", "Counter"), durable_object("CHAT", "Chat")},
                                 .migrations = deleting},
            at_v1);
        CHECK(found == lines{"delete-while-bound Counter /bindings/0/class_name error"});
        CHECK(cfdo::find_rule("delete-while-bound")
                  ->cloudflare_message.starts_with(
                      "Cannot apply --delete-class migration to class 'X' without also removing the binding"));
        // In every state where the delete applies, the binding is refused.
        CHECK(diagnostics_of(
                  cfdo::worker_version{.bindings = {durable_object("COUNTER", "Counter")}, .migrations = deleting}) ==
              lines{"delete-missing-class Counter /migrations/deleted_classes/0 warning",
                    "delete-while-bound Counter /bindings/0/class_name error"});
    }
    SECTION("fix: remove the binding in the same version") {
        CHECK(diagnostics_of(cfdo::worker_version{.bindings = {durable_object("CHAT", "Chat")}, .migrations = deleting},
                             at_v1)
                  .empty());
    }
    SECTION("a binding to a renamed class is refused the same way") {
        CHECK(diagnostics_of(cfdo::worker_version{.bindings = {durable_object("COUNTER", "Counter")},
                                                  .migrations = single(
                                                      {.old_tag = "v1",
                                                       .new_tag = "v2",
                                                       .renamed_classes = {{.from = "Counter", .to = "CounterV2"}}})},
                             at_v1) == lines{"binding-to-renamed-class Counter /bindings/0/class_name error"});
    }
    SECTION("the delete applied by an earlier deploy: binding-to-deleted-class, with the history") {
        cfdo::migration_history const history{{.tag = "v1", .new_sqlite_classes = {"Counter", "Chat"}},
                                              {.tag = "v2", .deleted_classes = {"Counter"}}};
        cfdo::deployment const bound{
            .version = {.bindings = {durable_object("COUNTER", "Counter"), durable_object("CHAT", "Chat")}},
            .history = history};
        CHECK(diagnostics_of(bound, deployed_tag("v2")) ==
              lines{"binding-to-deleted-class Counter /version/bindings/0/class_name error"});
        CHECK(cfdo::message_of(cfdo::make_diagnostic("binding-to-deleted-class", "Counter", "/x")) ==
              "class 'Counter' was deleted by an earlier migration, so it cannot be bound until a migration creates "
              "it again; re-create it or remove the binding");
        SECTION("the deploy that carries the delete itself: delete-while-bound") {
            CHECK(diagnostics_of(bound, deployed_tag("v1")) ==
                  lines{"delete-while-bound Counter /version/bindings/0/class_name error"});
            CHECK(diagnostics_of(bound) == lines{"delete-while-bound Counter /version/bindings/0/class_name error"});
        }
        SECTION("a deploy after the delete that does not mention Counter: still binding-to-deleted-class") {
            auto later = bound;
            later.history.push_back({.tag = "v3", .new_sqlite_classes = {"Room"}});
            CHECK(diagnostics_of(later, deployed_tag("v2")) ==
                  lines{"binding-to-deleted-class Counter /version/bindings/0/class_name error"});
        }
        SECTION("fix: create it again in a later step (it starts empty)") {
            auto recreated = bound;
            recreated.history.push_back({.tag = "v3", .new_sqlite_classes = {"Counter"}});
            CHECK(diagnostics_of(recreated.history).empty());
            CHECK(diagnostics_of(recreated, deployed_tag("v2")).empty());
        }
    }
    SECTION("deleting a class the whole history does not have: refused (Cloudflare 10074)") {
        CHECK(diagnostics_of(cfdo::migration_history{{.tag = "v1", .new_sqlite_classes = {"Counter"}},
                                                     {.tag = "v2", .deleted_classes = {"Counter"}},
                                                     {.tag = "v3", .deleted_classes = {"Counter"}}}) ==
              lines{"delete-missing-class Counter /migrations/2/deleted_classes/0 error"});
    }
    SECTION("export rules: a deleted class need not be exported, a created one must") {
        auto exporting_at_v1 = exporting({});
        exporting_at_v1.deployed = deployed_state("v1", {sqlite_class("Counter")});
        CHECK(diagnostics_of(cfdo::worker_version{.migrations = deleting}, exporting_at_v1).empty());
        CHECK(diagnostics_of(
                  cfdo::worker_version{.migrations =
                                           single({.old_tag = "v1", .new_tag = "v2", .new_sqlite_classes = {"Chat"}})},
                  exporting({})) == lines{"new-class-not-exported Chat /migrations/new_sqlite_classes/0 error"});
    }
}

TEST_CASE("scenario: rename onto an existing class", "[rules][scenario]") {
    cfdo::migration_history const history{{.tag = "v1", .new_sqlite_classes = {"Counter", "CounterV2"}},
                                          {.tag = "v2", .renamed_classes = {{.from = "Counter", .to = "CounterV2"}}}};
    CHECK(diagnostics_of(history) == lines{"rename-target-exists CounterV2 /migrations/1/renamed_classes/0/to error"});
    CHECK(cfdo::message_of(cfdo::make_diagnostic("rename-target-exists", "CounterV2", "/x")) ==
          "a migration renames a class to 'CounterV2', which already exists; the rename creates its target, so pick "
          "a free name (or delete the existing class in an earlier step)");
    SECTION("onto a class only the deployed state knows") {
        cfdo::migration_history const renaming{
            {.tag = "v2", .renamed_classes = {{.from = "Counter", .to = "CounterV2"}}}};
        CHECK(diagnostics_of(renaming,
                             {.deployed = deployed_state("v1", {kv_class("Counter"), kv_class("CounterV2")})}) ==
              lines{"deployed-tag-missing v1 /migrations warning",
                    "rename-target-exists CounterV2 /migrations/0/renamed_classes/0/to error"});
    }
    SECTION("in a payload that creates the target itself") {
        CHECK(diagnostics_of(cfdo::worker_version{
                  .migrations = cfdo::multi_step_migration{.new_tag = "v2",
                                                           .steps = {{.new_sqlite_classes = {"Counter", "CounterV2"}},
                                                                     {.renamed_classes = {{.from = "Counter",
                                                                                           .to = "CounterV2"}}}}}}) ==
              lines{"rename-target-exists CounterV2 /migrations/steps/1/renamed_classes/0/to error"});
    }
    SECTION("fix: delete the existing class in an earlier step") {
        auto fixed = history;
        fixed.insert(fixed.begin() + 1, {.tag = "v1b", .deleted_classes = {"CounterV2"}});
        CHECK(diagnostics_of(fixed).empty());
    }
    SECTION("fix: pick a free name, and bind to it") {
        cfdo::migration_history const fixed{{.tag = "v1", .new_sqlite_classes = {"Counter", "CounterV2"}},
                                            {.tag = "v2", .renamed_classes = {{.from = "Counter", .to = "CounterV3"}}}};
        CHECK(diagnostics_of(fixed).empty());
        auto const plan = cfdo::plan_migrations(fixed, std::nullopt);
        REQUIRE(plan);
        CHECK(diagnostics_of(
                  cfdo::worker_version{.bindings = {durable_object("COUNTER", "CounterV3")}, .migrations = *plan})
                  .empty());
        CHECK(diagnostics_of(
                  cfdo::worker_version{.bindings = {durable_object("COUNTER", "Counter")}, .migrations = *plan}) ==
              lines{"binding-to-renamed-class Counter /bindings/0/class_name error"});
    }
}

// ---------------------------------------------------------------------------
// Whole histories and tags.

TEST_CASE("validate(migration_history): tags and the export rules", "[rules][history]") {
    CHECK(diagnostics_of(three_tags()).empty());
    CHECK(diagnostics_of(cfdo::migration_history{}).empty());
    SECTION("exported classes are checked against the classes live at the end") {
        CHECK(diagnostics_of(three_tags(), exporting({"Counter", "Room"})).empty());
        CHECK(diagnostics_of(three_tags(), exporting({"Counter", "Chat"})) ==
              lines{"live-class-not-exported Room /migrations/2/renamed_classes/0/to error"});
        CHECK(diagnostics_of(three_tags(), exporting({"Room"})) ==
              lines{"new-class-not-exported Counter /migrations/0/new_sqlite_classes/0 error"});
    }
    SECTION("a transfer from this Worker, when the context names it") {
        cfdo::migration_history const history{
            {.tag = "v1", .transferred_classes = {{.from = "Counter", .from_script = "counter", .to = "Counter"}}}};
        CHECK(diagnostics_of(history).empty());
        CHECK(diagnostics_of(history, cfdo::validation_context{.script_name = cfdo::text("counter")}) ==
              lines{"transfer-from-self Counter /migrations/0/transferred_classes/0/from_script warning"});
    }
    SECTION("tags that are not UTF-8") {
        CHECK(diagnostics_of(cfdo::migration_history{{.tag = "v\xff"}}) ==
              lines{"text-not-utf8 tag /migrations/0/tag error"});
    }
}

TEST_CASE("tags of a payload", "[rules][history]") {
    SECTION("an empty old_tag or new_tag is a warning") {
        CHECK(diagnostics_of(cfdo::worker_version{.migrations = single({.old_tag = "", .new_tag = "v2"})}) ==
              lines{"migration-tag-empty old_tag /migrations/old_tag warning"});
        CHECK(diagnostics_of(cfdo::worker_version{
                  .migrations = cfdo::multi_step_migration{.old_tag = "v1", .new_tag = "", .steps = {{}}}}) ==
              lines{"migration-tag-empty new_tag /migrations/new_tag warning"});
    }
}

// migration-tag-empty says that an empty tag reads as no tag: a payload
// whose old_tag is empty does not continue a deployed history, and whether
// the payload is the whole history is the context's to say, whatever its
// new_tag.
TEST_CASE("an empty tag reads as no tag", "[rules][history]") {
    auto const renaming = cfdo::single_step_migration{.renamed_classes = {{.from = "Counter", .to = "CounterV2"}}};
    CHECK(diagnostics_of(cfdo::worker_version{.migrations = single(renaming)}) ==
          lines{"rename-source-missing Counter /migrations/renamed_classes/0/from warning"});
    auto with_empty_tag = renaming;
    with_empty_tag.new_tag = "";
    CHECK(diagnostics_of(cfdo::worker_version{.migrations = single(with_empty_tag)}) ==
          lines{"migration-tag-empty new_tag /migrations/new_tag warning",
                "rename-source-missing Counter /migrations/renamed_classes/0/from warning"});
    CHECK(diagnostics_of(cfdo::worker_version{.migrations = single(with_empty_tag)}, first_deploy()) ==
          lines{"migration-tag-empty new_tag /migrations/new_tag warning",
                "rename-source-missing Counter /migrations/renamed_classes/0/from error"});
    SECTION("an empty old_tag does not continue a deployed history") {
        auto continuing = renaming;
        continuing.old_tag = "v1";
        std::vector<cfdo::binding> const bound{durable_object("COUNTER", "CounterV2"), durable_object("CHAT", "Chat")};
        auto const at_v1 =
            cfdo::validation_context{.deployed = deployed_state("v1", {sqlite_class("Counter"), sqlite_class("Chat")})};
        CHECK(diagnostics_of(cfdo::worker_version{.bindings = bound, .migrations = single(continuing)}, at_v1).empty());
        continuing.old_tag = "";
        // An empty old_tag is none: Cloudflare, having v1, refuses it.
        CHECK(diagnostics_of(cfdo::worker_version{.bindings = bound, .migrations = single(continuing)}, at_v1) ==
              lines{"migration-tag-empty old_tag /migrations/old_tag warning",
                    "migration-old-tag-mismatch v1 /migrations error"});
        CHECK(
            diagnostics_of(cfdo::worker_version{.bindings = bound, .migrations = single(continuing)}, first_deploy()) ==
            lines{"migration-tag-empty old_tag /migrations/old_tag warning",
                  "rename-source-missing Counter /migrations/renamed_classes/0/from error",
                  "binding-class-not-created CounterV2 /bindings/0/class_name error",
                  "binding-class-not-created Chat /bindings/1/class_name error"});
    }
}

// Wrangler reads a falsy deployed migration_tag, "" included, as no tag
// (`if (script?.migration_tag)` in durable.ts) and
// sends every step without old_tag; so does plan_migrations.
TEST_CASE("plan_migrations reads an empty deployed tag as no tag, as wrangler does", "[rules][history]") {
    auto const plan = cfdo::plan_migrations(three_tags(), "");
    REQUIRE(plan);
    CHECK(*plan == *cfdo::plan_migrations(three_tags(), std::nullopt));
}

// After the first deploy a wrangler-style flow sends no migrations; with the
// whole history in the context, bindings are still checked against it.
TEST_CASE("bindings are checked against the whole history given in the context", "[rules][history]") {
    cfdo::migration_history const history{{.tag = "v1", .new_sqlite_classes = {"Counter", "Legacy"}},
                                          {.tag = "v2", .renamed_classes = {{.from = "Counter", .to = "Tally"}}},
                                          {.tag = "v3", .deleted_classes = {"Legacy"}}};
    auto with_binding = [](std::string_view class_name) {
        return cfdo::worker_version{.bindings = {cfdo::durable_object_binding{.name = "B", .class_name = class_name}}};
    };
    cfdo::validation_context const context{.history = history};
    CHECK(diagnostics_of(with_binding("Tally"), context).empty());
    CHECK(diagnostics_of(with_binding("Counter"), context) ==
          lines{"binding-to-renamed-class Counter /bindings/0/class_name error"});
    CHECK(diagnostics_of(with_binding("Legacy"), context) ==
          lines{"binding-to-deleted-class Legacy /bindings/0/class_name error"});
    // A class the history never mentions may be older than it: only the
    // deployed state can say.
    CHECK(diagnostics_of(with_binding("Room"), context) ==
          lines{"binding-class-not-created Room /bindings/0/class_name warning"});
    CHECK(diagnostics_of(with_binding("Room"),
                         {.history = history, .deployed = deployed_state("v3", {sqlite_class("Tally")})}) ==
          lines{"binding-class-not-created Room /bindings/0/class_name error"});
    // Without the history, cfdo can only warn.
    CHECK(diagnostics_of(with_binding("Tally")) ==
          lines{"binding-class-not-created Tally /bindings/0/class_name warning"});
    SECTION("the problems of the steps already applied are not reported again") {
        auto broken = history;
        broken.push_back({.tag = "v3", .deleted_classes = {"Room"}});
        CHECK(diagnostics_of(with_binding("Tally"), knowing(broken)).empty());
        CHECK(diagnostics_of(broken, first_deploy()) ==
              lines{"migration-tag-duplicate v3 /migrations/3/tag error",
                    "delete-missing-class Room /migrations/3/deleted_classes/0 error"});
    }
}

// With the whole history, the classes that must be exported are the ones it
// leaves live, not only those the payload mentions.
TEST_CASE("export rules with the history in the context: every class the history leaves live", "[rules][history]") {
    cfdo::migration_history const history{{.tag = "v1", .new_sqlite_classes = {"Counter"}},
                                          {.tag = "v2", .renamed_classes = {{.from = "Counter", .to = "Tally"}}},
                                          {.tag = "v3", .new_sqlite_classes = {"Chat"}}};
    std::vector<cfdo::diagnostic> found;
    auto const plan = cfdo::plan_migrations(history, "v2");
    REQUIRE(plan);
    auto const version = cfdo::worker_version{.migrations = *plan};
    SECTION("nothing exported") {
        CHECK(diagnostics_of(version, cfdo::validation_context{.exported_classes = std::vector<cfdo::text>{},
                                                               .history = history}) ==
              lines{"live-class-not-exported Tally /migrations/1/renamed_classes/0/to error",
                    "new-class-not-exported Chat /migrations/2/new_sqlite_classes/0 error"});
        // A class the upload creates is reported where the upload creates it
        // (10070); one already deployed where the history made it live
        // (10064). The payload alone knows only of Chat.
        CHECK(diagnostics_of(version, exporting({})) ==
              lines{"new-class-not-exported Chat /migrations/steps/0/new_sqlite_classes/0 error"});
    }
    SECTION("everything live exported; the classes renamed away need not be") {
        cfdo::validation_context const context{.exported_classes = std::vector<cfdo::text>{"Tally", "Chat"},
                                               .history = history};
        CHECK(diagnostics_of(version, context).empty());
    }
    SECTION("a class created by an applied step is already deployed: 10064, not 10070") {
        auto const up_to_date = cfdo::worker_version{};
        CHECK(diagnostics_of(up_to_date, cfdo::validation_context{.exported_classes = std::vector<cfdo::text>{"Tally"},
                                                                  .history = history}) ==
              lines{"live-class-not-exported Chat /migrations/2/new_sqlite_classes/0 error"});
    }
    SECTION("with no migrations to send, the history still says what must be exported") {
        auto const up_to_date = cfdo::worker_version{.bindings = {durable_object("CHAT", "Chat")}};
        CHECK(diagnostics_of(up_to_date, cfdo::validation_context{.exported_classes = std::vector<cfdo::text>{"Chat"},
                                                                  .history = history}) ==
              lines{"live-class-not-exported Tally /migrations/1/renamed_classes/0/to error"});
        CHECK(diagnostics_of(up_to_date, exporting({"Chat"})) ==
              lines{"binding-class-not-created Chat /bindings/0/class_name warning"});
    }
    SECTION("a first deploy without migrations has no class to export") {
        cfdo::validation_context const context{.exported_classes = std::vector<cfdo::text>{},
                                               .deployed = cfdo::first_deploy{}};
        CHECK(diagnostics_of(cfdo::worker_version{}, context).empty());
    }
}

// ---------------------------------------------------------------------------
// cfdo::deployment: a version and the whole history, under an assumption
// about what is deployed.

namespace {

// Applied: v1 and v2. v3 is what the next deploy sends.
cfdo::deployment rooms_deployment() {
    return {
        .version = {.main_module = "worker.mjs",
                    .bindings = {durable_object("TALLY", "Tally"), durable_object("ROOM", "Room")},
                    .modules = {javascript_module("worker.mjs")}},
        .history = {{.tag = "v1", .new_sqlite_classes = {"Counter", "Legacy"}},
                    {.tag = "v2",
                     .renamed_classes = {{.from = "Counter", .to = "Tally"}},
                     .deleted_classes = {"Legacy"}},
                    {.tag = "v3", .new_sqlite_classes = {"Room"}}},
    };
}

} // namespace

TEST_CASE("deployment: payload() is the version with the planned migrations", "[rules][deployment]") {
    auto const d = rooms_deployment();
    auto const v2 = deployed_tag("v2");
    CHECK(diagnostics_of(d, v2).empty());
    auto const sent = cfdo::payload(d, v2);
    REQUIRE(sent.migrations);
    CHECK(*sent.migrations == cfdo::migrations(cfdo::multi_step_migration{
                                  .old_tag = "v2", .new_tag = "v3", .steps = {{.new_sqlite_classes = {"Room"}}}}));
    // The rest of the version is as given.
    auto without_migrations = sent;
    without_migrations.migrations.reset();
    CHECK(without_migrations == d.version);
    // What is sent is valid against the history; on its own, nothing says
    // that Tally, which it does not create, is deployed.
    CHECK(diagnostics_of(sent) == lines{"binding-class-not-created Tally /bindings/0/class_name warning"});
    CHECK(diagnostics_of(sent, knowing(d.history)).empty());
    SECTION("no tag deployed, or nothing known: every step, without old_tag") {
        auto const all = cfdo::payload(d);
        REQUIRE(all.migrations);
        CHECK(*all.migrations == cfdo::migrations(*cfdo::plan_migrations(d.history, std::nullopt)));
        CHECK_FALSE(old_tag_of(*all.migrations));
        CHECK(cfdo::payload(d, first_deploy()) == all);
        // An empty deployed tag reads as none.
        CHECK(cfdo::payload(d, deployed_tag("")) == all);
        CHECK(diagnostics_of(d).empty());
        CHECK(diagnostics_of(d, first_deploy()).empty());
    }
    SECTION("up to date: no migrations") {
        CHECK_FALSE(cfdo::payload(d, deployed_tag("v3")).migrations);
        CHECK(diagnostics_of(d, deployed_tag("v3")).empty());
    }
    SECTION("migrations written on the version itself are an error: the history is the one place") {
        auto with_migrations = d;
        with_migrations.version.migrations = single({.deleted_classes = {"", "Tally"}});
        CHECK(diagnostics_of(with_migrations, v2) ==
              lines{"deployment-version-has-migrations migrations /version/migrations error"});
        CHECK(cfdo::payload(with_migrations, v2) == sent);
    }
    SECTION("an empty history sends nothing") {
        CHECK_FALSE(cfdo::payload(cfdo::deployment{.version = d.version}, v2).migrations);
        CHECK_FALSE(cfdo::payload(cfdo::deployment{.version = d.version}).migrations);
    }
}

TEST_CASE("deployment: validate, with its pointers", "[rules][deployment]") {
    SECTION("bindings against the whole history: renamed, deleted, never created") {
        auto d = rooms_deployment();
        d.version.bindings = {durable_object("TALLY", "Tally"), durable_object("COUNTER", "Counter"),
                              durable_object("LEGACY", "Legacy"), durable_object("CHAT", "Chat"),
                              durable_object("ROOM", "Room")};
        // With the deployed state, exact; with only the tag, a class the
        // history never mentions may have been deployed before it.
        auto const with_state = cfdo::validation_context{.deployed = deployed_state("v2", {sqlite_class("Tally")})};
        CHECK(diagnostics_of(d, with_state) ==
              lines{"binding-to-renamed-class Counter /version/bindings/1/class_name error",
                    "binding-to-deleted-class Legacy /version/bindings/2/class_name error",
                    "binding-class-not-created Chat /version/bindings/3/class_name error"});
        CHECK(diagnostics_of(d, deployed_tag("v2")) ==
              lines{"binding-to-renamed-class Counter /version/bindings/1/class_name error",
                    "binding-to-deleted-class Legacy /version/bindings/2/class_name error",
                    "binding-class-not-created Chat /version/bindings/3/class_name warning"});
        // The payload alone (it has an old_tag) cannot tell what is deployed.
        CHECK(diagnostics_of(cfdo::payload(d, deployed_tag("v2"))) ==
              lines{"binding-class-not-created Tally /bindings/0/class_name warning",
                    "binding-class-not-created Counter /bindings/1/class_name warning",
                    "binding-class-not-created Legacy /bindings/2/class_name warning",
                    "binding-class-not-created Chat /bindings/3/class_name warning"});
        // Another Worker's class is not this history's business.
        d.version.bindings = {
            cfdo::durable_object_binding{.name = "AUTH", .class_name = "Chat", .script_name = "auth-worker"}};
        CHECK(diagnostics_of(d, deployed_tag("v2")).empty());
    }
    SECTION("the history's problems at /history/i") {
        auto d = rooms_deployment();
        d.history.push_back({.tag = "v2", .renamed_classes = {{.from = "Legacy", .to = "Old"}}});
        d.history.push_back({.tag = "v\xff", .transferred_classes = {{.from = "S", .from_script = "", .to = "S"}}});
        CHECK(diagnostics_of(d, first_deploy()) ==
              lines{"migration-tag-duplicate v2 /history/3/tag error", "text-not-utf8 tag /history/4/tag error",
                    "rename-source-missing Legacy /history/3/renamed_classes/0/from error",
                    "transfer-script-empty S /history/4/transferred_classes/0/from_script error"});
    }
    SECTION("the version's problems at /version/...") {
        auto d = rooms_deployment();
        d.version.main_module = "index.mjs";
        d.version.compatibility_date = "2023-02-29";
        d.version.modules.push_back(base64_module("data.bin", "!"));
        d.version.compatibility_flags = {"caf\xe9"};
        CHECK(diagnostics_of(d, deployed_tag("v2")) ==
              lines{"text-not-utf8 compatibility_flags /version/compatibility_flags/0 error",
                    "module-content-not-base64 data.bin /version/modules/1/content_base64 error",
                    "main-module-not-found index.mjs /version/main_module error",
                    "compatibility-date-invalid 2023-02-29 /version/compatibility_date error"});
    }
    SECTION("the export rules: the classes the whole history leaves live, at /history/i") {
        auto const d = rooms_deployment();
        auto exporting_at_v2 = [](std::vector<cfdo::text> classes) {
            auto context = exporting(std::move(classes));
            context.deployed = cfdo::deployed_state{.migration_tag = "v2"};
            return context;
        };
        CHECK(diagnostics_of(d, exporting_at_v2({"Tally", "Room"})).empty());
        CHECK(diagnostics_of(d, exporting_at_v2({"Room"})) ==
              lines{"binding-class-not-exported Tally /version/bindings/0/class_name error",
                    "live-class-not-exported Tally /history/1/renamed_classes/0/to error"});
    }
    SECTION("a transfer from this Worker, when the context names it") {
        auto d = rooms_deployment();
        d.history.push_back(
            {.tag = "v4", .transferred_classes = {{.from = "Room", .from_script = "counter", .to = "Hall"}}});
        d.version.bindings.push_back(durable_object("HALL", "Hall"));
        CHECK(diagnostics_of(d, cfdo::validation_context{.script_name = cfdo::text("counter"),
                                                         .deployed = cfdo::deployed_state{.migration_tag = "v2"}}) ==
              lines{"transfer-from-self Room /history/3/transferred_classes/0/from_script warning"});
        CHECK(diagnostics_of(d, deployed_tag("v2")).empty());
    }
}

TEST_CASE("deployment: a pruned history", "[rules][deployment][scenario]") {
    // Applied: v1 and v2; someone deleted both entries from the configuration.
    cfdo::deployment const pruned{.version = {.bindings = {durable_object("LOBBY", "Lobby")}},
                                  .history = {{.tag = "v3", .new_sqlite_classes = {"Lobby"}}}};
    // Wrangler replays every step with old_tag v2: a warning, which the
    // deployed classes make exact.
    CHECK(diagnostics_of(pruned, deployed_tag("v2")) == lines{"deployed-tag-missing v2 /history warning"});
    auto const replay = cfdo::payload(pruned, deployed_tag("v2"));
    REQUIRE(replay.migrations);
    CHECK(old_tag_of(*replay.migrations) == cfdo::text("v2"));
    SECTION("the replay re-creates a live class: refused, exactly so with the deployed state") {
        auto const lobby_live = cfdo::validation_context{.deployed = deployed_state("v2", {sqlite_class("Lobby")})};
        CHECK(diagnostics_of(pruned, lobby_live) ==
              lines{"deployed-tag-missing v2 /history warning",
                    "new-class-exists Lobby /history/0/new_sqlite_classes/0 error"});
        auto const nothing_live = cfdo::validation_context{.deployed = deployed_state("v2", {})};
        CHECK(diagnostics_of(pruned, nothing_live) == lines{"deployed-tag-missing v2 /history warning"});
    }
    SECTION("fix: restore the history up to the deployed tag") {
        auto restored = pruned;
        restored.history.insert(restored.history.begin(), {{.tag = "v1", .new_sqlite_classes = {"Counter"}},
                                                           {.tag = "v2", .deleted_classes = {"Counter"}}});
        CHECK(diagnostics_of(restored, deployed_tag("v2")).empty());
        auto const sent = cfdo::payload(restored, deployed_tag("v2"));
        REQUIRE(sent.migrations);
        CHECK(old_tag_of(*sent.migrations) == cfdo::text("v2"));
        CHECK(new_tag_of(*sent.migrations) == cfdo::text("v3"));
    }
}

// A history whose early steps were removed after they were applied: the
// steps up to the deployed tag are not checked again as a first deploy.
TEST_CASE("deployment: a history pruned before the deployed tag", "[rules][deployment][scenario]") {
    cfdo::deployment const d{.version = {.bindings = {durable_object("TALLY", "Tally")}},
                             .history = {{.tag = "v3", .renamed_classes = {{.from = "Counter", .to = "Tally"}}},
                                         {.tag = "v4", .new_sqlite_classes = {"Room"}}}};
    CHECK(diagnostics_of(d, deployed_tag("v3")).empty());
    CHECK(
        diagnostics_of(d, cfdo::validation_context{.deployed = deployed_state("v3", {sqlite_class("Tally")})}).empty());
    // Nothing known: the rename relies on a class no step creates.
    CHECK(diagnostics_of(d) == lines{"rename-source-missing Counter /history/0/renamed_classes/0/from warning"});
    // As a first deploy, it is refused.
    CHECK(diagnostics_of(d, first_deploy()) ==
          lines{"rename-source-missing Counter /history/0/renamed_classes/0/from error",
                "binding-class-not-created Tally /version/bindings/0/class_name error"});
}

// The compile-time counterpart: cfdo::valid<factory>() with a deployment.
TEST_CASE("deployment: checked while compiling", "[rules][deployment]") {
    STATIC_REQUIRE(cfdo::valid<counter_deployment>());
    STATIC_REQUIRE(cfdo::validate(counter_deployment()).empty());
    constexpr auto pruned = [] {
        // v1 pruned, and v2 rewritten to create Tally, which it renamed.
        auto d = counter_deployment();
        d.history = {{.tag = "v2", .new_sqlite_classes = {"Tally"}}};
        auto const found =
            cfdo::validate(d, cfdo::validation_context{.deployed = cfdo::deployed_state{.migration_tag = "v1"}});
        return found.size() == 1 && found[0].rule == "deployed-tag-missing" && found[0].path == "/history" &&
               found[0].level == cfdo::severity::warning;
    };
    STATIC_REQUIRE(pruned());
    CHECK(diagnostics_of(counter_deployment_bound_to_old_name()) ==
          lines{"binding-to-renamed-class Counter /version/bindings/0/class_name error"});
}

// A deployment tells the deletes it will send from those already applied.
TEST_CASE("deployment: a pending delete is delete-while-bound, an applied one binding-to-deleted-class",
          "[rules][deployment]") {
    auto bound_to_counter = [](cfdo::validation_context const& context) {
        cfdo::deployment const d{.version = {.bindings = {durable_object("COUNTER", "Counter")}},
                                 .history = {{.tag = "v1", .new_sqlite_classes = {"Counter"}},
                                             {.tag = "v2", .deleted_classes = {"Counter"}}}};
        return describe(cfdo::validate(d, context));
    };
    CHECK(bound_to_counter({}) == lines{"delete-while-bound Counter /version/bindings/0/class_name error"});
    CHECK(bound_to_counter(first_deploy()) == lines{"delete-while-bound Counter /version/bindings/0/class_name error"});
    CHECK(bound_to_counter(deployed_tag("v1")) ==
          lines{"delete-while-bound Counter /version/bindings/0/class_name error"});
    CHECK(bound_to_counter(deployed_tag("v2")) ==
          lines{"binding-to-deleted-class Counter /version/bindings/0/class_name error"});
}

TEST_CASE("deployment: a deployed tag with no history at all sends nothing and is no error", "[rules][deployment]") {
    cfdo::deployment const emptied{.version = {.bindings = {durable_object("COUNTER", "Counter")}}};
    // Wrangler sends nothing when there are no migrations: nothing to replay.
    // Whether Counter exists, the deployed classes say.
    CHECK(describe(cfdo::validate(emptied, deployed_tag("v1"))) ==
          lines{"binding-class-not-created Counter /version/bindings/0/class_name warning"});
    CHECK(describe(cfdo::validate(emptied,
                                  cfdo::validation_context{.deployed = deployed_state("v1", {kv_class("Counter")})}))
              .empty());
    CHECK_FALSE(cfdo::payload(emptied, deployed_tag("v1")).migrations);
}

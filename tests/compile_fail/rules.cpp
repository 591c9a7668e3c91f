// Each case is a configuration, written as a constexpr factory, that breaks
// one error rule of the catalogue; `static_assert(cfdo::valid<factory>())`
// must stop compilation with the rule, the subject and the JSON pointer of
// the first error in the compiler's first diagnostic (CMakeLists.txt holds
// each case's expected text). With -DCFDO_TWIN the case becomes its positive
// twin: the same configuration with the one mistake fixed, which must
// compile. Only errors stop compilation: a twin may still carry warnings.
//
// A verdict that depends on what is deployed is a warning while that is not
// known, so a case that needs an exact one says what is assumed:
// `valid<make, cfdo::first_deploy>()`, or a factory of the deployed state or
// of the whole validation_context.
//
// compatibility-date-in-future depends on the day the code is compiled, so
// `valid` skips it unless a context factory pins `today` (the last cases).
#include <cfdo/rules/compile_time.hpp>

#include "case_or_twin.hpp"

#include <string_view>
#include <vector>

namespace {

[[maybe_unused]] constexpr std::string_view account = "023e105f4ecef8ad9ca31a8372d0c353";

[[maybe_unused]] constexpr cfdo::worker_module javascript_module(std::string_view name) {
    return {.name = name,
            .content_type = cfdo::content_type::javascript_module,
            .content = cfdo::module_bytes{"export class Counter {}"}};
}

[[maybe_unused]] constexpr cfdo::worker_module text_module(std::string_view name) {
    return {.name = name, .content_type = cfdo::content_type::plain_text, .content = cfdo::module_bytes{"hello"}};
}

// ---------------------------------------------------------------------------
// Request parameters: the operation itself is the configuration.

#if defined(CFDO_CASE_path_parameter_empty)
namespace path_parameter_empty {
constexpr cfdo::list_objects make() {
    return {.account_id = account,
            .namespace_id = CFDO_ONLY_IN_CASE("") CFDO_ONLY_IN_TWIN("5fd1cf0b2d2d4c0a9c4c4a5b57d6a7a1")};
}
static_assert(cfdo::valid<make>());
} // namespace path_parameter_empty
#endif

#if defined(CFDO_CASE_path_parameter_slash)
namespace path_parameter_slash {
constexpr cfdo::create_version make() {
    return {.account_id = account, .worker_id = CFDO_ONLY_IN_CASE("team/counter") CFDO_ONLY_IN_TWIN("counter")};
}
static_assert(cfdo::valid<make>());
} // namespace path_parameter_slash
#endif

#if defined(CFDO_CASE_path_parameter_dot_segment)
namespace path_parameter_dot_segment {
constexpr cfdo::upload_script make() {
    return {.account_id = account, .script_name = CFDO_ONLY_IN_CASE("..") CFDO_ONLY_IN_TWIN("counter")};
}
static_assert(cfdo::valid<make>());
} // namespace path_parameter_dot_segment
#endif

#if defined(CFDO_CASE_path_parameter_control_character)
namespace path_parameter_control_character {
constexpr cfdo::list_namespaces make() {
    return {.account_id = CFDO_ONLY_IN_CASE("023e105f4ecef8ad9ca31a8372d0c353\n")
                CFDO_ONLY_IN_TWIN("023e105f4ecef8ad9ca31a8372d0c353")};
}
static_assert(cfdo::valid<make>());
} // namespace path_parameter_control_character
#endif

#if defined(CFDO_CASE_page_out_of_range)
namespace page_out_of_range {
constexpr cfdo::list_namespaces make() {
    return {.account_id = account, .page = CFDO_ONLY_IN_CASE(0) CFDO_ONLY_IN_TWIN(1), .per_page = 20};
}
static_assert(cfdo::valid<make>());
} // namespace page_out_of_range
#endif

#if defined(CFDO_CASE_per_page_out_of_range)
namespace per_page_out_of_range {
constexpr cfdo::list_namespaces make() {
    return {.account_id = account, .page = 1, .per_page = CFDO_ONLY_IN_CASE(101) CFDO_ONLY_IN_TWIN(100)};
}
static_assert(cfdo::valid<make>());
} // namespace per_page_out_of_range
#endif

#if defined(CFDO_CASE_limit_out_of_range)
namespace limit_out_of_range {
constexpr cfdo::list_objects make() {
    return {.account_id = account,
            .namespace_id = "5fd1cf0b2d2d4c0a9c4c4a5b57d6a7a1",
            .limit = CFDO_ONLY_IN_CASE(20000) CFDO_ONLY_IN_TWIN(10000)};
}
static_assert(cfdo::valid<make>());
} // namespace limit_out_of_range
#endif

// ---------------------------------------------------------------------------
// Bindings.

#if defined(CFDO_CASE_binding_name_duplicate)
namespace binding_name_duplicate {
constexpr cfdo::worker_version make() {
    return {
        .bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"},
                     cfdo::kv_namespace_binding{.name = CFDO_ONLY_IN_CASE("COUNTER") CFDO_ONLY_IN_TWIN("CACHE"),
                                                .namespace_id = "0f2ac74b498b48028cb68387c421e279"}},
        .migrations = cfdo::single_step_migration{.new_tag = "v1", .new_sqlite_classes = {"Counter"}},
    };
}
static_assert(cfdo::valid<make>());
} // namespace binding_name_duplicate
#endif

#if defined(CFDO_CASE_json_binding_not_json)
namespace json_binding_not_json {
constexpr cfdo::worker_version make() {
    return {.bindings = {cfdo::json_binding{.name = "SETTINGS",
                                            .json = CFDO_ONLY_IN_CASE(R"({"debug": true,})")
                                                CFDO_ONLY_IN_TWIN(R"({"debug": true})")}}};
}
static_assert(cfdo::valid<make>());
} // namespace json_binding_not_json
#endif

#if defined(CFDO_CASE_d1_binding_without_database)
namespace d1_binding_without_database {
constexpr cfdo::worker_version make() {
    return {.bindings = {cfdo::d1_binding{.name = "DB" CFDO_ONLY_IN_TWIN(, .id = "a1b2c3")}}};
}
static_assert(cfdo::valid<make>());
} // namespace d1_binding_without_database
#endif

#if defined(CFDO_CASE_binding_part_missing)
namespace binding_part_missing {
constexpr cfdo::worker_version make() {
    return {.main_module = "worker.mjs",
            .bindings = {cfdo::text_blob_binding{.name = "TEMPLATE", .part = "template.html"}},
            .modules = {javascript_module("worker.mjs") CFDO_ONLY_IN_TWIN(, text_module("template.html"))}};
}
static_assert(cfdo::valid<make>());
} // namespace binding_part_missing
#endif

#if defined(CFDO_CASE_extra_fields_not_an_object)
namespace extra_fields_not_an_object {
constexpr cfdo::worker_version make() {
    return {.extra = CFDO_ONLY_IN_CASE(R"(["logpush"])") CFDO_ONLY_IN_TWIN(R"({"logpush": true})")};
}
static_assert(cfdo::valid<make>());
} // namespace extra_fields_not_an_object
#endif

#if defined(CFDO_CASE_extra_field_collides)
namespace extra_field_collides {
constexpr cfdo::worker_version make() {
    return {.bindings = {cfdo::raw_binding{.kind = "some_future_binding",
                                           .name = "MEMORY",
                                           .fields = CFDO_ONLY_IN_CASE(R"({"name": "OTHER"})")
                                               CFDO_ONLY_IN_TWIN(R"({"namespace": "assistant"})")}}};
}
static_assert(cfdo::valid<make>());
} // namespace extra_field_collides
#endif

#if defined(CFDO_CASE_placement_form_invalid)
namespace placement_form_invalid {
constexpr cfdo::worker_version make() {
    return {.placement = cfdo::placement{.mode = "targeted" CFDO_ONLY_IN_TWIN(, .region = "aws:us-east-1")}};
}
static_assert(cfdo::valid<make>());
} // namespace placement_form_invalid
#endif

#if defined(CFDO_CASE_assets_config_value_unknown)
namespace assets_config_value_unknown {
constexpr cfdo::worker_version make() {
    return {.assets =
                cfdo::version_assets{.config = cfdo::assets_config{.not_found_handling = CFDO_ONLY_IN_CASE("spa")
                                                                       CFDO_ONLY_IN_TWIN("single-page-application")}}};
}
static_assert(cfdo::valid<make>());
} // namespace assets_config_value_unknown
#endif

#if defined(CFDO_CASE_container_class_not_durable_object)
namespace container_class_not_durable_object {
constexpr cfdo::worker_version make() {
    return {.migrations = cfdo::single_step_migration{.new_sqlite_classes = {"Counter"}},
            .containers = {{.class_name = CFDO_ONLY_IN_CASE("Sandbox") CFDO_ONLY_IN_TWIN("Counter")}}};
}
static_assert(cfdo::valid<make, cfdo::first_deploy>());
} // namespace container_class_not_durable_object
#endif

#if defined(CFDO_CASE_code_update_strategy_invalid)
namespace code_update_strategy_invalid {
constexpr cfdo::upload_metadata make() {
    return {.code_update_strategy = cfdo::code_update_strategy{
                .mode = "deferred", .max_delay = CFDO_ONLY_IN_CASE(90000) CFDO_ONLY_IN_TWIN(86400)}};
}
static_assert(cfdo::valid<make>());
} // namespace code_update_strategy_invalid
#endif

#if defined(CFDO_CASE_durable_object_environment_without_script)
namespace durable_object_environment_without_script {
constexpr cfdo::worker_version make() {
    return {.bindings = {cfdo::durable_object_binding{.name = "SESSIONS",
                                                      .class_name = "Session",
                                                      CFDO_ONLY_IN_TWIN(.script_name = "auth-worker", ).environment =
                                                          "production"}}};
}
static_assert(cfdo::valid<make>());
} // namespace durable_object_environment_without_script
#endif

#if defined(CFDO_CASE_durable_object_binding_without_class)
namespace durable_object_binding_without_class {
constexpr cfdo::worker_version make() {
    return {
        .bindings = {cfdo::durable_object_binding{
            .name = "SESSIONS", .script_name = "sessions" CFDO_ONLY_IN_TWIN(, .namespace_id = "5fd1cafff895419c")}}};
}
static_assert(cfdo::valid<make>());
} // namespace durable_object_binding_without_class
#endif

// ---------------------------------------------------------------------------
// Durable Object bindings against the classes the migrations leave live.

#if defined(CFDO_CASE_binding_class_not_created)
namespace binding_class_not_created {
// A second Durable Object added to a new Worker whose migrations (its whole
// history, as the context says) do not create it.
constexpr cfdo::worker_version make() {
    return {
        .bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"},
                     cfdo::durable_object_binding{.name = "CHAT", .class_name = "Chat"}},
        .migrations =
            cfdo::single_step_migration{.new_tag = "v1", .new_sqlite_classes = {"Counter" CFDO_ONLY_IN_TWIN(, "Chat")}},
    };
}
static_assert(cfdo::valid<make, cfdo::first_deploy>());
} // namespace binding_class_not_created
#endif

#if defined(CFDO_CASE_binding_class_not_created_typo)
namespace binding_class_not_created_typo {
// The getting-started typo: the binding says Conter, the migration creates
// Counter. On a first deploy the build stops, and says which was meant.
constexpr cfdo::worker_version make() {
    return {
        .bindings = {cfdo::durable_object_binding{
            .name = "COUNTER", .class_name = CFDO_ONLY_IN_CASE("Conter") CFDO_ONLY_IN_TWIN("Counter")}},
        .migrations = cfdo::single_step_migration{.new_classes = {"Counter"}},
    };
}
static_assert(cfdo::valid<make, cfdo::first_deploy>());
} // namespace binding_class_not_created_typo
#endif

#if defined(CFDO_CASE_binding_class_not_created_warning_as_error)
namespace binding_class_not_created_warning_as_error {
// Nothing known of what is deployed: the same typo is a warning, which
// stops the build when warnings are errors.
constexpr cfdo::worker_version make() {
    return {
        .bindings = {cfdo::durable_object_binding{
            .name = "COUNTER", .class_name = CFDO_ONLY_IN_CASE("Conter") CFDO_ONLY_IN_TWIN("Counter")}},
        .migrations = cfdo::single_step_migration{.new_classes = {"Counter"}},
    };
}
static_assert(cfdo::valid<make, cfdo::warnings_are_errors>());
} // namespace binding_class_not_created_warning_as_error
#endif

#if defined(CFDO_CASE_binding_class_not_created_upload)
namespace binding_class_not_created_upload {
// The same mistake in a script upload: the pointer is into its metadata.
constexpr cfdo::upload_script make() {
    return {.account_id = account,
            .script_name = "counter",
            .metadata = {.version = {
                             .bindings = {cfdo::durable_object_binding{.name = "CHAT", .class_name = "Chat"}},
                             .migrations =
                                 cfdo::single_step_migration{
                                     .new_tag = "v1", .new_sqlite_classes = {"Counter" CFDO_ONLY_IN_TWIN(, "Chat")}},
                         }}};
}
static_assert(cfdo::valid<make, cfdo::first_deploy>());
} // namespace binding_class_not_created_upload
#endif

#if defined(CFDO_CASE_binding_class_not_created_history)
namespace binding_class_not_created_history {
// A binding added once v1 is deployed, with Counter its one live class: the
// history in the context does not create Chat after v1.
constexpr cfdo::worker_version make() {
    return {.bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"},
                         cfdo::durable_object_binding{.name = "CHAT", .class_name = "Chat"}}};
}
constexpr cfdo::validation_context deployed() {
    return {.history = cfdo::migration_history{{.tag = "v1", .new_sqlite_classes = {"Counter"}},
                                               CFDO_ONLY_IN_TWIN({.tag = "v2", .new_sqlite_classes = {"Chat"}}, )},
            .deployed =
                cfdo::deployed_state{.migration_tag = "v1",
                                     .classes = std::vector<cfdo::deployed_class>{
                                         {.class_name = "Counter", .storage = cfdo::durable_object_storage::sqlite}}}};
}
static_assert(cfdo::valid<make, deployed>());
} // namespace binding_class_not_created_history
#endif

#if defined(CFDO_CASE_binding_to_renamed_class)
namespace binding_to_renamed_class {
constexpr cfdo::worker_version make() {
    return {
        .bindings = {cfdo::durable_object_binding{
            .name = "COUNTER", .class_name = CFDO_ONLY_IN_CASE("Counter") CFDO_ONLY_IN_TWIN("CounterV2")}},
        .migrations = cfdo::single_step_migration{.old_tag = "v1",
                                                  .new_tag = "v2",
                                                  .renamed_classes = {{.from = "Counter", .to = "CounterV2"}}},
    };
}
static_assert(cfdo::valid<make>());
} // namespace binding_to_renamed_class
#endif

#if defined(CFDO_CASE_binding_to_deleted_class)
namespace binding_to_deleted_class {
// A deployment whose history deleted Legacy in a step already applied.
constexpr cfdo::deployment make() {
    return {
        .version = {.bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"},
                                 CFDO_ONLY_IN_CASE(
                                     cfdo::durable_object_binding{.name = "LEGACY", .class_name = "Legacy"})}},
        .history = {{.tag = "v1", .new_classes = {"Counter", "Legacy"}}, {.tag = "v2", .deleted_classes = {"Legacy"}}}};
}
// A factory of the deployed state: Cloudflare has v2.
constexpr cfdo::deployed_state at_v2() { return {.migration_tag = "v2"}; }
static_assert(cfdo::valid<make, at_v2>());
} // namespace binding_to_deleted_class
#endif

#if defined(CFDO_CASE_binding_to_deleted_class_history)
namespace binding_to_deleted_class_history {
// The same with a version and the whole history in the context; the twin
// creates the class again (it starts empty).
constexpr cfdo::worker_version make() {
    return {.bindings = {cfdo::durable_object_binding{.name = "LEGACY", .class_name = "Legacy"}}};
}
constexpr cfdo::validation_context deployed() {
    return {.history = cfdo::migration_history{{.tag = "v1", .new_classes = {"Legacy"}},
                                               {.tag = "v2", .deleted_classes = {"Legacy"}},
                                               CFDO_ONLY_IN_TWIN({.tag = "v3", .new_sqlite_classes = {"Legacy"}}, )}};
}
static_assert(cfdo::valid<make, deployed>());
} // namespace binding_to_deleted_class_history
#endif

#if defined(CFDO_CASE_delete_while_bound)
namespace delete_while_bound {
constexpr cfdo::worker_version make() {
    return {
        .bindings = {CFDO_ONLY_IN_CASE(cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"}, )
                         cfdo::durable_object_binding{.name = "CHAT", .class_name = "Chat"}},
        .migrations = cfdo::single_step_migration{.old_tag = "v1", .new_tag = "v2", .deleted_classes = {"Counter"}},
    };
}
static_assert(cfdo::valid<make>());
} // namespace delete_while_bound
#endif

#if defined(CFDO_CASE_binding_class_not_exported)
namespace binding_class_not_exported {
// The bundler dropped the export of Chat.
constexpr cfdo::worker_version make() {
    return {
        .bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"},
                     cfdo::durable_object_binding{.name = "CHAT", .class_name = "Chat"}},
        .migrations = cfdo::single_step_migration{.new_tag = "v1", .new_sqlite_classes = {"Counter", "Chat"}},
    };
}
constexpr cfdo::validation_context exports() {
    return {.exported_classes = std::vector<cfdo::text>{"Counter" CFDO_ONLY_IN_TWIN(, "Chat")}};
}
static_assert(cfdo::valid<make, exports>());
} // namespace binding_class_not_exported
#endif

// ---------------------------------------------------------------------------
// Migrations: the fold of the directives, in order.

#if defined(CFDO_CASE_class_name_empty)
namespace class_name_empty {
constexpr cfdo::worker_version make() {
    return {.migrations = cfdo::single_step_migration{
                .new_tag = "v1", .new_sqlite_classes = {CFDO_ONLY_IN_CASE("") CFDO_ONLY_IN_TWIN("Counter")}}};
}
static_assert(cfdo::valid<make>());
} // namespace class_name_empty
#endif

#if defined(CFDO_CASE_new_class_exists)
namespace new_class_exists {
constexpr cfdo::worker_version make() {
    return {.migrations = cfdo::multi_step_migration{
                .new_tag = "v2",
                .steps = {{.new_sqlite_classes = {"Counter"}},
                          {.new_sqlite_classes = {CFDO_ONLY_IN_CASE("Counter") CFDO_ONLY_IN_TWIN("Chat")}}}}};
}
static_assert(cfdo::valid<make>());
} // namespace new_class_exists
#endif

#if defined(CFDO_CASE_kv_class_converted_to_sqlite)
namespace kv_class_converted_to_sqlite {
// A wrangler-style history: the whole history, checked from no class.
constexpr cfdo::migration_history make() {
    return {{.tag = "v1", .new_classes = {"Counter"}},
            {.tag = "v2", .new_sqlite_classes = {CFDO_ONLY_IN_CASE("Counter") CFDO_ONLY_IN_TWIN("CounterSqlite")}}};
}
static_assert(cfdo::valid<make>());
} // namespace kv_class_converted_to_sqlite
#endif

#if defined(CFDO_CASE_new_class_not_exported)
namespace new_class_not_exported {
constexpr cfdo::worker_version make() {
    return {.migrations = cfdo::single_step_migration{.new_tag = "v1", .new_sqlite_classes = {"Counter", "Chat"}}};
}
constexpr cfdo::validation_context exports() {
    return {.exported_classes = std::vector<cfdo::text>{"Counter" CFDO_ONLY_IN_TWIN(, "Chat")}};
}
static_assert(cfdo::valid<make, exports>());
} // namespace new_class_not_exported
#endif

#if defined(CFDO_CASE_live_class_not_exported)
namespace live_class_not_exported {
// The migration renames the class, the code still exports the old name.
constexpr cfdo::worker_version make() {
    return {.migrations = cfdo::single_step_migration{
                .old_tag = "v1", .new_tag = "v2", .renamed_classes = {{.from = "Counter", .to = "CounterV2"}}}};
}
constexpr cfdo::validation_context exports() {
    return {.exported_classes = std::vector<cfdo::text>{CFDO_ONLY_IN_CASE("Counter") CFDO_ONLY_IN_TWIN("CounterV2")}};
}
static_assert(cfdo::valid<make, exports>());
} // namespace live_class_not_exported
#endif

#if defined(CFDO_CASE_rename_source_missing)
namespace rename_source_missing {
constexpr cfdo::migration_history make() {
    return {
        {.tag = "v1", .new_sqlite_classes = {"Counter"}},
        {.tag = "v2",
         .renamed_classes = {{.from = CFDO_ONLY_IN_CASE("Conter") CFDO_ONLY_IN_TWIN("Counter"), .to = "CounterV2"}}}};
}
static_assert(cfdo::valid<make, cfdo::first_deploy>());
} // namespace rename_source_missing
#endif

#if defined(CFDO_CASE_rename_target_exists)
namespace rename_target_exists {
constexpr cfdo::migration_history make() {
    return {{.tag = "v1", .new_sqlite_classes = {"Counter" CFDO_ONLY_IN_CASE(, "CounterV2")}},
            {.tag = "v2", .renamed_classes = {{.from = "Counter", .to = "CounterV2"}}}};
}
static_assert(cfdo::valid<make>());
} // namespace rename_target_exists
#endif

#if defined(CFDO_CASE_rename_target_exists_checked)
namespace rename_target_exists_checked {
// The same history through cfdo::checked: naming the type checks it.
constexpr cfdo::migration_history make() {
    return {{.tag = "v1", .new_sqlite_classes = {"Counter" CFDO_ONLY_IN_CASE(, "CounterV2")}},
            {.tag = "v2", .renamed_classes = {{.from = "Counter", .to = "CounterV2"}}}};
}
using history = cfdo::checked<make>;
static_assert(history::make().size() == 2);
} // namespace rename_target_exists_checked
#endif

#if defined(CFDO_CASE_rename_duplicate)
namespace rename_duplicate {
// Two renames from Counter in one step; the twin is a chain (Counter to
// CounterV2, CounterV2 to CounterV3), which one step may hold.
constexpr cfdo::worker_version make() {
    return {.migrations = cfdo::single_step_migration{
                .old_tag = "v1",
                .new_tag = "v2",
                .renamed_classes = {
                    {.from = "Counter", .to = "CounterV2"},
                    {.from = CFDO_ONLY_IN_CASE("Counter") CFDO_ONLY_IN_TWIN("CounterV2"), .to = "CounterV3"}}}};
}
static_assert(cfdo::valid<make>());
} // namespace rename_duplicate
#endif

#if defined(CFDO_CASE_delete_missing_class)
namespace delete_missing_class {
constexpr cfdo::migration_history make() {
    return {{.tag = "v1", .new_sqlite_classes = {"Counter" CFDO_ONLY_IN_TWIN(, "Chat")}},
            {.tag = "v2", .deleted_classes = {"Chat"}}};
}
static_assert(cfdo::valid<make, cfdo::first_deploy>());
} // namespace delete_missing_class
#endif

#if defined(CFDO_CASE_transfer_target_exists)
namespace transfer_target_exists {
constexpr cfdo::worker_version make() {
    return {.migrations = cfdo::single_step_migration{
                .old_tag = "v1",
                .new_tag = "v2",
                CFDO_ONLY_IN_CASE(.new_sqlite_classes = {"Counter"}, ).transferred_classes = {
                    {.from = "Counter", .from_script = "old-counter", .to = "Counter"}}}};
}
static_assert(cfdo::valid<make>());
} // namespace transfer_target_exists
#endif

#if defined(CFDO_CASE_transfer_script_empty)
namespace transfer_script_empty {
// A transfer that does not say which Worker the class comes from.
constexpr cfdo::worker_version make() {
    return {.bindings = {cfdo::durable_object_binding{.name = "SESSION", .class_name = "Session"}},
            .migrations = cfdo::single_step_migration{
                .old_tag = "v1",
                .new_tag = "v2",
                .transferred_classes = {{.from = "Session",
                                         .from_script = CFDO_ONLY_IN_CASE("") CFDO_ONLY_IN_TWIN("auth-worker"),
                                         .to = "Session"}}}};
}
static_assert(cfdo::valid<make>());
} // namespace transfer_script_empty
#endif

#if defined(CFDO_CASE_migration_tag_duplicate)
namespace migration_tag_duplicate {
constexpr cfdo::migration_history make() {
    return {{.tag = "v1", .new_sqlite_classes = {"Counter"}},
            {.tag = CFDO_ONLY_IN_CASE("v1") CFDO_ONLY_IN_TWIN("v2"), .new_sqlite_classes = {"Chat"}}};
}
static_assert(cfdo::valid<make>());
} // namespace migration_tag_duplicate
#endif

#if defined(CFDO_CASE_deployed_tag_missing)
namespace deployed_tag_missing {
// A deployment whose v1 was pruned while Cloudflare has v1 deployed: a
// warning (wrangler replays every step), which stops the build when
// warnings are errors.
constexpr cfdo::deployment make() {
    return {.version = {.bindings = {cfdo::durable_object_binding{.name = "CHAT", .class_name = "Chat"}}},
            .history = {CFDO_ONLY_IN_TWIN({.tag = "v1", .new_sqlite_classes = {"Counter"}}, ){
                .tag = "v2", .new_sqlite_classes = {"Chat"}}}};
}
constexpr cfdo::deployed_state at_v1() { return {.migration_tag = "v1"}; }
static_assert(cfdo::valid<make, at_v1, cfdo::warnings_are_errors>());
} // namespace deployed_tag_missing
#endif

#if defined(CFDO_CASE_migration_old_tag_mismatch)
namespace migration_old_tag_mismatch {
// Cloudflare has v2; the payload continues from v1 (10079).
constexpr cfdo::worker_version make() {
    return {.migrations = cfdo::single_step_migration{.old_tag = CFDO_ONLY_IN_CASE("v1") CFDO_ONLY_IN_TWIN("v2"),
                                                      .new_tag = "v3",
                                                      .new_sqlite_classes = {"Room"}}};
}
constexpr cfdo::deployed_state at_v2() { return {.migration_tag = "v2"}; }
static_assert(cfdo::valid<make, at_v2>());
} // namespace migration_old_tag_mismatch
#endif

#if defined(CFDO_CASE_deployment_version_has_migrations)
namespace deployment_version_has_migrations {
// Migrations written on a deployment's version: the history is the one place.
constexpr cfdo::deployment make() {
    return {
        .version = {CFDO_ONLY_IN_CASE(.migrations = cfdo::single_step_migration{.new_sqlite_classes = {"Counter"}})},
        .history = {{.tag = "v1", .new_sqlite_classes = {"Counter"}}}};
}
static_assert(cfdo::valid<make>());
} // namespace deployment_version_has_migrations
#endif

// ---------------------------------------------------------------------------
// Modules and the version's own fields.

#if defined(CFDO_CASE_main_module_not_found)
namespace main_module_not_found {
constexpr cfdo::worker_version make() {
    return {.main_module = CFDO_ONLY_IN_CASE("index.mjs") CFDO_ONLY_IN_TWIN("worker.mjs"),
            .modules = {javascript_module("worker.mjs")}};
}
static_assert(cfdo::valid<make>());
} // namespace main_module_not_found
#endif

#if defined(CFDO_CASE_module_name_duplicate)
namespace module_name_duplicate {
constexpr cfdo::worker_version make() {
    return {.main_module = "worker.mjs",
            .modules = {javascript_module("worker.mjs"),
                        javascript_module(CFDO_ONLY_IN_CASE("worker.mjs") CFDO_ONLY_IN_TWIN("util.mjs"))}};
}
static_assert(cfdo::valid<make>());
} // namespace module_name_duplicate
#endif

#if defined(CFDO_CASE_module_name_reserved)
namespace module_name_reserved {
constexpr cfdo::upload_script make() {
    return {.account_id = account,
            .script_name = "counter",
            .metadata = {.version = {.main_module = "worker.mjs",
                                     .modules = {javascript_module("worker.mjs"),
                                                 text_module(CFDO_ONLY_IN_CASE("metadata")
                                                                 CFDO_ONLY_IN_TWIN("metadata.txt"))}}}};
}
static_assert(cfdo::valid<make>());
} // namespace module_name_reserved
#endif

#if defined(CFDO_CASE_module_name_not_sendable)
namespace module_name_not_sendable {
constexpr cfdo::upload_script make() {
    return {.account_id = account,
            .script_name = "counter",
            .metadata = {.version = {.main_module = "worker.mjs",
                                     .modules = {javascript_module("worker.mjs"),
                                                 text_module(CFDO_ONLY_IN_CASE("say \"hi\".txt")
                                                                 CFDO_ONLY_IN_TWIN("say-hi.txt"))}}}};
}
static_assert(cfdo::valid<make>());
} // namespace module_name_not_sendable
#endif

#if defined(CFDO_CASE_module_content_type_not_sendable)
namespace module_content_type_not_sendable {
constexpr cfdo::worker_version make() {
    return {
        .main_module = "worker.mjs",
        .modules = {javascript_module("worker.mjs"),
                    {.name = "notes.txt",
                     .content_type = CFDO_ONLY_IN_CASE("text/plain\r\nX-Injected: 1") CFDO_ONLY_IN_TWIN("text/plain"),
                     .content = cfdo::module_bytes{"hello"}}}};
}
static_assert(cfdo::valid<make>());
} // namespace module_content_type_not_sendable
#endif

#if defined(CFDO_CASE_module_content_not_base64)
namespace module_content_not_base64 {
constexpr cfdo::worker_version make() {
    return {.main_module = "worker.mjs",
            .modules = {javascript_module("worker.mjs"),
                        {.name = "data.bin",
                         .content_type = cfdo::content_type::octet_stream,
                         .content = cfdo::module_base64{CFDO_ONLY_IN_CASE("not base64!")
                                                            CFDO_ONLY_IN_TWIN("bm90IGJhc2U2NCE=")}}}};
}
static_assert(cfdo::valid<make>());
} // namespace module_content_not_base64
#endif

#if defined(CFDO_CASE_text_not_utf8)
namespace text_not_utf8 {
// Latin-1 text, as read from a file in another encoding.
constexpr cfdo::worker_version make() {
    return {.bindings = {cfdo::plain_text_binding{
                .name = "GREETING", .text = CFDO_ONLY_IN_CASE("caf\xe9") CFDO_ONLY_IN_TWIN("caf\xc3\xa9")}}};
}
static_assert(cfdo::valid<make>());
} // namespace text_not_utf8
#endif

#if defined(CFDO_CASE_text_not_utf8_class_name)
namespace text_not_utf8_class_name {
// Class names are checked by the migration fold.
constexpr cfdo::worker_version make() {
    return {.migrations = cfdo::single_step_migration{
                .new_tag = "v1",
                .new_sqlite_classes = {"Counter", CFDO_ONLY_IN_CASE("Caf\xe9") CFDO_ONLY_IN_TWIN("Caf\xc3\xa9")}}};
}
static_assert(cfdo::valid<make>());
} // namespace text_not_utf8_class_name
#endif

#if defined(CFDO_CASE_compatibility_date_invalid)
namespace compatibility_date_invalid {
constexpr cfdo::worker_version make() {
    return {.compatibility_date = CFDO_ONLY_IN_CASE("2024-02-30") CFDO_ONLY_IN_TWIN("2024-02-29")};
}
static_assert(cfdo::valid<make>());
} // namespace compatibility_date_invalid
#endif

#if defined(CFDO_CASE_compatibility_date_invalid_malformed)
namespace compatibility_date_invalid_malformed {
// Not written YYYY-MM-DD: kept while compiling, and reported as written.
constexpr cfdo::worker_version make() {
    return {.compatibility_date = CFDO_ONLY_IN_CASE("2024-3-1") CFDO_ONLY_IN_TWIN("2024-03-01")};
}
static_assert(cfdo::valid<make>());
} // namespace compatibility_date_invalid_malformed
#endif

#if defined(CFDO_CASE_compatibility_date_in_future_pinned_today)
namespace compatibility_date_in_future_pinned_today {
// Without a `today`, compile time cannot know the date; a context factory
// may pin it.
constexpr cfdo::worker_version make() {
    return {.compatibility_date = CFDO_ONLY_IN_CASE("2024-03-02") CFDO_ONLY_IN_TWIN("2024-03-01")};
}
constexpr cfdo::validation_context on_release_day() { return {.today = cfdo::date("2024-03-01")}; }
static_assert(cfdo::valid<make, on_release_day>());
} // namespace compatibility_date_in_future_pinned_today
#endif

#if defined(CFDO_CASE_compatibility_date_in_future_unchecked)
namespace compatibility_date_in_future_unchecked {
// Without a pinned `today` the future date is not checked while compiling:
// the case must fail on its own mistake, not on the date. (The context says
// first deploy, and nothing about the day.)
constexpr cfdo::worker_version make() {
    return {.compatibility_date = "9999-12-31",
            .bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"}},
            .migrations = cfdo::single_step_migration{
                .new_tag = "v1", .new_sqlite_classes = {CFDO_ONLY_IN_CASE("Conter") CFDO_ONLY_IN_TWIN("Counter")}}};
}
static_assert(cfdo::valid<make, cfdo::first_deploy>());
} // namespace compatibility_date_in_future_unchecked
#endif

// The declarative exports: each kind of entry is a type, so what a state
// requires or forbids cannot be written wrong; the rules check the values
// and the lifecycle the map declares.
#if defined(CFDO_CASE_exports_with_migrations)
namespace exports_with_migrations {
constexpr cfdo::worker_version make() {
    return {
        CFDO_ONLY_IN_CASE(.migrations = cfdo::single_step_migration{.new_tag = "v1", .new_sqlite_classes = {"Room"}}, )
            .exports = {{"Room", cfdo::durable_object_export{.storage = cfdo::export_storage::sqlite}}}};
}
static_assert(cfdo::valid<make>());
} // namespace exports_with_migrations
#endif

#if defined(CFDO_CASE_export_name_empty)
namespace export_name_empty {
constexpr cfdo::worker_version make() {
    return {.exports = {{CFDO_ONLY_IN_CASE("") CFDO_ONLY_IN_TWIN("Api"), cfdo::worker_export{}}}};
}
static_assert(cfdo::valid<make>());
} // namespace export_name_empty
#endif

#if defined(CFDO_CASE_export_name_duplicate)
namespace export_name_duplicate {
constexpr cfdo::worker_version make() {
    return {.exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                        {CFDO_ONLY_IN_CASE("Room") CFDO_ONLY_IN_TWIN("Lobby"),
                         cfdo::durable_object_export{.storage = "sqlite"}}}};
}
static_assert(cfdo::valid<make>());
} // namespace export_name_duplicate
#endif

#if defined(CFDO_CASE_export_state_unknown)
namespace export_state_unknown {
constexpr cfdo::worker_version make() {
    return {.exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite",
                                                             .state = CFDO_ONLY_IN_CASE("deleted")
                                                                 CFDO_ONLY_IN_TWIN("created")}}}};
}
static_assert(cfdo::valid<make>());
} // namespace export_state_unknown
#endif

#if defined(CFDO_CASE_export_storage_unknown)
namespace export_storage_unknown {
constexpr cfdo::worker_version make() {
    return {.exports = {{"Room", cfdo::durable_object_export{.storage = CFDO_ONLY_IN_CASE("sqlite3")
                                                                 CFDO_ONLY_IN_TWIN("sqlite")}}}};
}
static_assert(cfdo::valid<make>());
} // namespace export_storage_unknown
#endif

#if defined(CFDO_CASE_export_rename_to_itself)
namespace export_rename_to_itself {
constexpr cfdo::worker_version make() {
    return {.exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                        {"OldRoom", cfdo::durable_object_renamed_export{.renamed_to = CFDO_ONLY_IN_CASE("OldRoom")
                                                                            CFDO_ONLY_IN_TWIN("Room")}}}};
}
static_assert(cfdo::valid<make>());
} // namespace export_rename_to_itself
#endif

#if defined(CFDO_CASE_export_rename_target_not_live)
namespace export_rename_target_not_live {
// The renamed class's new name must be a live entry of the same map.
constexpr cfdo::worker_version make() {
    return {.exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                        {"OldRoom", cfdo::durable_object_renamed_export{.renamed_to = CFDO_ONLY_IN_CASE("Rooms")
                                                                            CFDO_ONLY_IN_TWIN("Room")}}}};
}
static_assert(cfdo::valid<make>());
} // namespace export_rename_target_not_live
#endif

#if defined(CFDO_CASE_export_rename_target_taken)
namespace export_rename_target_taken {
// Two deployed namespaces cannot both move onto Room.
constexpr cfdo::worker_version make() {
    return {.exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                        {"Lobby", cfdo::durable_object_export{.storage = "sqlite"}},
                        {"OldRoom", cfdo::durable_object_renamed_export{.renamed_to = "Room"}},
                        {"OlderRoom", cfdo::durable_object_renamed_export{.renamed_to = CFDO_ONLY_IN_CASE("Room")
                                                                              CFDO_ONLY_IN_TWIN("Lobby")}}}};
}
constexpr cfdo::deployed_state deployed() {
    return {.classes = std::vector<cfdo::deployed_class>{{.class_name = "OldRoom"}, {.class_name = "OlderRoom"}}};
}
static_assert(cfdo::valid<make, deployed>());
} // namespace export_rename_target_taken
#endif

#if defined(CFDO_CASE_export_rename_target_taken_deployed)
namespace export_rename_target_taken_deployed {
// Room is deployed with Durable Objects of its own.
constexpr cfdo::worker_version make() {
    return {.exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                        {"OldRoom", cfdo::durable_object_renamed_export{.renamed_to = "Room"}}}};
}
constexpr cfdo::deployed_state deployed() {
    return {.classes = std::vector<cfdo::deployed_class>{
                {.class_name = "OldRoom"} CFDO_ONLY_IN_CASE(, {.class_name = "Room"})}};
}
static_assert(cfdo::valid<make, deployed>());
} // namespace export_rename_target_taken_deployed
#endif

#if defined(CFDO_CASE_export_transfer_within_worker)
namespace export_transfer_within_worker {
constexpr cfdo::worker_version make() {
    return {.exports = {{"Room", cfdo::durable_object_transferred_export{.transferred_to = CFDO_ONLY_IN_CASE("chat")
                                                                             CFDO_ONLY_IN_TWIN("chat-v2")}}}};
}
constexpr cfdo::validation_context chat() { return {.script_name = cfdo::text("chat")}; }
static_assert(cfdo::valid<make, chat>());
} // namespace export_transfer_within_worker
#endif

#if defined(CFDO_CASE_export_container_on_legacy_kv)
namespace export_container_on_legacy_kv {
constexpr cfdo::worker_version make() {
    return {.exports = {{"Box", cfdo::durable_object_export{.storage = CFDO_ONLY_IN_CASE("legacy-kv")
                                                                CFDO_ONLY_IN_TWIN("sqlite"),
                                                            .container = "box"}}},
            .containers = {{.class_name = "Box", .name = "box"}}};
}
static_assert(cfdo::valid<make, cfdo::first_deploy>());
} // namespace export_container_on_legacy_kv
#endif

#if defined(CFDO_CASE_export_container_undeclared)
namespace export_container_undeclared {
constexpr cfdo::worker_version make() {
    return {.exports = {{"Box",
                         cfdo::durable_object_export{.storage = "sqlite",
                                                     .container = CFDO_ONLY_IN_CASE("bx") CFDO_ONLY_IN_TWIN("box")}}},
            .containers = {{.class_name = "Box", .name = "box"}}};
}
static_assert(cfdo::valid<make>());
} // namespace export_container_undeclared
#endif

#if defined(CFDO_CASE_export_container_shared)
namespace export_container_shared {
constexpr cfdo::worker_version make() {
    return {.exports = {{"Box", cfdo::durable_object_export{.storage = "sqlite", .container = "box"}},
                        {"Crate",
                         cfdo::durable_object_export{
                             .storage = "sqlite", .container = CFDO_ONLY_IN_CASE("box") CFDO_ONLY_IN_TWIN("crate")}}},
            .containers = {{.class_name = "Box", .name = "box"}, {.class_name = "Crate", .name = "crate"}}};
}
static_assert(cfdo::valid<make>());
} // namespace export_container_shared
#endif

#if defined(CFDO_CASE_binding_class_not_in_exports)
namespace binding_class_not_in_exports {
// With exports, a class has a namespace only if it has a live entry.
constexpr cfdo::worker_version make() {
    return {.bindings = {cfdo::durable_object_binding{.name = "ROOM", .class_name = "Room"},
                         cfdo::durable_object_binding{.name = "LOBBY", .class_name = "Lobby"}},
            .exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}} CFDO_ONLY_IN_TWIN(
                , {"Lobby", cfdo::durable_object_export{.storage = "sqlite"}})}};
}
static_assert(cfdo::valid<make>());
} // namespace binding_class_not_in_exports
#endif

#if defined(CFDO_CASE_binding_to_export_tombstone)
namespace binding_to_export_tombstone {
constexpr cfdo::worker_version make() {
    return {.bindings = {cfdo::durable_object_binding{
                .name = "ROOM", .class_name = CFDO_ONLY_IN_CASE("OldRoom") CFDO_ONLY_IN_TWIN("Room")}},
            .exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                        {"OldRoom", cfdo::durable_object_deleted_export{}}}};
}
static_assert(cfdo::valid<make>());
} // namespace binding_to_export_tombstone
#endif

#if defined(CFDO_CASE_export_class_not_in_code)
namespace export_class_not_in_code {
constexpr cfdo::worker_version make() {
    return {.exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}}}};
}
constexpr cfdo::validation_context code() {
    return {.exported_classes = std::vector<cfdo::text>{CFDO_ONLY_IN_CASE("Rooms") CFDO_ONLY_IN_TWIN("Room")}};
}
static_assert(cfdo::valid<make, code>());
} // namespace export_class_not_in_code
#endif

#if defined(CFDO_CASE_export_deleted_class_in_code)
namespace export_deleted_class_in_code {
constexpr cfdo::worker_version make() {
    return {.exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}},
                        {"Gone", cfdo::durable_object_deleted_export{}}}};
}
constexpr cfdo::validation_context code() {
    return {.exported_classes = std::vector<cfdo::text>{"Room" CFDO_ONLY_IN_CASE(, "Gone")}};
}
static_assert(cfdo::valid<make, code>());
} // namespace export_deleted_class_in_code
#endif

#if defined(CFDO_CASE_export_legacy_kv_not_deployed)
namespace export_legacy_kv_not_deployed {
// exports never creates a key-value namespace.
constexpr cfdo::worker_version make() {
    return {.exports = {{"Room", cfdo::durable_object_export{.storage = CFDO_ONLY_IN_CASE("legacy-kv")
                                                                 CFDO_ONLY_IN_TWIN("sqlite")}}}};
}
static_assert(cfdo::valid<make, cfdo::first_deploy>());
} // namespace export_legacy_kv_not_deployed
#endif

#if defined(CFDO_CASE_export_storage_changed)
namespace export_storage_changed {
constexpr cfdo::worker_version make() {
    return {.exports = {{"Room", cfdo::durable_object_export{.storage = CFDO_ONLY_IN_CASE("sqlite")
                                                                 CFDO_ONLY_IN_TWIN("legacy-kv")}}}};
}
constexpr cfdo::deployed_state deployed() {
    return {.classes =
                std::vector<cfdo::deployed_class>{{.class_name = "Room", .storage = cfdo::durable_object_storage::kv}}};
}
static_assert(cfdo::valid<make, deployed>());
} // namespace export_storage_changed
#endif

#if defined(CFDO_CASE_deployed_class_not_in_exports)
namespace deployed_class_not_in_exports {
// Moving from migrations to exports: every deployed class keeps an entry.
constexpr cfdo::worker_version make() {
    return {.exports = {{"Room", cfdo::durable_object_export{.storage = "sqlite"}} CFDO_ONLY_IN_TWIN(
                , {"Lobby", cfdo::durable_object_deleted_export{}})}};
}
constexpr cfdo::deployed_state deployed() {
    return {.migration_tag = "v3",
            .classes = std::vector<cfdo::deployed_class>{{.class_name = "Room"}, {.class_name = "Lobby"}}};
}
static_assert(cfdo::valid<make, deployed>());
} // namespace deployed_class_not_in_exports
#endif

} // namespace

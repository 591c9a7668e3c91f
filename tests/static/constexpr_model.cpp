// The whole model works inside constant expressions, on GCC 12 and on
// Clang 16 with libstdc++ 12: every binding kind, both migration forms, both
// kinds of module content, copies, comparisons, and the request rules.
#include <cfdo/model/worker_version.hpp>
#include <cfdo/rules/request_rules.hpp>
#include <cfdo/support/base64.hpp>
#include <cfdo/support/json_syntax.hpp>

#include <array>
#include <string_view>

namespace {

constexpr cfdo::worker_version every_kind() {
    return {
        .main_module = "worker.mjs",
        .compatibility_date = "2025-08-06",
        .compatibility_flags = {"nodejs_compat"},
        .bindings =
            {
                cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"},
                cfdo::durable_object_binding{
                    .name = "REMOTE", .class_name = "Room", .script_name = "chat", .environment = "production"},
                cfdo::plain_text_binding{.name = "GREETING", .text = "hello"},
                cfdo::secret_text_binding{.name = "TOKEN", .text = "s3cr3t"},
                cfdo::json_binding{.name = "SETTINGS", .json = R"({"debug":true})"},
                cfdo::kv_namespace_binding{.name = "CACHE", .namespace_id = "0f2ac74b498b48028cb68387c421e279"},
                cfdo::r2_bucket_binding{.name = "ASSETS", .bucket_name = "assets", .jurisdiction = "eu"},
                cfdo::service_binding{.name = "AUTH", .service = "auth", .entrypoint = "Verifier"},
                cfdo::d1_binding{.name = "DB", .database_id = "a1b2"},
                cfdo::queue_binding{.name = "JOBS", .queue_name = "jobs"},
            },
        .migrations =
            cfdo::multi_step_migration{
                .old_tag = "v1",
                .new_tag = "v3",
                .steps = {{.new_sqlite_classes = {"Room"}},
                          {.renamed_classes = {{.from = "Room", .to = "ChatRoom"}},
                           .transferred_classes = {{.from = "Counter", .from_script = "legacy", .to = "Counter"}}}},
            },
        .modules = {{.name = "worker.mjs",
                     .content_type = cfdo::content_type::javascript_module,
                     .content = cfdo::module_bytes{"export default {}"}},
                    {.name = "data.bin",
                     .content_type = cfdo::content_type::octet_stream,
                     .content = cfdo::module_base64{"AAEC"}}},
        .annotations = cfdo::version_annotations{.message = "first", .tag = "v1.0"},
        .limits = cfdo::version_limits{.cpu_ms = 50},
    };
}

constexpr bool model_is_usable_at_compile_time() {
    auto version = every_kind();
    auto copy = version;
    if (!(copy == version)) return false;
    copy.bindings[0] = cfdo::queue_binding{.name = "OTHER", .queue_name = "q"};
    if (copy == version) return false;
    if (cfdo::type_of(copy.bindings[0]) != "queue" || cfdo::name_of(version.bindings[0]) != "COUNTER") return false;
    if (!version.bindings[1].holds<cfdo::durable_object_binding>()) return false;
    if (version.bindings[1].get_if<cfdo::durable_object_binding>()->script_name != "chat") return false;
    if (version.bindings[2].get_if<cfdo::durable_object_binding>() != nullptr) return false;

    auto const steps = cfdo::steps_of(*version.migrations);
    if (steps.size() != 2 || steps[1].renamed_classes[0].to != "ChatRoom") return false;
    if (cfdo::old_tag_of(*version.migrations) != "v1" || cfdo::new_tag_of(*version.migrations) != "v3") return false;

    cfdo::migrations single = cfdo::single_step_migration{.new_classes = {"Counter"}};
    if (cfdo::steps_of(single)[0].new_classes[0] != "Counter" || cfdo::old_tag_of(single)) return false;

    return version.modules[1].content.holds<cfdo::module_base64>() && version.compatibility_date->month() == 8;
}
static_assert(model_is_usable_at_compile_time());

// Text compares with literals, std::string_view and other texts.
static_assert(cfdo::text("Counter") == "Counter");
static_assert(cfdo::text("Counter") == std::string_view("Counter"));
static_assert(cfdo::text("A") < cfdo::text("B"));
static_assert(cfdo::text().empty());

// Dates: the form is parsed at compile time, the calendar checked apart.
static_assert(cfdo::date("2024-02-29").is_calendar_date());
static_assert(!cfdo::date("2023-02-29").is_calendar_date());
static_assert(!cfdo::date("2024-13-01").is_calendar_date());
static_assert(!cfdo::date::parse("2024-3-01"));
static_assert(!cfdo::date::parse("2024-03-01T00:00"));
static_assert(cfdo::date(2024, 3, 1) == cfdo::date("2024-03-01"));
static_assert(cfdo::date("2024-03-01") < cfdo::date("2024-03-02"));

// Base64 at compile time.
constexpr auto encoded = [] {
    std::array<char, 8> out{};
    cfdo::base64_encode("hello", out.data());
    return out;
}();
static_assert(std::string_view(encoded.data(), encoded.size()) == "aGVsbG8=");
static_assert(cfdo::is_base64("aGVsbG8="));
static_assert(!cfdo::is_base64("aGVsbG8"));
static_assert(cfdo::is_base64("aGVsbG9=") && !cfdo::is_canonical_base64("aGVsbG9="));

// The request rules run at compile time.
static_assert(cfdo::validate(cfdo::list_namespaces{.account_id = "023e105f4ecef8ad9ca31a8372d0c353"}).empty());
static_assert(cfdo::validate(cfdo::list_namespaces{.account_id = "a/b", .per_page = 101}).size() == 2);
static_assert(cfdo::validate(cfdo::list_namespaces{.account_id = "a/b"})[0].rule == "path-parameter-slash");
static_assert(cfdo::validate(cfdo::list_objects{.account_id = "a", .namespace_id = "..", .limit = 9}).size() == 2);

} // namespace

namespace {
// The JSON syntax check runs at compile time.
static_assert(cfdo::is_json(R"({"debug":true,"levels":[1,2.5e3,null]})"));
static_assert(!cfdo::is_json(R"({"debug":true,})"));
static_assert(!cfdo::is_json("\"\xff\""));
} // namespace

// Each case leaves out one field that Cloudflare requires; the compiler's
// first lines must name that field. With -DCFDO_TWIN the field is given and
// the case must compile. The *_braced cases leave it out of an element of a
// braced vector, written `{{...}}` as the docs write them.
#include <cfdo/model/operations.hpp>
#include <cfdo/model/worker_version.hpp>

#include "case_or_twin.hpp"

#include <cstdlib>
#include <string>

namespace {

#if defined(CFDO_CASE_durable_object_binding_name)
namespace durable_object_binding_name {
constexpr auto make = [] {
    return cfdo::durable_object_binding{CFDO_ONLY_IN_TWIN(.name = "COUNTER", ).class_name = "Counter"};
};
static_assert(make().class_name == "Counter");
} // namespace durable_object_binding_name
#endif

#if defined(CFDO_CASE_durable_object_binding_name_runtime)
namespace durable_object_binding_name_runtime {
// The same omission with values known only at run time.
[[maybe_unused]] cfdo::durable_object_binding make() {
    char const* const class_name = std::getenv("CLASS_NAME");
    return cfdo::durable_object_binding{CFDO_ONLY_IN_TWIN(.name = std::string(std::getenv("BINDING")), ).class_name =
                                            std::string(class_name)};
}
} // namespace durable_object_binding_name_runtime
#endif

#if defined(CFDO_CASE_plain_text_binding_text)
namespace plain_text_binding_text {
constexpr auto make = [] { return cfdo::plain_text_binding{.name = "GREETING" CFDO_ONLY_IN_TWIN(, .text = "hello")}; };
static_assert(make().name == "GREETING");
} // namespace plain_text_binding_text
#endif

#if defined(CFDO_CASE_secret_text_binding_name)
namespace secret_text_binding_name {
constexpr auto make = [] { return cfdo::secret_text_binding{CFDO_ONLY_IN_TWIN(.name = "TOKEN", ).text = "s3cr3t"}; };
static_assert(make().text == "s3cr3t");
} // namespace secret_text_binding_name
#endif

#if defined(CFDO_CASE_json_binding_json)
namespace json_binding_json {
constexpr auto make = [] {
    return cfdo::json_binding{.name = "SETTINGS" CFDO_ONLY_IN_TWIN(, .json = R"({"debug":true})")};
};
static_assert(make().name == "SETTINGS");
} // namespace json_binding_json
#endif

#if defined(CFDO_CASE_kv_namespace_binding_namespace_id)
namespace kv_namespace_binding_namespace_id {
constexpr auto make = [] {
    return cfdo::kv_namespace_binding{
        .name = "CACHE" CFDO_ONLY_IN_TWIN(, .namespace_id = "0f2ac74b498b48028cb68387c421e279")};
};
static_assert(make().name == "CACHE");
} // namespace kv_namespace_binding_namespace_id
#endif

#if defined(CFDO_CASE_r2_bucket_binding_bucket_name)
namespace r2_bucket_binding_bucket_name {
constexpr auto make = [] {
    return cfdo::r2_bucket_binding{.name = "ASSETS" CFDO_ONLY_IN_TWIN(, .bucket_name = "assets")};
};
static_assert(make().name == "ASSETS");
} // namespace r2_bucket_binding_bucket_name
#endif

#if defined(CFDO_CASE_service_binding_service)
namespace service_binding_service {
constexpr auto make = [] {
    return cfdo::service_binding{.name = "AUTH" CFDO_ONLY_IN_TWIN(, .service = "auth-worker")};
};
static_assert(make().name == "AUTH");
} // namespace service_binding_service
#endif

#if defined(CFDO_CASE_hyperdrive_binding_id)
namespace hyperdrive_binding_id {
constexpr auto make = [] { return cfdo::hyperdrive_binding{.name = "DB" CFDO_ONLY_IN_TWIN(, .id = "ef43924d")}; };
static_assert(make().name == "DB");
} // namespace hyperdrive_binding_id
#endif

#if defined(CFDO_CASE_queue_binding_queue_name)
namespace queue_binding_queue_name {
constexpr auto make = [] { return cfdo::queue_binding{.name = "JOBS" CFDO_ONLY_IN_TWIN(, .queue_name = "jobs")}; };
static_assert(make().name == "JOBS");
} // namespace queue_binding_queue_name
#endif

#if defined(CFDO_CASE_worker_module_name)
namespace worker_module_name {
constexpr auto make = [] {
    return cfdo::worker_module{CFDO_ONLY_IN_TWIN(.name = "worker.mjs", ).content_type =
                                   cfdo::content_type::javascript_module,
                               .content = cfdo::module_bytes{"export default {}"}};
};
static_assert(make().content_type == cfdo::content_type::javascript_module);
} // namespace worker_module_name
#endif

#if defined(CFDO_CASE_worker_module_content_type)
namespace worker_module_content_type {
constexpr auto make = [] {
    return cfdo::worker_module{.name = "worker.mjs",
                               CFDO_ONLY_IN_TWIN(.content_type = cfdo::content_type::javascript_module, ).content =
                                   cfdo::module_bytes{"export default {}"}};
};
static_assert(make().name == "worker.mjs");
} // namespace worker_module_content_type
#endif

#if defined(CFDO_CASE_worker_module_content)
namespace worker_module_content {
constexpr auto make = [] {
    return cfdo::worker_module{.name = "worker.mjs",
                               .content_type = cfdo::content_type::javascript_module CFDO_ONLY_IN_TWIN(
                                   , .content = cfdo::module_bytes{"export default {}"})};
};
static_assert(make().name == "worker.mjs");
} // namespace worker_module_content
#endif

#if defined(CFDO_CASE_renamed_class_from)
namespace renamed_class_from {
constexpr auto make = [] { return cfdo::renamed_class{CFDO_ONLY_IN_TWIN(.from = "Counter", ).to = "CounterV2"}; };
static_assert(make().to == "CounterV2");
} // namespace renamed_class_from
#endif

#if defined(CFDO_CASE_renamed_class_to)
namespace renamed_class_to {
constexpr auto make = [] { return cfdo::renamed_class{.from = "Counter" CFDO_ONLY_IN_TWIN(, .to = "CounterV2")}; };
static_assert(make().from == "Counter");
} // namespace renamed_class_to
#endif

#if defined(CFDO_CASE_transferred_class_from_script)
namespace transferred_class_from_script {
constexpr auto make = [] {
    return cfdo::transferred_class{.from = "Counter", CFDO_ONLY_IN_TWIN(.from_script = "old-worker", ).to = "Counter"};
};
static_assert(make().from == "Counter");
} // namespace transferred_class_from_script
#endif

#if defined(CFDO_CASE_list_namespaces_account_id)
namespace list_namespaces_account_id {
constexpr auto make = [] {
    return cfdo::list_namespaces{CFDO_ONLY_IN_TWIN(.account_id = "023e105f4ecef8ad9ca31a8372d0c353", ).page = 2};
};
static_assert(*make().page == 2);
} // namespace list_namespaces_account_id
#endif

#if defined(CFDO_CASE_list_objects_namespace_id)
namespace list_objects_namespace_id {
constexpr auto make = [] {
    return cfdo::list_objects{.account_id = "023e105f4ecef8ad9ca31a8372d0c353" CFDO_ONLY_IN_TWIN(
                                  , .namespace_id = "5fd1cafff895419c8bcc647fc64ab8f0")};
};
static_assert(make().account_id.size() == 32);
} // namespace list_objects_namespace_id
#endif

#if defined(CFDO_CASE_create_version_worker_id)
namespace create_version_worker_id {
constexpr auto make = [] {
    return cfdo::create_version{.account_id = "023e105f4ecef8ad9ca31a8372d0c353",
                                CFDO_ONLY_IN_TWIN(.worker_id = "counter", ).deploy = true};
};
static_assert(*make().deploy);
} // namespace create_version_worker_id
#endif

#if defined(CFDO_CASE_upload_script_script_name)
namespace upload_script_script_name {
constexpr auto make = [] {
    return cfdo::upload_script{.account_id =
                                   "023e105f4ecef8ad9ca31a8372d0c353" CFDO_ONLY_IN_TWIN(, .script_name = "counter")};
};
static_assert(make().account_id.size() == 32);
} // namespace upload_script_script_name
#endif

#if defined(CFDO_CASE_plain_text_binding_name)
namespace plain_text_binding_name {
constexpr auto make = [] { return cfdo::plain_text_binding{CFDO_ONLY_IN_TWIN(.name = "GREETING", ).text = "hello"}; };
static_assert(make().text == "hello");
} // namespace plain_text_binding_name
#endif

#if defined(CFDO_CASE_secret_text_binding_text)
namespace secret_text_binding_text {
constexpr auto make = [] { return cfdo::secret_text_binding{.name = "TOKEN" CFDO_ONLY_IN_TWIN(, .text = "s3cr3t")}; };
static_assert(make().name == "TOKEN");
} // namespace secret_text_binding_text
#endif

#if defined(CFDO_CASE_json_binding_name)
namespace json_binding_name {
constexpr auto make = [] { return cfdo::json_binding{CFDO_ONLY_IN_TWIN(.name = "SETTINGS", ).json = "[]"}; };
static_assert(make().json == "[]");
} // namespace json_binding_name
#endif

#if defined(CFDO_CASE_kv_namespace_binding_name)
namespace kv_namespace_binding_name {
constexpr auto make = [] {
    return cfdo::kv_namespace_binding{CFDO_ONLY_IN_TWIN(.name = "CACHE", ).namespace_id = "0f2a"};
};
static_assert(make().namespace_id == "0f2a");
} // namespace kv_namespace_binding_name
#endif

#if defined(CFDO_CASE_r2_bucket_binding_name)
namespace r2_bucket_binding_name {
constexpr auto make = [] {
    return cfdo::r2_bucket_binding{CFDO_ONLY_IN_TWIN(.name = "ASSETS", ).bucket_name = "assets"};
};
static_assert(make().bucket_name == "assets");
} // namespace r2_bucket_binding_name
#endif

#if defined(CFDO_CASE_service_binding_name)
namespace service_binding_name {
constexpr auto make = [] { return cfdo::service_binding{CFDO_ONLY_IN_TWIN(.name = "AUTH", ).service = "auth-worker"}; };
static_assert(make().service == "auth-worker");
} // namespace service_binding_name
#endif

#if defined(CFDO_CASE_d1_binding_name)
namespace d1_binding_name {
constexpr auto make = [] { return cfdo::d1_binding{CFDO_ONLY_IN_TWIN(.name = "DB", ).database_id = "xxxx-yyyy"}; };
static_assert(make().database_id == "xxxx-yyyy");
} // namespace d1_binding_name
#endif

#if defined(CFDO_CASE_queue_binding_name)
namespace queue_binding_name {
constexpr auto make = [] { return cfdo::queue_binding{CFDO_ONLY_IN_TWIN(.name = "JOBS", ).queue_name = "jobs"}; };
static_assert(make().queue_name == "jobs");
} // namespace queue_binding_name
#endif

#if defined(CFDO_CASE_transferred_class_from)
namespace transferred_class_from {
constexpr auto make = [] {
    return cfdo::transferred_class{CFDO_ONLY_IN_TWIN(.from = "Counter", ).from_script = "old-worker", .to = "Counter"};
};
static_assert(make().from_script == "old-worker");
} // namespace transferred_class_from
#endif

#if defined(CFDO_CASE_transferred_class_to)
namespace transferred_class_to {
constexpr auto make = [] {
    return cfdo::transferred_class{.from = "Counter", .from_script = "old-worker" CFDO_ONLY_IN_TWIN(, .to = "Counter")};
};
static_assert(make().from_script == "old-worker");
} // namespace transferred_class_to
#endif

#if defined(CFDO_CASE_list_objects_account_id)
namespace list_objects_account_id {
constexpr auto make = [] {
    return cfdo::list_objects{CFDO_ONLY_IN_TWIN(.account_id = "023e105f4ecef8ad9ca31a8372d0c353", ).namespace_id =
                                  "5fd1cafff895419c8bcc647fc64ab8f0"};
};
static_assert(make().namespace_id.size() == 32);
} // namespace list_objects_account_id
#endif

#if defined(CFDO_CASE_create_version_account_id)
namespace create_version_account_id {
constexpr auto make = [] {
    return cfdo::create_version{CFDO_ONLY_IN_TWIN(.account_id = "023e105f4ecef8ad9ca31a8372d0c353", ).worker_id =
                                    "counter"};
};
static_assert(make().worker_id == "counter");
} // namespace create_version_account_id
#endif

#if defined(CFDO_CASE_upload_script_account_id)
namespace upload_script_account_id {
constexpr auto make = [] {
    return cfdo::upload_script{CFDO_ONLY_IN_TWIN(.account_id = "023e105f4ecef8ad9ca31a8372d0c353", ).script_name =
                                   "counter"};
};
static_assert(make().script_name == "counter");
} // namespace upload_script_account_id
#endif

#if defined(CFDO_CASE_renamed_class_to_braced)
namespace renamed_class_to_braced {
constexpr auto make = [] {
    return cfdo::migration_history{
        {.tag = "v1", .new_sqlite_classes = {"Counter"}},
        {.tag = "v2", .renamed_classes = {{.from = "Counter" CFDO_ONLY_IN_TWIN(, .to = "CounterV2")}}},
    };
};
static_assert(make().size() == 2);
} // namespace renamed_class_to_braced
#endif

#if defined(CFDO_CASE_worker_module_content_type_braced)
namespace worker_module_content_type_braced {
constexpr auto make = [] {
    return cfdo::worker_version{
        .main_module = "worker.mjs",
        .modules = {{.name = "worker.mjs",
                     CFDO_ONLY_IN_TWIN(.content_type = cfdo::content_type::javascript_module, ).content =
                         cfdo::module_bytes{"export default {}"}}},
    };
};
static_assert(make().modules.size() == 1);
} // namespace worker_module_content_type_braced
#endif

#if defined(CFDO_CASE_tagged_migration_tag_braced)
namespace tagged_migration_tag_braced {
constexpr auto make = [] {
    return cfdo::migration_history{{CFDO_ONLY_IN_TWIN(.tag = "v1", ).new_sqlite_classes = {"Counter"}}};
};
static_assert(make().size() == 1);
} // namespace tagged_migration_tag_braced
#endif

} // namespace

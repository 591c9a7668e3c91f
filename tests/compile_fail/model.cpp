// Compile-fail cases about the model's types themselves.
#include <cfdo/model/operations.hpp>
#include <cfdo/model/worker_version.hpp>

#if defined(CFDO_CASE_operation_body_names_no_member) || defined(CFDO_CASE_operation_path_names_no_member)
#include <cfdo/api/make_request.hpp>
#include <cfdo/json/to_json.hpp>
#endif

#include <string_view>

namespace {

#if defined(CFDO_CASE_binding_type_is_not_a_field)
namespace binding_type_is_not_a_field {
// The `type` of a binding is a constant of its kind, not a member to set.
constexpr auto make = [] {
    return cfdo::durable_object_binding {
#if !defined(CFDO_TWIN)
        .type = "kv_namespace",
#endif
        .name = "COUNTER", .class_name = "Counter"
    };
};
static_assert(cfdo::durable_object_binding::type == "durable_object_namespace");
static_assert(make().name == "COUNTER");
} // namespace binding_type_is_not_a_field
#endif

#if defined(CFDO_CASE_foreign_binding_kind)
namespace foreign_binding_kind {
// Only the model's binding kinds convert to a binding.
struct ai_binding {
    std::string_view name;
};
constexpr auto make = [] {
#if defined(CFDO_TWIN)
    cfdo::binding b = cfdo::plain_text_binding{.name = "AI", .text = "workers-ai"};
#else
    cfdo::binding b = ai_binding{.name = "AI"};
#endif
    return cfdo::name_of(b) == "AI";
};
static_assert(make());
} // namespace foreign_binding_kind
#endif

// An operation is one declaration; what it says about its members must hold.
#if defined(CFDO_CASE_operation_body_names_no_member)
namespace operation_body_names_no_member {
struct deploy_worker {
    static constexpr cfdo::endpoint endpoint {
        .method = cfdo::http_method::post, .path = "/accounts/{account_id}/workers/scripts/{script_name}/deploy",
        .not_in_sdk = "an operation of this test",
#if defined(CFDO_TWIN)
        .body = "version",
#else
        .body = "versoin",
#endif
        .form = cfdo::body_form::json,
    };
    using response = cfdo::script_info;
    cfdo::required<"account_id"> account_id;
    cfdo::required<"script_name"> script_name;
    cfdo::worker_version version{};
};
BOOST_DESCRIBE_STRUCT(deploy_worker, (), (account_id, script_name, version))
[[maybe_unused]] boost::json::value params() {
    return cfdo::to_json(deploy_worker{.account_id = "a", .script_name = "w"});
}
} // namespace operation_body_names_no_member
#endif

#if defined(CFDO_CASE_operation_path_names_no_member)
namespace operation_path_names_no_member {
struct list_versions {
    static constexpr cfdo::endpoint endpoint {
        .method = cfdo::http_method::get,
#if defined(CFDO_TWIN)
        .path = "/accounts/{account_id}/workers/workers/{worker_id}/versions",
#else
        .path = "/accounts/{account_id}/workers/workers/{worker}/versions",
#endif
        .not_in_sdk = "an operation of this test",
    };
    using response = std::vector<cfdo::version_info>;
    cfdo::required<"account_id"> account_id;
    cfdo::required<"worker_id"> worker_id;
};
BOOST_DESCRIBE_STRUCT(list_versions, (), (account_id, worker_id))
[[maybe_unused]] cfdo::request request() {
    return cfdo::make_request(list_versions{.account_id = "a", .worker_id = "w"});
}
} // namespace operation_path_names_no_member
#endif

} // namespace

// Compile-fail cases about the model's types themselves.
#include <cfdo/api/operations.hpp>
#include <cfdo/model/worker_version.hpp>

#if defined(CFDO_CASE_operation_to_json_without_sdk_params) || defined(CFDO_CASE_operation_from_json_without_sdk_params)
#include <cfdo/json/from_json.hpp>
#include <cfdo/json/to_json.hpp>
#if defined(CFDO_TWIN)
#include <cfdo/api/sdk_params.hpp>
#endif
#endif

#include <string_view>

namespace {

#if defined(CFDO_CASE_binding_type_is_not_a_field)
// The `type` of a binding is a constant of its kind, not a member to set.
constexpr auto make = [] {
    return cfdo::durable_object_binding{
#if !defined(CFDO_TWIN)
        .type = "kv_namespace",
#endif
        .name = "COUNTER", .class_name = "Counter"};
};
static_assert(cfdo::durable_object_binding::type == "durable_object_namespace");
static_assert(make().name == "COUNTER");
#endif

#if defined(CFDO_CASE_malformed_date_literal)
#if defined(CFDO_TWIN)
constexpr cfdo::date compatibility_date = "2024-03-01";
#else
constexpr cfdo::date compatibility_date = "2024-3-1";
#endif
static_assert(compatibility_date.month() == 3);
#endif

#if defined(CFDO_CASE_foreign_binding_kind)
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
#endif

#if defined(CFDO_CASE_operation_to_json_without_sdk_params)
[[maybe_unused]] boost::json::value params() {
    return cfdo::to_json(cfdo::create_version{.account_id = "a", .worker_id = "w"});
}
#endif

#if defined(CFDO_CASE_operation_from_json_without_sdk_params)
[[maybe_unused]] bool readable() { return cfdo::from_json<cfdo::upload_script>("{}").has_value(); }
#endif

} // namespace

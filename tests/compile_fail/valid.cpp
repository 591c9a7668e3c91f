// Compile-fail cases about cfdo::valid itself: what it says when it cannot
// call a factory while compiling, and the form that replaces
// `static_assert(cfdo::validate(op()).empty())`, which C++20 lets say only
// "static assertion failed". With -DCFDO_TWIN each case is fixed and must
// compile.
#include <cfdo/rules/compile_time.hpp>

#include "case_or_twin.hpp"

#include <string_view>

namespace {

#if defined(CFDO_CASE_factory_not_constexpr)
namespace factory_not_constexpr {
// `constexpr` forgotten: one error, naming the factory.
CFDO_ONLY_IN_TWIN(constexpr) cfdo::worker_version version() { return {.main_module = "worker.mjs"}; }
static_assert(cfdo::valid<version>());
} // namespace factory_not_constexpr
#endif

#if defined(CFDO_CASE_context_factory_not_constexpr)
namespace context_factory_not_constexpr {
constexpr cfdo::worker_version version() { return {.compatibility_date = "2024-03-01"}; }
CFDO_ONLY_IN_TWIN(constexpr) cfdo::validation_context on_release_day() { return {.today = cfdo::date("2024-03-01")}; }
static_assert(cfdo::valid<version, on_release_day>());
} // namespace context_factory_not_constexpr
#endif

#if defined(CFDO_CASE_lambda_factory_not_constexpr)
namespace lambda_factory_not_constexpr {
// A lambda is constexpr when it can be, so only what it calls can make it
// no constant expression: here a function not declared constexpr.
CFDO_ONLY_IN_TWIN(constexpr) std::string_view worker_name() { return "counter"; }
constexpr auto version = [] { return cfdo::worker_version{.main_module = cfdo::text(worker_name())}; };
static_assert(cfdo::valid<version>());
} // namespace lambda_factory_not_constexpr
#endif

#if defined(CFDO_CASE_operation_checked_by_valid)
namespace operation_checked_by_valid {
// README's request, checked whole while compiling: the path parameters and
// the version in its body, the rule named.
constexpr cfdo::create_version create_counter() {
    return {
        .account_id = "023e105f4ecef8ad9ca31a8372d0c353",
        .worker_id = "counter",
        .version = {.main_module = "worker.mjs",
                    .bindings = {cfdo::durable_object_binding{
                        .name = "COUNTER", .class_name = CFDO_ONLY_IN_CASE("Conter") CFDO_ONLY_IN_TWIN("Counter")}},
                    .migrations = cfdo::single_step_migration{.new_classes = {"Counter"}},
                    .modules = {{.name = "worker.mjs",
                                 .content_type = cfdo::content_type::javascript_module,
                                 .content = cfdo::module_bytes{"export class Counter {}"}}}},
    };
}
static_assert(cfdo::valid<create_counter, cfdo::first_deploy>());
} // namespace operation_checked_by_valid
#endif

} // namespace

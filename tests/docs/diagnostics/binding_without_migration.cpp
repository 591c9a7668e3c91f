#include <cfdo/rules/compile_time.hpp>

constexpr cfdo::worker_version version() {
    return {
        .bindings = {cfdo::durable_object_binding{.name = "ROOMS", .class_name = "ChatRoom"}},
        .migrations = cfdo::single_step_migration{.new_tag = "v1", .new_sqlite_classes = {"Counter"}},
    };
}
// A new Worker: these migrations are its whole history.
constexpr cfdo::validation_context first_deploy() { return {.first_deploy = true}; }
static_assert(cfdo::valid<version, first_deploy>());

#include <cfdo/rules/compile_time.hpp>

constexpr cfdo::worker_version version() {
    return {
        .bindings = {cfdo::durable_object_binding{.name = "ROOMS", .class_name = "ChatRom"}},
        .migrations = cfdo::single_step_migration{.new_tag = "v1", .new_sqlite_classes = {"ChatRoom"}},
    };
}
// A new Worker: these migrations are its whole history.
static_assert(cfdo::valid<version, cfdo::first_deploy>());

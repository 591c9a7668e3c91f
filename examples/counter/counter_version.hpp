// The Counter Worker of Cloudflare's Durable Objects API page as a cfdo
// version: shared by the counter example and the Miniflare end-to-end test
// (which runs exactly this version, so the test proves what cfdo emits runs).
#pragma once

#include <cfdo/model/worker_version.hpp>
#include <cfdo/rules/version_rules.hpp>

#include "worker_mjs.hpp"

#include <string_view>

namespace counter_example {

/// The version, with `class_name` as the Durable Object class that the
/// COUNTER binding names and the migration creates. Only the end-to-end test
/// passes anything but "Counter": a class worker.mjs does not export, to see
/// the runtime refuse it.
constexpr cfdo::worker_version counter_version_with_class(std::string_view class_name) {
    return {
        .main_module = "worker.mjs",
        .compatibility_date = "2024-03-01",
        .bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = class_name}},
        .migrations = cfdo::single_step_migration{.new_classes = {class_name}},
        .modules = {{
            .name = "worker.mjs",
            .content_type = cfdo::content_type::javascript_module,
            .content = cfdo::module_bytes{worker_mjs},
        }},
    };
}

// The whole version is a constant expression: module content, binding and
// migration are all known to the compiler.
constexpr cfdo::worker_version counter_version() { return counter_version_with_class("Counter"); }

// What worker.mjs exports: with it, cfdo also checks that the bound and the
// created classes are exported.
constexpr cfdo::validation_context counter_exports() { return {.exported_classes = {{"Counter"}}}; }

} // namespace counter_example

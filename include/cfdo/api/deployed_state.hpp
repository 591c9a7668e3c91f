// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_DEPLOYED_STATE_HPP_INCLUDED
#define CFDO_API_DEPLOYED_STATE_HPP_INCLUDED

#include <cfdo/api/pagination.hpp>
#include <cfdo/api/responses.hpp>
#include <cfdo/api/transport.hpp>
#include <cfdo/model/deployed_state.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/support/expected.hpp>

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

// Reading what Cloudflare has of a Worker, for the rules to judge against:
// its migration tag (where wrangler reads it) and its live Durable Object
// classes (the account's namespaces whose script is the Worker).

namespace cfdo {

/// The deployed state of Worker `script_name` (in `dispatch_namespace`, for
/// Workers for Platforms), read through `send`: whether it exists, its
/// migration tag, its live classes with their storage (`use_sqlite`) and
/// namespace ids, and the account's other Workers' classes. A Worker that
/// does not exist (404, 10007) is a state, not an error; anything else that
/// goes wrong is the first `api_error`.
template <transport Transport>
[[nodiscard]] api_result<deployed_state>
fetch_deployed_state(Transport&& send, std::string_view account_id, std::string_view script_name,
                     std::optional<std::string_view> dispatch_namespace = std::nullopt) {
    deployed_state state{.worker_exists = true,
                         .classes = std::vector<deployed_class>{},
                         .account_classes = std::vector<account_class>{}};
    auto const taken = [&](auto const& result, auto const& script_of) -> std::optional<api_error> {
        if (!result) {
            if (!result.error().is_no_such_worker()) return result.error();
            state.worker_exists = false;
            return std::nullopt;
        }
        if (auto const* script = script_of(*result); script && script->migration_tag && !script->migration_tag->empty())
            state.migration_tag = text(*script->migration_tag);
        return std::nullopt;
    };
    std::optional<api_error> failed;
    if (dispatch_namespace) {
        failed = taken(call(send, get_dispatch_script{.account_id = account_id,
                                                      .dispatch_namespace = *dispatch_namespace,
                                                      .script_name = script_name}),
                       [](dispatch_script const& found) { return found.script ? &*found.script : nullptr; });
    } else {
        failed = taken(call(send, get_worker_service{.account_id = account_id, .script_name = script_name}),
                       [](worker_service const& found) -> script_info const* {
                           if (!found.default_environment || !found.default_environment->script) return nullptr;
                           return &*found.default_environment->script;
                       });
    }
    if (failed) return unexpected(std::move(*failed));

    auto namespaces = list_all_namespaces(send, {.account_id = account_id});
    if (!namespaces) return unexpected(std::move(namespaces).error());
    for (auto const& listed : *namespaces) {
        if (!listed.class_name || !listed.script) continue;
        auto const storage =
            listed.use_sqlite.value_or(false) ? durable_object_storage::sqlite : durable_object_storage::kv;
        if (*listed.script == script_name) {
            // A Worker that does not exist has no classes, whatever is listed.
            if (!state.worker_exists) continue;
            deployed_class live{.class_name = text(*listed.class_name), .storage = storage};
            if (listed.id) live.namespace_id = text(*listed.id);
            state.classes->push_back(std::move(live));
        } else {
            state.account_classes->push_back(
                {.script = text(*listed.script), .class_name = text(*listed.class_name), .storage = storage});
        }
    }
    return state;
}

} // namespace cfdo

#endif

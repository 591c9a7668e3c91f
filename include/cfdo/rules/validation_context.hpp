// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_VALIDATION_CONTEXT_HPP_INCLUDED
#define CFDO_RULES_VALIDATION_CONTEXT_HPP_INCLUDED

#include <cfdo/model/date.hpp>
#include <cfdo/model/deployed_state.hpp>
#include <cfdo/model/migrations.hpp>
#include <cfdo/model/text.hpp>

#include <optional>
#include <string_view>
#include <vector>

// What the rules are told besides the configuration they check, and where
// that configuration sits in what is sent.

namespace cfdo {

/// What cfdo should know beyond the payload itself.
struct validation_context {
    /// The classes the entry module exports. When given (even empty), a
    /// binding or a migration that needs an unexported class is an error.
    std::optional<std::vector<text>> exported_classes{};
    /// This Worker's name; `create_version` and `upload_script` give it.
    std::optional<text> script_name{};
    /// The day to compare `compatibility_date` with. At run time it defaults
    /// to today (UTC); at compile time the check is skipped unless given.
    std::optional<date> today{};
    /// The Worker's whole migration history, when the payload's migrations
    /// come from it (`plan_migrations`): the history is checked as a whole
    /// and bindings against the classes it leaves live, even when the
    /// payload carries no migrations because everything is deployed.
    std::optional<migration_history> history{};
    /// What is assumed about the Worker as Cloudflare has it: nothing
    /// (`unknown_state`, the default: what depends on it is a warning that
    /// says so), a first deploy (`first_deploy`: the configuration's
    /// migrations are the whole history), or a `deployed_state` (its tag,
    /// and its live classes with their storage when known): then every
    /// verdict is exact.
    deployed_assumption deployed = unknown_state{};
};

/// Where the version's fields sit in the payload, for the diagnostics' JSON
/// pointers: at the top of a version-create body, under `metadata` (and the
/// modules under `files`) in the script upload's params.
struct version_layout {
    std::string_view fields = "";
    std::string_view modules = "/modules";
    /// Where `validation_context::history` is, for pointers into it.
    std::string_view history = "/migrations";
};

} // namespace cfdo

#endif

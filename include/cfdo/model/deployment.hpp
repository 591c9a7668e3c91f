// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_DEPLOYMENT_HPP_INCLUDED
#define CFDO_MODEL_DEPLOYMENT_HPP_INCLUDED

#include <cfdo/model/migrations.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/model/worker_version.hpp>

#include <boost/describe/class.hpp>

#include <optional>

namespace cfdo {

/// A Worker as its configuration keeps it — a version (bindings, modules,
/// ...) and the whole migration history — with the migration tag Cloudflare
/// reports as deployed (none for a Worker without one).
///
/// `validate(deployment)` checks the history as a whole, the version's
/// bindings against the classes the whole history leaves live, and that the
/// deployed tag is in the history; `payload(deployment)` (in
/// <cfdo/rules/history_rules.hpp>) is the version to send, its migrations
/// the steps after the deployed tag. The version's own `migrations`, if any,
/// are ignored: they come from the history.
struct deployment {
    worker_version version{};
    migration_history history{};
    std::optional<text> deployed_tag{};

    friend constexpr bool operator==(deployment const&, deployment const&) = default;
};
BOOST_DESCRIBE_STRUCT(deployment, (), (version, history, deployed_tag))

} // namespace cfdo

#endif

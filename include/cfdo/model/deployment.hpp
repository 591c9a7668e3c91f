// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_DEPLOYMENT_HPP_INCLUDED
#define CFDO_MODEL_DEPLOYMENT_HPP_INCLUDED

#include <cfdo/model/migrations.hpp>
#include <cfdo/model/worker_version.hpp>

#include <boost/describe/class.hpp>

namespace cfdo {

/// A Worker as its configuration keeps it: a version (bindings, modules,
/// ...) and the whole migration history.
///
/// `validate(deployment, context)` checks the history and the version's
/// bindings against the classes the history leaves live, under the
/// context's assumption about what is deployed; `payload(deployment,
/// context)` (in <cfdo/rules/history_rules.hpp>) is the version to send, its
/// migrations the steps after the deployed tag. The version carries no
/// migrations of its own: they come from the history.
struct deployment {
    worker_version version{};
    migration_history history{};

    friend constexpr bool operator==(deployment const&, deployment const&) = default;
};
BOOST_DESCRIBE_STRUCT(deployment, (), (version, history))

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_PARAMS_RULES_HPP_INCLUDED
#define CFDO_RULES_PARAMS_RULES_HPP_INCLUDED

#include <cfdo/json/from_json.hpp>
#include <cfdo/model/operation.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/request_rules.hpp>
#include <cfdo/rules/validation_context.hpp>

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

// An operation read from the params object of Cloudflare's npm SDK, with
// everything wrong said as diagnostics: params that do not read as the
// operation's (`params-malformed`), a parameter the SDK would send and cfdo
// would not (`params-unknown`: the two requests would differ), then every
// rule of the operation. `cfdo request` prints what this finds.

namespace cfdo {

/// What reading an operation's SDK params gave: the operation, unless they
/// do not read as one, and every diagnostic, with pointers into the params.
template <operation Operation>
struct params_reading {
    std::optional<Operation> operation{};
    std::vector<diagnostic> diagnostics{};
};

/// Reads `params` as `Operation`'s SDK params and checks the operation.
template <operation Operation>
[[nodiscard]] params_reading<Operation> read_params(boost::json::value const& params,
                                                    validation_context const& context = {}) {
    params_reading<Operation> reading;
    std::vector<std::string> unknown;
    auto decoded = from_json<Operation>(params, decode_options{.unknown_fields = &unknown});
    if (!decoded) {
        reading.diagnostics.push_back(
            make_diagnostic("params-malformed", decoded.error().message, text(decoded.error().path)));
        return reading;
    }
    for (auto const& pointer : unknown)
        reading.diagnostics.push_back(
            make_diagnostic("params-unknown", pointer.substr(pointer.rfind('/') + 1), pointer));
    auto found = validate(*decoded, context);
    reading.diagnostics.insert(reading.diagnostics.end(), std::make_move_iterator(found.begin()),
                               std::make_move_iterator(found.end()));
    reading.operation = std::move(*decoded);
    return reading;
}

} // namespace cfdo

#endif

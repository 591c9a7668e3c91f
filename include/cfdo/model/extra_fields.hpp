// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_EXTRA_FIELDS_HPP_INCLUDED
#define CFDO_MODEL_EXTRA_FIELDS_HPP_INCLUDED

#include <cfdo/model/json_text.hpp>
#include <cfdo/model/text.hpp>

#include <utility>

namespace cfdo {

/// The escape hatch for fields cfdo does not model yet: the source of a JSON
/// object whose members are written beside the modelled ones, in the same
/// object (`R"({"new_field": 1})"`). Empty means none.
///
/// `from_json` keeps there every key the enclosing type does not model, so
/// that read → write loses nothing. A modelled field cannot be set through
/// it: the writers skip such keys, and the rule extra-field-collides refuses
/// them.
struct extra_fields : json_text {
    using json_text::json_text;
    constexpr extra_fields(json_text source) : json_text(std::move(source)) {}

    friend constexpr bool operator==(extra_fields const&, extra_fields const&) = default;
};

} // namespace cfdo

#endif

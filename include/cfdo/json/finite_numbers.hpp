// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_JSON_FINITE_NUMBERS_HPP_INCLUDED
#define CFDO_JSON_FINITE_NUMBERS_HPP_INCLUDED

#include <cfdo/config.hpp>

#include <boost/json/value.hpp>

#include <cmath>
#include <vector>

namespace cfdo {

/// Replaces every non-finite number inside `root` by null.
///
/// Boost.JSON parses 1e400 to an infinite double and would write it back as
/// `Infinity`, which is not JSON. Cloudflare's SDK sends what JSON.stringify
/// makes of the parsed text, and JSON.stringify writes a non-finite number as
/// null. Iterative, so that no nesting can exhaust the stack.
inline void write_non_finite_numbers_as_null(boost::json::value& root) {
    std::vector<boost::json::value*> pending{&root};
    while (!pending.empty()) {
        auto& v = *pending.back();
        pending.pop_back();
        if (auto const* number = v.if_double()) {
            if (!std::isfinite(*number)) v = nullptr;
        } else if (auto* array = v.if_array()) {
            for (auto& item : *array) pending.push_back(&item);
        } else if (auto* object = v.if_object()) {
            for (auto& entry : *object) pending.push_back(&entry.value());
        }
    }
}

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_JSON_IMPL_PRETTY_IPP_INCLUDED
#define CFDO_JSON_IMPL_PRETTY_IPP_INCLUDED

#include <cfdo/json/finite_numbers.hpp>
#include <cfdo/json/pretty.hpp>
#include <cfdo/support/json_limits.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <cmath>
#include <cstddef>
#include <string>

namespace cfdo {

namespace detail {

CFDO_DECL void write_pretty(std::string& out, boost::json::value const& v, std::size_t indent) {
    // A value built in code, unlike one from parse_json, may nest without
    // limit; one call per level would let it exhaust the stack. Deeper than
    // json_max_depth (which anything parse_json accepts stays within), the
    // rest is written compact by Boost.JSON's serializer instead.
    if (indent >= json_max_depth) {
        boost::json::value finite = v;
        write_non_finite_numbers_as_null(finite);
        out += boost::json::serialize(finite);
        return;
    }
    auto newline = [&](std::size_t depth) {
        out += '\n';
        out.append(depth * 2, ' ');
    };
    if (auto const* object = v.if_object(); object && !object->empty()) {
        out += '{';
        bool first = true;
        for (auto const& entry : *object) {
            if (!first) out += ',';
            first = false;
            newline(indent + 1);
            out += boost::json::serialize(boost::json::string_view(entry.key()));
            out += ": ";
            write_pretty(out, entry.value(), indent + 1);
        }
        newline(indent);
        out += '}';
    } else if (auto const* array = v.if_array(); array && !array->empty()) {
        out += '[';
        bool first = true;
        for (auto const& item : *array) {
            if (!first) out += ',';
            first = false;
            newline(indent + 1);
            write_pretty(out, item, indent + 1);
        }
        newline(indent);
        out += ']';
    } else if (auto const* number = v.if_double(); number && !std::isfinite(*number)) {
        // Boost.JSON would write `Infinity`, which is not JSON (1e400 parses
        // to it); JSON.stringify writes null.
        out += "null";
    } else {
        out += boost::json::serialize(v);
    }
}

} // namespace detail

CFDO_DECL std::string pretty_json(boost::json::value const& v) {
    std::string out;
    detail::write_pretty(out, v, 0);
    return out;
}

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_JSON_TEXT_HPP_INCLUDED
#define CFDO_MODEL_JSON_TEXT_HPP_INCLUDED

#include <cfdo/model/text.hpp>

#include <utility>

namespace cfdo {

/// JSON source text: an object, array, string, number, `true`, `false` or
/// `null`, embedded as a JSON value (not as a string) when serialized.
struct json_text : text {
    using text::text;
    constexpr json_text(text source) : text(std::move(source)) {}
};

} // namespace cfdo

#endif

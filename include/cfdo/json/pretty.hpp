// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_JSON_PRETTY_HPP_INCLUDED
#define CFDO_JSON_PRETTY_HPP_INCLUDED

#include <cfdo/config.hpp>

#include <boost/json/value.hpp>

#include <string>

namespace cfdo {

/// `v` as indented JSON (two spaces, keys in their order), for people and
/// golden files. The value is the same as `boost::json::serialize(v)`'s,
/// except that a non-finite number is written as null (as JSON.stringify
/// does: always valid JSON); levels deeper than `json_max_depth` are written
/// on one line.
[[nodiscard]] CFDO_DECL std::string pretty_json(boost::json::value const& v);

} // namespace cfdo

#if CFDO_HEADER_ONLY
#include <cfdo/json/impl/pretty.ipp>
#endif

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_JSON_PARSE_HPP_INCLUDED
#define CFDO_JSON_PARSE_HPP_INCLUDED

#include <cfdo/support/expected.hpp>
#include <cfdo/support/json_limits.hpp>

#include <boost/json/parser.hpp>
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

namespace cfdo {

/// Where and why JSON text does not parse.
struct json_syntax_error {
    std::string message;
    /// Byte offset of the first character the parser could not accept.
    std::size_t offset = 0;
    /// 1-based line and column (in bytes) of `offset`.
    std::size_t line = 1;
    std::size_t column = 1;

    [[nodiscard]] std::string what() const {
        return message + " at line " + std::to_string(line) + ", column " + std::to_string(column);
    }
};

/// What a JSON text may contain beyond RFC 8259: wrangler's `.jsonc`
/// configurations allow both (as VS Code's JSON with comments does).
struct json_extensions {
    /// `// line` and `/* block */` comments.
    bool comments = false;
    /// A comma after the last element of an array or object.
    bool trailing_commas = false;
};

/// JSON with comments and trailing commas, as in `wrangler.jsonc`.
inline constexpr json_extensions jsonc{.comments = true, .trailing_commas = true};

/// Parses one JSON text, refusing nesting deeper than `json_max_depth`,
/// invalid UTF-8, and anything but whitespace (or, with `extensions`, comments)
/// after the value. The value's memory comes from `storage` (the default
/// resource unless given).
[[nodiscard]] inline expected<boost::json::value, json_syntax_error>
parse_json(std::string_view json, json_extensions extensions = {}, boost::json::storage_ptr storage = {}) {
    boost::json::parse_options options;
    options.max_depth = json_max_depth;
    options.allow_comments = extensions.comments;
    options.allow_trailing_commas = extensions.trailing_commas;
    boost::json::parser parser({}, options);
    parser.reset(std::move(storage));
    std::error_code ec;
    std::size_t const consumed = parser.write(json.data(), json.size(), ec);
    if (!ec && consumed < json.size()) ec = boost::json::error::extra_data;
    if (!ec) return parser.release();

    json_syntax_error error{ec.message(), consumed};
    for (std::size_t i = 0; i < consumed && i < json.size(); ++i) {
        if (json[i] == '\n') {
            ++error.line;
            error.column = 1;
        } else {
            ++error.column;
        }
    }
    return unexpected(std::move(error));
}

} // namespace cfdo

#endif

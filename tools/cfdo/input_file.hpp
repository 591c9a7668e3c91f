// The files the cfdo tool reads, as JSON values.
#ifndef CFDO_TOOLS_INPUT_FILE_HPP_INCLUDED
#define CFDO_TOOLS_INPUT_FILE_HPP_INCLUDED

#include <cfdo/support/expected.hpp>

#include <boost/json/value.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace cfdo::tool {

/// How a file's text is written.
enum class file_format { json, jsonc, toml };

/// Why a file could not be read: the message names the file and, for a
/// syntax error, the line and column ("wrangler.toml:3:7: ...").
struct input_error {
    std::string message;
};

/// The largest file the tool reads. Configurations and request files are
/// kilobytes; the limit keeps a mistaken argument (a device, a core dump)
/// from exhausting memory.
inline constexpr std::size_t max_input_bytes = std::size_t{64} << 20;

/// The format a configuration's name says: `.toml`, else JSON with comments
/// and trailing commas (`.jsonc`, and `.json` as wrangler reads it).
[[nodiscard]] file_format format_of(std::string_view path);

/// The text of `path` (`-`: standard input).
[[nodiscard]] expected<std::string, input_error> read_text(std::string const& path);

/// The text parsed as `format`, into JSON's data model (TOML dates and
/// times become their TOML spelling as strings).
[[nodiscard]] expected<boost::json::value, input_error> parse_text(std::string const& path, std::string_view text,
                                                                   file_format format);

/// `read_text` then `parse_text`.
[[nodiscard]] expected<boost::json::value, input_error> read_value(std::string const& path, file_format format);

} // namespace cfdo::tool

#endif

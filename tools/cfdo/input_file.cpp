#include "input_file.hpp"

#include <cfdo/json/parse.hpp>
#include <cfdo/support/json_syntax.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <toml++/toml.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace cfdo::tool {
namespace {

input_error error_at(std::string const& path, std::size_t line, std::size_t column, std::string_view what) {
    return {path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + std::string(what)};
}

/// Reads at most `max_input_bytes` (and one more, to tell that there is more).
expected<std::string, input_error> read_stream(std::istream& in, std::string const& path) {
    std::string text;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_input_bytes)
            return unexpected(input_error{path + ": larger than " + std::to_string(max_input_bytes >> 20) +
                                          " MiB; not a configuration or request file"});
    }
    if (in.bad()) return unexpected(input_error{path + ": cannot be read"});
    return text;
}

/// The most dotted key segments one TOML key may have here. toml++ builds
/// (and destroys) the tables a dotted key or a table header names
/// recursively, so `[a.a.a...]` with 200 000 segments overflows the stack
/// before any limit of its own applies (its 256-level limit covers nested
/// arrays and inline tables only). Real configurations use a handful.
constexpr std::size_t max_toml_key_segments = 128;

/// True when no key of the TOML text has more than `max_toml_key_segments`
/// dotted segments. A lexical scan: it skips strings and comments and counts
/// the dots between two of `= , { } [ ]` or a line break; a value between
/// them (a float, a time) has at most two dots, so real keys are never
/// miscounted.
bool toml_keys_are_shallow(std::string_view text) {
    std::size_t dots = 0;
    std::size_t i = 0;
    auto const skip_string = [&](char quote) {
        bool const multi_line = text.substr(i, 3) == std::string(3, quote);
        std::string const end = multi_line ? std::string(3, quote) : std::string(1, quote);
        i += end.size();
        while (i < text.size() && text.compare(i, end.size(), end) != 0) {
            if (quote == '"' && text[i] == '\\') ++i;
            else if (!multi_line && text[i] == '\n') return;
            ++i;
        }
        i += end.size();
    };
    while (i < text.size()) {
        char const c = text[i];
        if (c == '"' || c == '\'') {
            skip_string(c);
            continue;
        }
        if (c == '#') {
            while (i < text.size() && text[i] != '\n') ++i;
            continue;
        }
        if (c == '.') {
            if (++dots >= max_toml_key_segments) return false;
        } else if (c == '=' || c == ',' || c == '{' || c == '}' || c == '[' || c == ']' || c == '\n') {
            dots = 0;
        }
        ++i;
    }
    return true;
}

/// TOML's data model in JSON's: tables are objects, arrays arrays; dates
/// and times are written as TOML writes them, and a non-finite float (TOML
/// allows inf and nan, JSON does not) becomes null, as JSON.stringify does.
/// Nesting deeper than JSON's limit is refused rather than recursed into.
class toml_to_json {
public:
    bool too_deep = false;

    boost::json::value convert(toml::node const& node, std::size_t depth = 0) {
        if (depth >= json_max_depth) {
            too_deep = true;
            return nullptr;
        }
        if (auto const* table = node.as_table()) {
            boost::json::object out;
            out.reserve(table->size());
            for (auto const& [key, value] : *table) out[key.str()] = convert(value, depth + 1);
            return out;
        }
        if (auto const* array = node.as_array()) {
            boost::json::array out;
            out.reserve(array->size());
            for (auto const& element : *array) out.push_back(convert(element, depth + 1));
            return out;
        }
        if (auto const* s = node.as_string()) return boost::json::value(std::string_view(s->get()));
        if (auto const* i = node.as_integer()) return i->get();
        if (auto const* f = node.as_floating_point())
            return std::isfinite(f->get()) ? boost::json::value(f->get()) : boost::json::value(nullptr);
        if (auto const* b = node.as_boolean()) return b->get();
        std::ostringstream written;
        node.visit([&](auto const& value) {
            if constexpr (toml::is_date<decltype(value)> || toml::is_time<decltype(value)> ||
                          toml::is_date_time<decltype(value)>)
                written << value;
        });
        return boost::json::value(written.str());
    }
};

} // namespace

file_format format_of(std::string_view path) {
    // Wrangler reads wrangler.json with comments and trailing commas too.
    return path.ends_with(".toml") ? file_format::toml : file_format::jsonc;
}

expected<std::string, input_error> read_text(std::string const& path) {
    if (path == "-") return read_stream(std::cin, "<stdin>");
    std::error_code ec;
    auto const status = std::filesystem::status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) return unexpected(input_error{path + ": " + ec.message()});
    if (!std::filesystem::exists(status)) return unexpected(input_error{path + ": no such file"});
    if (std::filesystem::is_directory(status)) return unexpected(input_error{path + ": is a directory, not a file"});
    std::ifstream in(path, std::ios::binary);
    if (!in) return unexpected(input_error{path + ": cannot be opened: " + std::strerror(errno)});
    return read_stream(in, path);
}

expected<boost::json::value, input_error> parse_text(std::string const& path, std::string_view text,
                                                     file_format format) {
    if (format != file_format::toml) {
        auto parsed = parse_json(text, format == file_format::jsonc ? jsonc : json_extensions{});
        if (!parsed)
            return unexpected(error_at(path, parsed.error().line, parsed.error().column,
                                       "not valid JSON: " + parsed.error().message));
        return std::move(*parsed);
    }
    if (!toml_keys_are_shallow(text))
        return unexpected(input_error{path + ": a key with more than " + std::to_string(max_toml_key_segments) +
                                      " dotted parts; not a configuration"});
    try {
        auto const table = toml::parse(text, std::string_view(path));
        toml_to_json converter;
        auto value = converter.convert(table);
        if (converter.too_deep)
            return unexpected(input_error{path + ": nested deeper than " + std::to_string(json_max_depth) +
                                          " levels; not a configuration"});
        return value;
    } catch (toml::parse_error const& error) {
        auto const& begin = error.source().begin;
        return unexpected(
            error_at(path, begin.line, begin.column, "not valid TOML: " + std::string(error.description())));
    }
}

expected<boost::json::value, input_error> read_value(std::string const& path, file_format format) {
    auto text = read_text(path);
    if (!text) return unexpected(std::move(text).error());
    return parse_text(path, *text, format);
}

} // namespace cfdo::tool

// Test support: reads a multipart/form-data body back into its parts, the way
// a server would, so that tests check cfdo's bytes rather than its own data
// structures.
#ifndef CFDO_TESTS_SUPPORT_PARSE_MULTIPART_HPP_INCLUDED
#define CFDO_TESTS_SUPPORT_PARSE_MULTIPART_HPP_INCLUDED

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cfdo_tests {

struct parsed_part {
    /// The part's header lines, in order, as sent.
    std::vector<std::string> header_lines;
    std::string name;
    std::optional<std::string> filename;
    std::optional<std::string> content_type;
    std::string content;
};

// The boundary of a `multipart/form-data; boundary=...` Content-Type.
inline std::string boundary_of(std::string_view content_type) {
    constexpr std::string_view marker = "boundary=";
    auto const at = content_type.find(marker);
    if (at == std::string_view::npos) throw std::runtime_error("no boundary in Content-Type");
    return std::string(content_type.substr(at + marker.size()));
}

inline std::optional<std::string> quoted_parameter(std::string_view header, std::string_view name) {
    std::string const marker = "; " + std::string(name) + "=\"";
    auto const at = header.find(marker);
    if (at == std::string_view::npos) return std::nullopt;
    auto const start = at + marker.size();
    auto const end = header.find('"', start);
    if (end == std::string_view::npos) throw std::runtime_error("unterminated quoted parameter");
    return std::string(header.substr(start, end - start));
}

// Parses `body`, requiring the exact RFC 7578 layout: every delimiter line is
// "--boundary" followed by CRLF, headers end with an empty line, and the body
// ends with the close delimiter "--boundary--" and CRLF.
inline std::vector<parsed_part> parse_multipart(std::string_view body, std::string_view boundary) {
    std::string const delimiter = "--" + std::string(boundary);
    std::string const next_part = "\r\n" + delimiter;
    std::vector<parsed_part> parts;
    if (body.substr(0, delimiter.size()) != delimiter)
        throw std::runtime_error("body does not start with the delimiter");
    std::size_t at = delimiter.size();
    for (;;) {
        if (body.substr(at, 4) == "--\r\n" && at + 4 == body.size()) return parts;
        if (body.substr(at, 2) != "\r\n") throw std::runtime_error("delimiter not followed by CRLF");
        at += 2;
        auto const headers_end = body.find("\r\n\r\n", at);
        if (headers_end == std::string_view::npos) throw std::runtime_error("part headers do not end");
        parsed_part part;
        auto headers = body.substr(at, headers_end - at);
        while (!headers.empty()) {
            auto const line_end = headers.find("\r\n");
            auto const line = headers.substr(0, line_end);
            part.header_lines.emplace_back(line);
            if (line.starts_with("Content-Disposition: form-data")) {
                auto name = quoted_parameter(line, "name");
                if (!name) throw std::runtime_error("part without a name");
                part.name = *name;
                part.filename = quoted_parameter(line, "filename");
            } else if (line.starts_with("Content-Type: ")) {
                part.content_type = std::string(line.substr(14));
            } else {
                throw std::runtime_error("unexpected part header: " + std::string(line));
            }
            headers = line_end == std::string_view::npos ? std::string_view() : headers.substr(line_end + 2);
        }
        auto const content_start = headers_end + 4;
        auto const content_end = body.find(next_part, content_start);
        if (content_end == std::string_view::npos) throw std::runtime_error("part content does not end");
        part.content = std::string(body.substr(content_start, content_end - content_start));
        parts.push_back(std::move(part));
        at = content_end + next_part.size();
    }
}

} // namespace cfdo_tests

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_MULTIPART_HPP_INCLUDED
#define CFDO_API_MULTIPART_HPP_INCLUDED

#include <cfdo/config.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cfdo {

/// One part of a `multipart/form-data` body.
struct multipart_part {
    /// The form field name (Cloudflare matches modules by it).
    std::string name;
    /// Set for file parts; Cloudflare's module parts carry the module name.
    std::optional<std::string> filename;
    std::optional<std::string> content_type;
    std::string content;

    friend bool operator==(multipart_part const&, multipart_part const&) = default;
};

/// A `multipart/form-data` body (RFC 7578), laid out as browsers and Node's
/// `FormData` write it.
///
/// The boundary is derived from the contents rather than drawn at random, so
/// that the same upload always produces the same bytes (reproducible output,
/// golden files), and it is checked against every part so that it never
/// occurs inside one.
struct multipart_body {
    std::string boundary;
    std::vector<multipart_part> parts;

    /// A body over `parts` with a boundary that occurs in none of them.
    [[nodiscard]] static multipart_body with_parts(std::vector<multipart_part> parts) {
        multipart_body body{{}, std::move(parts)};
        for (std::uint64_t salt = 0;; ++salt) {
            body.boundary = boundary_for(body.parts, salt);
            if (!body.boundary_occurs_in_parts()) return body;
        }
    }

    /// The `Content-Type` header value.
    [[nodiscard]] std::string content_type() const { return "multipart/form-data; boundary=" + boundary; }

    /// The body's bytes.
    [[nodiscard]] std::string bytes() const {
        std::string out;
        std::size_t size = 0;
        for (auto const& part : parts) size += part.content.size() + part.name.size() + boundary.size() + 128;
        out.reserve(size);
        for (auto const& part : parts) {
            out += "--" + boundary + "\r\n";
            out += "Content-Disposition: form-data; name=\"" + escape_header_field(part.name) + "\"";
            if (part.filename) out += "; filename=\"" + escape_header_field(*part.filename) + "\"";
            out += "\r\n";
            if (part.content_type) out += "Content-Type: " + escape_header_field(*part.content_type) + "\r\n";
            out += "\r\n";
            out += part.content;
            out += "\r\n";
        }
        out += "--" + boundary + "--\r\n";
        return out;
    }

private:
    // Names escape '"', CR and LF as percent sequences, as the HTML form
    // encoding (and Node's FormData) does; a content type gets the same
    // treatment so that no value can start a header line of its own.
    static std::string escape_header_field(std::string_view value) {
        std::string out;
        out.reserve(value.size());
        for (char const c : value) {
            if (c == '"') out += "%22";
            else if (c == '\r') out += "%0D";
            else if (c == '\n') out += "%0A";
            else out += c;
        }
        return out;
    }

    static std::string boundary_for(std::vector<multipart_part> const& parts, std::uint64_t salt) {
        // FNV-1a over the parts: cheap, deterministic, and spread enough that a
        // collision with the contents is as unlikely as for a random one.
        std::uint64_t hash = 14695981039346656037ull ^ salt;
        auto mix = [&](std::string_view bytes) {
            for (char const c : bytes) {
                hash ^= static_cast<unsigned char>(c);
                hash *= 1099511628211ull;
            }
            hash ^= 0xff;
            hash *= 1099511628211ull;
        };
        for (auto const& part : parts) {
            mix(part.name);
            mix(part.filename.value_or(""));
            mix(part.content_type.value_or(""));
            mix(part.content);
        }
        constexpr std::string_view hex = "0123456789abcdef";
        std::string boundary = "cfdo-boundary-";
        for (int shift = 60; shift >= 0; shift -= 4) boundary += hex[(hash >> shift) & 15];
        return boundary;
    }

    bool boundary_occurs_in_parts() const {
        for (auto const& part : parts)
            if (part.content.find(boundary) != std::string::npos) return true;
        return false;
    }
};

} // namespace cfdo

#endif

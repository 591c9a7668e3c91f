// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_MODULES_HPP_INCLUDED
#define CFDO_MODEL_MODULES_HPP_INCLUDED

#include <cfdo/model/json_names.hpp>
#include <cfdo/model/one_of.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/spelling.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/support/base64.hpp>

#include <boost/describe/class.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace cfdo {

/// The module content types Cloudflare documents for Worker uploads.
/// Cloudflare's schema keeps `content_type` a free string, so cfdo does too;
/// a value outside this list is only a warning of the validator.
namespace content_type {
inline constexpr std::string_view javascript_module = "application/javascript+module";
inline constexpr std::string_view text_javascript_module = "text/javascript+module";
inline constexpr std::string_view javascript = "application/javascript";
inline constexpr std::string_view text_javascript = "text/javascript";
inline constexpr std::string_view python = "text/x-python";
inline constexpr std::string_view python_requirement = "text/x-python-requirement";
inline constexpr std::string_view wasm = "application/wasm";
inline constexpr std::string_view plain_text = "text/plain";
inline constexpr std::string_view octet_stream = "application/octet-stream";
inline constexpr std::string_view source_map = "application/source-map";

inline constexpr std::array<std::string_view, 10> known{
    javascript_module, text_javascript_module, javascript, text_javascript, python, python_requirement, wasm,
    plain_text,        octet_stream,           source_map,
};

/// True for the ten content types Cloudflare documents.
[[nodiscard]] constexpr bool is_documented(std::string_view type) noexcept {
    for (auto const documented : known)
        if (documented == type) return true;
    return false;
}
} // namespace content_type

/// Module content given as its raw bytes; cfdo base64-encodes them.
struct module_bytes {
    text bytes;

    friend constexpr bool operator==(module_bytes const&, module_bytes const&) = default;
};

/// Module content given already base64-encoded; cfdo sends it unchanged.
struct module_base64 {
    text base64;

    friend constexpr bool operator==(module_base64 const&, module_base64 const&) = default;
};

/// What a module contains: its bytes, or their base64 text.
using module_content = one_of<module_bytes, module_base64>;

/// In JSON, a module's content is its base64 text (`content_base64`): bytes
/// are encoded on the way out, and what is read back is kept as the text it
/// is (the rules check that it decodes).
template <>
struct spelling<module_bytes> {
    static constexpr std::string_view expected = "base64 text";
    /// The base64 alphabet: letters, digits, `+`, `/` and `=`.
    static constexpr bool json_safe = true;

    static constexpr std::size_t size(module_bytes const& content) noexcept {
        return base64_encoded_size(content.bytes.size());
    }

    static constexpr char* write(module_bytes const& content, char* out) noexcept {
        return base64_encode(content.bytes.view(), out);
    }

    static std::optional<module_bytes> read(std::string_view encoded) {
        auto bytes = base64_decode(encoded);
        if (!bytes) return std::nullopt;
        return module_bytes{text(*bytes)};
    }
};

template <>
struct spelling<module_base64> {
    static constexpr std::string_view expected = "base64 text";

    static constexpr std::size_t size(module_base64 const& content) noexcept { return content.base64.size(); }

    static constexpr char* write(module_base64 const& content, char* out) noexcept {
        for (char const c : content.base64) *out++ = c;
        return out;
    }

    static constexpr std::optional<module_base64> read(std::string_view encoded) {
        return module_base64{text(encoded)};
    }
};

template <>
struct json_alternatives<module_content> {
    static constexpr std::size_t always = 1;
};

/// One item of a Worker version's `modules`.
///
/// `content` is sent as Cloudflare's `content_base64`; in the multipart
/// script upload it becomes a part named after the module.
struct worker_module {
    /// The module's file name; `main_module` and imports refer to it.
    required<"name"> name;
    /// A MIME type, normally one of `cfdo::content_type`.
    required<"content_type"> content_type;
    required<"content", module_content> content;

    friend constexpr bool operator==(worker_module const&, worker_module const&) = default;
};
BOOST_DESCRIBE_STRUCT(worker_module, (), (name, content_type, content))

template <>
struct json_field_names<worker_module> {
    static constexpr std::array renamed{renamed_field{"content", "content_base64"}};
};

} // namespace cfdo

#endif

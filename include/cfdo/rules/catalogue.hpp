// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_CATALOGUE_HPP_INCLUDED
#define CFDO_RULES_CATALOGUE_HPP_INCLUDED

#include <cfdo/rules/diagnostic.hpp>

#include <array>
#include <string>
#include <string_view>

namespace cfdo {

/// A rule of the catalogue. docs/rules.md lists them with examples.
struct rule_info {
    /// Stable kebab-case id; diagnostics and docs refer to it.
    std::string_view id;
    severity level;
    /// The Cloudflare API error code the rule prevents, or 0 when the mistake
    /// is refused before it reaches Cloudflare's checks (HTTP routing, the
    /// documented parameter ranges).
    int cloudflare_code;
    /// One line saying what is wrong and how to fix it; `{}` stands for the
    /// diagnostic's subject.
    std::string_view message;
};

inline constexpr std::array rule_catalogue{
    // Request parameters (path segments and query ranges).
    rule_info{"path-parameter-empty", severity::error, 0,
              "path parameter {} is empty; give it a value"},
    rule_info{"path-parameter-slash", severity::error, 0,
              "path parameter {} contains '/', which would change the request's path; pass the identifier alone"},
    rule_info{"path-parameter-dot-segment", severity::error, 0,
              "path parameter {} is '.' or contains '..', which URL normalization would turn into another path; "
              "pass the identifier alone"},
    rule_info{"path-parameter-control-character", severity::error, 0,
              "path parameter {} contains a control character; pass the identifier alone"},
    rule_info{"page-out-of-range", severity::error, 0, "{} must be at least 1 (pages are numbered from 1)"},
    rule_info{"per-page-out-of-range", severity::error, 0,
              "{} must be from 1 to 100 (the documented maximum page size)"},
    rule_info{"limit-out-of-range", severity::error, 0, "{} must be from 10 to 10000 (Cloudflare's documented range)"},

    // Bindings.
    rule_info{"json-binding-not-json", severity::error, 10021,
              "json binding {} holds text that is not one JSON value (RFC 8259, at most 256 levels deep)"},

    // Modules.
    rule_info{"module-content-not-base64", severity::error, 10021,
              "module {} is given as base64 text that is not canonical padded base64; give its bytes with "
              "cfdo::module_bytes or fix the encoding"},
};

/// The catalogue entry of `id`, or a null pointer for an unknown id.
[[nodiscard]] constexpr rule_info const* find_rule(std::string_view id) noexcept {
    for (auto const& rule : rule_catalogue)
        if (rule.id == id) return &rule;
    return nullptr;
}

/// A diagnostic of rule `id`, with the rule's severity.
[[nodiscard]] constexpr diagnostic make_diagnostic(std::string_view id, text subject, text path) {
    auto const* rule = find_rule(id);
    return diagnostic{id, std::move(subject), std::move(path), rule ? rule->level : severity::error};
}

/// The diagnostic's one-line message, its subject quoted in place of `{}`.
[[nodiscard]] inline std::string message_of(diagnostic const& d) {
    auto const* rule = find_rule(d.rule);
    if (!rule) return std::string(d.rule);
    // The subject may come from hostile input: show control bytes escaped.
    std::string quoted_subject = "'";
    for (char const c : d.subject.view()) {
        auto const byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            constexpr std::string_view hex = "0123456789abcdef";
            quoted_subject += "\\x";
            quoted_subject += hex[byte >> 4];
            quoted_subject += hex[byte & 15];
        } else {
            quoted_subject += c;
        }
    }
    quoted_subject += "'";
    std::string message(rule->message);
    if (auto const at = message.find("{}"); at != std::string::npos) message.replace(at, 2, quoted_subject);
    return message;
}

} // namespace cfdo

#endif

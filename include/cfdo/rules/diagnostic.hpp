// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_DIAGNOSTIC_HPP_INCLUDED
#define CFDO_RULES_DIAGNOSTIC_HPP_INCLUDED

#include <cfdo/model/text.hpp>

#include <algorithm>
#include <string_view>
#include <vector>

namespace cfdo {

enum class severity : unsigned char {
    /// Cloudflare would accept it, but it is probably not what was meant.
    warning,
    /// Cloudflare (or the HTTP layer) would reject it.
    error,
    /// Worth knowing, nothing to fix (Cloudflare's own notices, such as a
    /// stale tombstone).
    info,
};

[[nodiscard]] constexpr std::string_view to_string(severity level) noexcept {
    switch (level) {
    case severity::error: return "error";
    case severity::info: return "info";
    default: return "warning";
    }
}

/// One finding of the validator: which rule, about what, and where.
struct diagnostic {
    /// The rule's stable kebab-case id, e.g. "rename-target-exists".
    std::string_view rule;
    /// The name the finding is about: a class, binding, tag, module or
    /// parameter name.
    text subject;
    /// JSON pointer into the payload (or the request parameters).
    text path;
    severity level = severity::error;
    /// The verdict depends on what is deployed, which is not known: the
    /// diagnostic is a warning saying so.
    bool depends_on_state = false;
    /// A name close to the subject that was probably meant ("Counter" for
    /// "Conter"), or empty.
    text suggestion{};

    friend constexpr bool operator==(diagnostic const&, diagnostic const&) = default;
};

/// True when any diagnostic is an error.
[[nodiscard]] constexpr bool has_errors(std::vector<diagnostic> const& diagnostics) noexcept {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](diagnostic const& d) { return d.level == severity::error; });
}

} // namespace cfdo

#endif

// How the cfdo tool prints diagnostics.
#ifndef CFDO_TOOLS_REPORT_HPP_INCLUDED
#define CFDO_TOOLS_REPORT_HPP_INCLUDED

#include <cfdo/model/deployed_state.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/support/printable.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cfdo::tool {

/// One compiler-like line per diagnostic, `FILE:PATH: error[rule-id]:
/// message` (`FILE: ...` when it concerns no place in the file), which
/// editors and CI annotators can pick up. Everything that
/// came from the input is printed with control bytes escaped.
inline void print_text(std::ostream& out, std::string_view file, std::vector<diagnostic> const& diagnostics) {
    for (auto const& d : diagnostics) {
        out << printable(file);
        if (!d.path.empty()) out << ':' << printable(d.path);
        out << ": " << to_string(d.level) << '[' << d.rule << "]: " << message_of(d) << '\n';
    }
}

/// The diagnostics as a JSON array of {rule, severity, path, subject,
/// message, cloudflare_code, depends_on_state, suggestion}; cloudflare_code
/// is null when no Cloudflare error code is known for the rule, suggestion
/// when no name looks meant.
[[nodiscard]] inline boost::json::array diagnostics_json(std::vector<diagnostic> const& diagnostics) {
    boost::json::array out;
    out.reserve(diagnostics.size());
    for (auto const& d : diagnostics) {
        auto const* rule = find_rule(d.rule);
        boost::json::object entry;
        entry["rule"] = d.rule;
        entry["severity"] = to_string(d.level);
        entry["path"] = std::string_view(d.path);
        entry["subject"] = std::string_view(d.subject);
        entry["message"] = message_of(d);
        if (rule && rule->cloudflare_code != 0) entry["cloudflare_code"] = rule->cloudflare_code;
        else entry["cloudflare_code"] = nullptr;
        entry["depends_on_state"] = d.depends_on_state;
        if (d.suggestion.empty()) entry["suggestion"] = nullptr;
        else entry["suggestion"] = std::string_view(d.suggestion);
        out.push_back(std::move(entry));
    }
    return out;
}

/// The one-line verdict, with the assumption it was given under:
/// "wrangler.toml: valid (deployed state unknown), 2 warnings",
/// "wrangler.toml: 1 error, 2 warnings (first deploy)".
[[nodiscard]] inline std::string summary_of(std::string_view file, std::vector<diagnostic> const& diagnostics,
                                            deployed_assumption const& assumed) {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    for (auto const& d : diagnostics) {
        errors += d.level == severity::error ? 1 : 0;
        warnings += d.level == severity::warning ? 1 : 0;
    }
    auto const count = [](std::size_t n, std::string_view what) {
        return std::to_string(n) + " " + std::string(what) + (n == 1 ? "" : "s");
    };
    std::string line = printable(file) + ": ";
    if (errors == 0) {
        line += "valid (" + describe(assumed) + ")";
        if (warnings > 0) line += ", " + count(warnings, "warning");
    } else {
        line += count(errors, "error");
        if (warnings > 0) line += ", " + count(warnings, "warning");
        line += " (" + describe(assumed) + ")";
    }
    return line;
}

} // namespace cfdo::tool

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_UPLOAD_RULES_HPP_INCLUDED
#define CFDO_RULES_UPLOAD_RULES_HPP_INCLUDED

#include <cfdo/model/members.hpp>
#include <cfdo/model/upload_metadata.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/json_location.hpp>
#include <cfdo/rules/validation_context.hpp>
#include <cfdo/rules/version_field_rules.hpp>
#include <cfdo/rules/version_rules.hpp>

#include <string_view>
#include <vector>

// The rules of the classic upload's metadata: its version's, and those of
// the fields only the upload takes.

namespace cfdo {

namespace detail {

// The keys of `upload_metadata`'s own members (not its version's).
constexpr bool is_upload_only_key(std::string_view key) noexcept {
    bool own = false;
    for_each_member_of<upload_metadata>([&](auto member) { own = own || (!member.is_inlined && member.key == key); });
    return own;
}

constexpr void check_upload_fields(upload_metadata const& metadata, json_location const& fields,
                                   std::vector<diagnostic>& out) {
    if (auto const& strategy = metadata.code_update_strategy) {
        std::string_view const mode = strategy->mode;
        bool const known_mode = mode == "immediate" || mode == "deferred";
        if (!known_mode)
            out.push_back(make_diagnostic("code-update-strategy-invalid", "mode",
                                          (fields / "code_update_strategy" / "mode").str()));
        if (strategy->max_delay && *strategy->max_delay > 86400)
            out.push_back(make_diagnostic("code-update-strategy-invalid", "max_delay",
                                          (fields / "code_update_strategy" / "max_delay").str()));
    }
    // The version's extra fields may not set the upload's own either (the
    // version's rules have checked them against the version's fields).
    if (auto const& extra = metadata.version.extra; !extra.empty())
        (void)is_json_object(extra, [&](std::string_view key) {
            if (is_upload_only_key(key))
                out.push_back(make_diagnostic("extra-field-collides", key, (fields / key).str()));
        });
}

} // namespace detail

/// Every problem of an upload's metadata: its version's (`validate(worker_version)`)
/// and its own fields'.
[[nodiscard]] constexpr std::vector<diagnostic>
validate(upload_metadata const& metadata, validation_context const& context = {}, version_layout const& layout = {}) {
    auto found = validate(metadata.version, context, layout);
    // A service-worker script is named by `body_part`, not `main_module`.
    if (metadata.body_part) std::erase_if(found, [](diagnostic const& d) { return d.rule == "main-module-missing"; });
    detail::check_upload_fields(metadata, detail::json_location(layout.fields), found);
    return found;
}

} // namespace cfdo

#endif

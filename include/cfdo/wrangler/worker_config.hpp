// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_WRANGLER_WORKER_CONFIG_HPP_INCLUDED
#define CFDO_WRANGLER_WORKER_CONFIG_HPP_INCLUDED

#include <cfdo/model/deployment.hpp>
#include <cfdo/model/json_text.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/model/upload_metadata.hpp>
#include <cfdo/rules/diagnostic.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// What reading a wrangler configuration gives: one Worker in cfdo's model,
// and where each part of it is written in the file.

namespace cfdo::wrangler {

/// Where a binding is written in a configuration: its entry (a JSON
/// pointer), and the key of that entry holding its name — `name` for a
/// Durable Object binding, `binding` for KV, R2, services, D1 and queues,
/// none for `vars`, whose keys are the names.
struct binding_location {
    std::string pointer;
    std::string_view name_field;
};

/// One Worker as a wrangler configuration describes it — at the top level,
/// or in one `env.<name>` section with wrangler's inheritance applied — read
/// into cfdo's model, with where each part came from in the file.
struct worker_config {
    /// The Worker's name (`name`; in an environment its own `name`, else
    /// wrangler's `<name>-<environment>`).
    std::optional<text> name{};
    /// The entry module's path (`main`).
    std::optional<text> main{};
    /// The account the Worker deploys to (`account_id`), when the
    /// configuration says.
    std::optional<text> account_id{};
    /// The version (compatibility date and flags, every binding) and the
    /// migration history.
    cfdo::deployment deployment{};
    /// The upload's own fields (observability, logpush, tail consumers, the
    /// code update strategy, keep_bindings) with the defaults wrangler adds;
    /// its `version` is empty: `deployment` holds the Worker's.
    upload_metadata upload{};
    /// `unsafe.metadata`: keys wrangler merges into the upload's metadata
    /// last, over its own (a JSON object).
    std::optional<json_text> unsafe_metadata{};
    /// Where `deployment.version.bindings[i]` is written.
    std::vector<binding_location> binding_locations{};
    /// Where the fields come from: the environment's section when it sets
    /// them, else the top level.
    std::string migrations_location = "/migrations";
    std::string compatibility_date_location = "/compatibility_date";
    std::string compatibility_flags_location = "/compatibility_flags";
    /// `exports` is inheritable: the environment's, else the top level's.
    std::string exports_location = "/exports";

    /// The configuration's JSON pointer for a pointer into what
    /// `validate(deployment)` checks (`/version/bindings/2/class_name`,
    /// `/history/0/tag`).
    [[nodiscard]] std::string location_of(std::string_view checked) const {
        auto const starts = [&](std::string_view prefix) {
            return checked.substr(0, prefix.size()) == prefix &&
                   (checked.size() == prefix.size() || checked[prefix.size()] == '/');
        };
        auto const rest_after = [&](std::string_view prefix) { return std::string(checked.substr(prefix.size())); };
        // What follows `prefix/` (empty when nothing does).
        auto const below = [&](std::string_view prefix) {
            return checked.substr(std::min(checked.size(), prefix.size() + 1));
        };
        if (starts("/history")) return migrations_location + rest_after("/history");
        if (starts("/version/migrations")) return migrations_location;
        if (starts("/version/exports")) return exports_location + rest_after("/version/exports");
        if (starts("/version/compatibility_date")) return compatibility_date_location;
        if (starts("/version/compatibility_flags"))
            return compatibility_flags_location + rest_after("/version/compatibility_flags");
        if (starts("/version/bindings")) {
            auto const [index, field] = leading_index(below("/version/bindings"));
            if (index && *index < binding_locations.size()) {
                auto const& binding = binding_locations[*index];
                if (field == "/name")
                    return binding.name_field.empty() ? binding.pointer
                                                      : binding.pointer + "/" + std::string(binding.name_field);
                // Durable Object bindings' fields are named as in the API;
                // the other kinds' are not, so their entry stands for them.
                return binding.name_field == "name" ? binding.pointer + std::string(field) : binding.pointer;
            }
        }
        return std::string(checked);
    }

private:
    /// The array index a pointer's rest starts with ("3/class_name" gives 3
    /// and "/class_name").
    static std::pair<std::optional<std::size_t>, std::string_view> leading_index(std::string_view rest) {
        std::size_t index = 0;
        std::size_t digits = 0;
        for (; digits < rest.size() && digits < 18 && rest[digits] >= '0' && rest[digits] <= '9'; ++digits)
            index = index * 10 + static_cast<std::size_t>(rest[digits] - '0');
        if (digits == 0) return {std::nullopt, rest};
        return {index, rest.substr(digits)};
    }
};

/// What reading a configuration gave: the Worker, unless the configuration's
/// shape is wrong, and every diagnostic about its shape.
struct config_reading {
    std::optional<worker_config> worker{};
    std::vector<diagnostic> diagnostics{};
};

} // namespace cfdo::wrangler

#endif

// Fuzz target: configurations users did not write themselves. Every input is
// read as JSON, as JSONC and as TOML (what `cfdo check` and `cfdo plan` do
// with a file), and what parses is read as a wrangler configuration — at the
// top level and in each of its first environments — then checked with every
// rule, with and without exported classes and a deployed tag, and planned.
//
// Promises checked beyond "no crash, no sanitizer report":
// - a file that does not parse gets a printable message naming a position;
// - every diagnostic names a rule of the catalogue, its path is a JSON
//   pointer, and its message is printable;
// - `cfdo check --format json` output (diagnostics_json) is valid JSON;
// - a configuration without errors has a plan, and the plan serializes.
#include <cfdo/json/to_json.hpp>
#include <cfdo/wrangler/check_config.hpp>
#include <cfdo/wrangler/read_config.hpp>

#include "fuzz_check.hpp"
#include "input_file.hpp"
#include "report.hpp"

#include <boost/json/serialize.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

void require_well_formed(std::vector<cfdo::diagnostic> const& diagnostics) {
    for (auto const& d : diagnostics) {
        cfdo_fuzz::require(cfdo::find_rule(d.rule) != nullptr, "a diagnostic names a rule of the catalogue", d.rule);
        cfdo_fuzz::require(d.path.empty() || d.path.view().front() == '/', "a diagnostic's path is a JSON pointer",
                           d.path);
        cfdo_fuzz::require_printable(cfdo::message_of(d), "a diagnostic's message");
    }
    auto const written = boost::json::serialize(cfdo::tool::diagnostics_json(diagnostics));
    cfdo_fuzz::require(cfdo::parse_json(written).has_value(), "diagnostics as JSON are valid JSON");
}

void check_worker(boost::json::value const& config, std::optional<std::string_view> environment) {
    auto reading = cfdo::wrangler::read_config(config, environment);
    require_well_formed(reading.diagnostics);
    if (!reading.worker) {
        cfdo_fuzz::require(cfdo::has_errors(reading.diagnostics), "a Worker is read unless the shape is wrong");
        return;
    }
    // Under each assumption about the deployed Worker.
    std::vector<cfdo::wrangler::check_options> option_sets(4);
    option_sets[1].exported_classes = std::vector<cfdo::text>{"Counter"};
    option_sets[2].deployed = cfdo::first_deploy{};
    if (!reading.worker->deployment.history.empty())
        option_sets[3].deployed = cfdo::deployed_state{.migration_tag = reading.worker->deployment.history[0].tag};
    for (auto const& options : option_sets) {
        auto const found = cfdo::wrangler::check(*reading.worker, options);
        require_well_formed(found);
        if (cfdo::has_errors(found)) continue;
        if (auto const plan = cfdo::wrangler::plan(*reading.worker, options))
            cfdo_fuzz::require_json_round_trip(cfdo::to_json(*plan), "a plan, serialized");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view const text(reinterpret_cast<char const*>(data), size);
    using cfdo::tool::file_format;
    for (auto const format : {file_format::json, file_format::jsonc, file_format::toml}) {
        auto const parsed = cfdo::tool::parse_text("fuzz.input", text, format);
        if (!parsed) {
            cfdo_fuzz::require(parsed.error().message.starts_with("fuzz.input"), "a syntax error names the file",
                               parsed.error().message);
            continue;
        }
        check_worker(*parsed, std::nullopt);
        // The first few environments: enough to reach inheritance, bounded
        // so that one input cannot take long.
        if (auto const* object = parsed->if_object())
            if (auto const* environments = object->if_contains("env"); environments && environments->is_object()) {
                std::size_t checked = 0;
                for (auto const& entry : environments->get_object()) {
                    if (++checked > 3) break;
                    check_worker(*parsed, std::string_view(entry.key()));
                }
            }
        check_worker(*parsed, "absent-environment");
    }
    return 0;
}

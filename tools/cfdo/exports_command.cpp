#include <cfdo/json/pretty.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/rules/exports_from_history.hpp>

#include "commands.hpp"
#include "report.hpp"
#include "worker_from_config.hpp"

#include <iostream>
#include <string>

namespace cfdo::tool {

namespace {

constexpr std::array exports_options{
    assumption_options[0],
    assumption_options[1],
    assumption_options[2],
    option_spec{"--env", "NAME", "the environment to convert (wrangler's --env)"},
};

// The configuration's Worker with its Durable Objects declared by
// `converted` instead of its migrations; its other exports entries kept.
wrangler::worker_config declared_by_exports(wrangler::worker_config worker, exports_map const& converted) {
    auto& version = worker.deployment.version;
    worker.deployment.history.clear();
    version.migrations.reset();
    std::erase_if(version.exports, [](auto const& entry) { return is_durable_object_entry(entry.value); });
    version.exports.insert(version.exports.begin(), converted.begin(), converted.end());
    return worker;
}

// What Cloudflare has once the migrations are deployed: their last tag, and
// the live classes of the map, with their storage.
deployed_assumption state_after_migrations(migration_history const& history, exports_map const& converted) {
    deployed_state after{.classes = std::vector<deployed_class>{}};
    if (!history.empty()) after.migration_tag = history.back().tag;
    for (auto const& [name, entry] : converted)
        if (auto const storage = storage_of(entry); storage && is_live_durable_object(entry))
            after.classes->push_back({.class_name = name,
                                      .storage = *storage == export_storage::legacy_kv
                                                     ? durable_object_storage::kv
                                                     : durable_object_storage::sqlite});
    return after;
}

} // namespace

command_spec const exports_spec{"exports",
                                "prints the exports map equivalent to the configuration's migrations (what a Worker "
                                "moving to the declarative lifecycle declares), proven to check clean in their place",
                                exports_options, "FILE"};

int exports_command(std::span<char* const> args) {
    auto const command_line = read_command_line(args, exports_spec);
    if (!command_line) return command_line.error();
    auto const& path = command_line->operand;
    auto const checked = check_configuration(path, command_line->parsed);
    if (!checked) return unusable_input;
    // (Before its diagnostics: beside migrations, the exports would be an
    // error of the configuration, but there is still nothing to convert.)
    if (checked->worker && declares_durable_objects(checked->worker->deployment.version.exports)) {
        std::cerr << "cfdo: " << printable(path)
                  << ": already declares its Durable Objects in exports; there are no migrations to convert\n";
        return unusable_input;
    }
    print_text(std::cerr, path, checked->diagnostics);
    if (has_errors(checked->diagnostics) || !checked->worker) {
        std::cerr << summary_of(path, checked->diagnostics, checked->options.deployed) << '\n';
        return rule_violations;
    }
    auto const& worker = *checked->worker;
    auto const& deployed = checked->options.deployed;
    if (worker.deployment.history.empty())
        std::cerr << "cfdo: warning: " << printable(path)
                  << " has no migrations: the map declares only the deployed classes (none, without --state)\n";

    auto const converted = exports_from_history(worker.deployment.history, deployed);
    print_text(std::cerr, path, converted.diagnostics);
    if (has_errors(converted.diagnostics)) return rule_violations;
    if (!converted.storage_unknown.empty()) {
        std::string classes;
        for (auto const& name : converted.storage_unknown) classes += (classes.empty() ? "" : ", ") + name.str();
        std::cerr << "cfdo: the storage of " << printable(classes)
                  << ", received by a transfer, is not in the configuration; give the deployed state (--state) "
                     "that has it\n";
        return rule_violations;
    }

    // The proof: the configuration with the map in place of its migrations
    // checks clean, as `cfdo check` checks it, on the Worker its migrations
    // leave deployed (their last
    // tag, the map's live classes with their storage) and, when given, on
    // the deployed state (where the map's tombstones finish what is not yet
    // applied). A stale tombstone is only a notice.
    auto const declared = declared_by_exports(worker, converted.exports);
    auto const proven_on = [&](deployed_assumption assumed) {
        auto options = checked->options;
        options.deployed = std::move(assumed);
        auto proof = wrangler::check(declared, options);
        // (Once the migrations are deployed every tombstone is stale: the
        // notices say nothing the map does not.)
        std::erase_if(proof, [](diagnostic const& d) { return d.level == severity::info; });
        print_text(std::cerr, path, proof);
        if (!has_errors(proof)) return true;
        std::cerr << "cfdo: " << printable(path) << ": the converted exports do not check clean in place of the "
                  << "migrations (" << describe(options.deployed) << ")\n";
        return false;
    };
    if (!proven_on(state_after_migrations(worker.deployment.history, converted.exports))) return rule_violations;
    if (deployed.holds<deployed_state>() && !proven_on(deployed)) return rule_violations;
    std::cout << pretty_json(to_json(converted.exports)) << '\n';
    return valid;
}

} // namespace cfdo::tool

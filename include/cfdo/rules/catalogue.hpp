// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_CATALOGUE_HPP_INCLUDED
#define CFDO_RULES_CATALOGUE_HPP_INCLUDED

#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/support/printable.hpp>

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cfdo {

/// A rule of the catalogue. docs/rules.md lists them with examples.
struct rule_info {
    /// Stable kebab-case id; diagnostics and docs refer to it.
    std::string_view id;
    severity level;
    /// The Cloudflare API error code the rule prevents, or 0 when none is
    /// known (the mistake is refused by wrangler, by HTTP routing, or is only
    /// advice).
    int cloudflare_code;
    /// One line saying what is wrong and how to fix it; `{}` stands for the
    /// diagnostic's subject.
    std::string_view message;
    /// What Cloudflare answers, as reported in Cloudflare's trackers, with X
    /// for the subject, when known.
    std::string_view cloudflare_message = {};
    /// For a rule whose verdict depends on what is deployed: the message
    /// when that is not known, and the diagnostic is a warning that says what
    /// would make it exact. Empty for the rules every state decides alike.
    std::string_view if_state_unknown = {};
};

inline constexpr std::string_view cloudflare_10061_binding =
    "Cannot create binding for class 'X' because it is not currently configured to implement Durable Objects. "
    "Ensure a --new-class migration has been applied to it.";
inline constexpr std::string_view cloudflare_10074_new_class =
    "Cannot apply new-class migration to class 'X' that is already depended on by existing Durable Objects";

inline constexpr std::array rule_catalogue{
    // Request parameters: path segments and query ranges.
    rule_info{"path-parameter-empty", severity::error, 0, "path parameter {} is empty; give it a value"},
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
    rule_info{"binding-name-duplicate", severity::error, 0,
              "two bindings are named {}; a Worker's bindings (of every kind) need distinct names"},
    rule_info{"binding-name-not-identifier", severity::warning, 0,
              "binding {} is not a JavaScript identifier, so the Worker must write env[\"...\"]; rename it if that "
              "was not intended"},
    rule_info{"json-binding-not-json", severity::error, 10021,
              "json binding {} holds text that is not one JSON value (RFC 8259, at most 256 levels deep)"},
    rule_info{"durable-object-environment-without-script", severity::error, 0,
              "Durable Object binding {} names an environment but no script_name; the environment is that of "
              "script_name, so give both or neither"},

    rule_info{"d1-binding-without-database", severity::error, 0,
              "D1 binding {} names no database; give database_id (or its alias id)"},
    rule_info{"binding-part-missing", severity::error, 0,
              "binding {} names a part that is not among the version's modules; add the module or fix the part "
              "name"},
    rule_info{"secret-empty", severity::warning, 0,
              "secret {} is empty, which is usually an unset environment variable; set it, or use an inherit "
              "binding to keep the deployed value"},
    rule_info{"ratelimit-period-unsupported", severity::warning, 0,
              "rate limiter {} has a period other than 10 or 60 seconds, the only ones wrangler takes; Cloudflare "
              "may refuse it"},
    rule_info{"raw-binding-type-modelled", severity::warning, 0,
              "raw binding {} has a type cfdo models, so cfdo's rules do not see it; write it as that kind"},
    rule_info{"extra-fields-not-an-object", severity::error, 0,
              "the extra fields of {} are not one JSON object; write them as {\"field\": value, ...}"},
    rule_info{"extra-field-collides", severity::error, 0,
              "extra field {} is a field cfdo models, and would be ignored; set the modelled field instead"},

    // Version fields.
    rule_info{"placement-form-invalid", severity::error, 0,
              "{} is none of the forms Cloudflare takes: {mode: smart}, {region}, {hostname}, {host}, or mode "
              "targeted with one of those or a target list whose items each name one"},
    rule_info{"assets-config-value-unknown", severity::error, 0,
              "assets config {} has a value Cloudflare does not take; see docs/model.md for the values"},
    rule_info{"code-update-strategy-invalid", severity::error, 0,
              "code_update_strategy {} is out of range: mode is immediate or deferred, max_delay at most 86400 "
              "seconds"},
    rule_info{"container-class-not-durable-object",
              severity::error,
              0,
              "container class {} is not a live Durable Object class of this Worker; create it in a migration, or "
              "fix the name",
              {},
              "no migration of this configuration creates class {}, which a container runs: Cloudflare accepts it "
              "only if the class is already deployed; give the deployed state (cfdo check --state, or "
              "--first-deploy) to decide"},

    // Durable Object bindings against the classes the migrations leave live.
    rule_info{"binding-class-not-created", severity::error, 10061,
              "class {}, which a binding of this Worker uses, is not a live Durable Object class and no migration "
              "creates it; create it with new_sqlite_classes (or new_classes) in a migration, or fix the name",
              cloudflare_10061_binding,
              "no migration of this configuration creates class {}, which a binding of this Worker uses: Cloudflare "
              "accepts the binding only if the class is already deployed; give the deployed state (cfdo check "
              "--state, or --first-deploy) to decide"},
    rule_info{"durable-object-binding-without-class", severity::error, 0,
              "Durable Object binding {} names neither class_name nor namespace_id, so it binds nothing; give the "
              "class"},
    rule_info{"binding-to-deleted-class", severity::error, 10061,
              "class {} was deleted by an earlier migration, so it cannot be bound until a migration creates it "
              "again; re-create it or remove the binding",
              cloudflare_10061_binding},
    rule_info{"binding-to-renamed-class", severity::error, 10061,
              "class {} is renamed by a migration, so this Worker's binding must use the new name",
              cloudflare_10061_binding},
    rule_info{"delete-while-bound", severity::error, 10061,
              "class {} is deleted by a migration while a binding of this Worker still uses it; remove the binding "
              "in the same version",
              "Cannot apply --delete-class migration to class 'X' without also removing the binding that references "
              "it."},
    rule_info{"binding-class-not-exported", severity::error, 10061,
              "a binding uses class {}, which the entry module does not export; export the class (check that the "
              "bundler keeps it)",
              "Cannot create binding for class X that is not exported by the script"},

    // Migrations: the fold of the directives, in order.
    rule_info{"class-name-empty", severity::error, 0,
              "a {} directive names an empty class; give the exported class name"},
    rule_info{"new-class-exists", severity::error, 10074,
              "class {} already exists when a migration creates it again; remove the directive (migrations that "
              "were applied must not be sent again)",
              cloudflare_10074_new_class},
    rule_info{"kv-class-converted-to-sqlite", severity::error, 10074,
              "class {} was created with key-value storage and cannot become SQLite-backed; keep new_classes, or "
              "create a class with a new name in new_sqlite_classes (or delete it first, losing its data)",
              "Cannot apply new-sqlite-class migration to class 'X' that is already depended on by existing Durable "
              "Objects"},
    rule_info{"new-class-not-exported", severity::error, 10070,
              "a migration creates class {}, which the entry module does not export; export the class (check that "
              "the bundler keeps it)",
              "Cannot apply new-class migration to class 'X' that is not exported by script."},
    rule_info{"live-class-not-exported", severity::error, 10064,
              "class {} has Durable Objects but the entry module no longer exports it; export it, or rename or "
              "delete it with a migration",
              "New version of script does not export class 'X' which is depended on by existing Durable Objects. Did "
              "you forget to include it? If you renamed it, try a rename-class migration. If you want to delete all "
              "the Durable Objects implemented by the class, you can use a delete-class migration"},
    rule_info{"rename-source-missing",
              severity::error,
              10074,
              "a migration renames class {}, which does not exist at that point; rename an existing class",
              {},
              "a migration renames class {}, which no earlier migration of this configuration creates: Cloudflare "
              "accepts it only if the class is deployed; give the deployed state (cfdo check --state) to decide"},
    rule_info{"rename-target-exists", severity::error, 0,
              "a migration renames a class to {}, which already exists; the rename creates its target, so pick a "
              "free name (or delete the existing class in an earlier step)"},
    rule_info{"rename-to-itself", severity::warning, 0,
              "a migration renames class {} to itself, which does nothing; remove it"},
    rule_info{"rename-duplicate", severity::error, 0,
              "one migration step renames from or to class {} twice; each class takes part in one rename per step"},
    rule_info{"delete-missing-class", severity::error, 10074,
              "a migration deletes class {}, which does not exist at that point; remove the directive",
              "Cannot apply delete-class migration to class 'X' which was not exported in the previous version of "
              "the script",
              "a migration deletes class {}, which no earlier migration of this configuration creates: Cloudflare "
              "accepts it only if the class is deployed; give the deployed state (cfdo check --state) to decide"},
    rule_info{"transfer-target-exists", severity::error, 0,
              "a migration transfers objects into class {}, which already exists; the transfer creates it, so do "
              "not create it first"},
    rule_info{"transfer-script-empty", severity::error, 0,
              "a migration transfers objects into class {} from a Worker it does not name; give from_script"},
    rule_info{"transfer-from-self", severity::warning, 0,
              "a migration transfers class {} from this same Worker; within one Worker, use renamed_classes"},
    rule_info{"migration-tag-duplicate", severity::error, 0,
              "migration tag {} appears twice; tags name migrations and must be unique"},
    rule_info{"migration-tag-empty", severity::warning, 0,
              "the migration's {} is empty; an empty tag reads as no tag, so the migration would be sent again on "
              "every deploy"},
    rule_info{"deployed-tag-missing", severity::warning, 10074,
              "the deployed migration tag {} is not in the migrations (pruned or edited?): wrangler then sends every "
              "migration again, which Cloudflare refuses where a step re-creates a live class; restore the "
              "migrations up to the deployed tag",
              cloudflare_10074_new_class},
    rule_info{"migration-old-tag-mismatch", severity::error, 10079,
              "the migrations' old_tag must be the Worker's deployed migration tag, {}; Cloudflare refuses "
              "migrations with another (or none, once the Worker has one): send the steps after the deployed tag",
              "Migration tag precondition failed; current tag is 'X'"},
    rule_info{"deployment-version-has-migrations", severity::error, 0,
              "the deployment's version carries migrations of its own ({}), which would be ignored; write them in "
              "the deployment's history, the one place they are read from"},

    // The declarative exports: each entry on its own, then the lifecycle it
    // declares, against the bindings, the code and the deployed classes. The
    // Cloudflare code is the reconciliation's 100402 (its scenario in the
    // message) or 100406 for a binding to a class with no live namespace.
    rule_info{"exports-with-migrations", severity::error, 0,
              "{} declares Durable Object classes in exports while the version sends migrations: the two lifecycles "
              "are mutually exclusive; move the classes to exports (live entries, tombstones for what was deleted "
              "or renamed) and drop the migrations"},
    rule_info{"export-name-empty", severity::error, 0, "an entry of {} has an empty name; name the exported class"},
    rule_info{"export-name-duplicate", severity::error, 0,
              "exports names {} twice; a JSON object keeps one entry per name, so keep one"},
    rule_info{"export-state-unknown", severity::error, 100402,
              "the state of exports entry {} is not one its kind takes; write created (or leave it out), or use the "
              "tombstone type of the state meant",
              "exports reconciliation scenario invalid_export"},
    rule_info{"export-storage-unknown", severity::error, 100402,
              "the storage of exports entry {} is neither sqlite nor legacy-kv",
              "exports reconciliation scenario invalid_export"},
    rule_info{"export-rename-to-itself", severity::error, 0,
              "exports entry {} is renamed to its own name; rename it to the live entry of its new name"},
    rule_info{"export-rename-target-not-live", severity::error, 100402,
              "exports entry {} is renamed to a class that has no live entry in the same exports; add the new "
              "class as a live entry (state created)",
              "exports reconciliation scenario invalid_export"},
    rule_info{"export-rename-target-taken", severity::error, 100402,
              "exports renames a class to {}, which already has Durable Objects (deployed, or the target of another "
              "rename); rename to a class that has none",
              "exports reconciliation scenario tombstone_renamed_to_occupied"},
    rule_info{"export-transfer-within-worker", severity::error, 100402,
              "exports entry {} transfers the class to or from this same Worker; a transfer goes between two "
              "Workers (rename the class instead)",
              "exports reconciliation scenario transferred_target_mismatch"},
    rule_info{"export-container-on-legacy-kv", severity::error, 100402,
              "exports entry {} runs a container on legacy-kv storage; containers need SQLite-backed Durable "
              "Objects",
              "exports reconciliation scenario invalid_export"},
    rule_info{"export-container-undeclared", severity::error, 100402,
              "exports entry {} names a container the version's containers do not declare; add it to containers, "
              "or fix the name",
              "exports reconciliation scenario container_undeclared_reference"},
    rule_info{"export-container-shared", severity::error, 100402,
              "container {} backs two exports entries; a container backs one Durable Object class",
              "exports reconciliation scenario container_multiple_durable_objects"},
    rule_info{"binding-class-not-in-exports", severity::error, 100406,
              "class {}, which a binding of this Worker uses, has no entry in exports, which declares this Worker's "
              "Durable Objects; add it as a live entry (type durable-object, storage sqlite), or fix the name",
              "exports reconciliation scenario provisioned_class_missing_from_config"},
    rule_info{"binding-to-export-tombstone", severity::error, 100406,
              "class {}, which a binding of this Worker uses, is a tombstone in exports (deleted, renamed or "
              "transferred); bind the live class, or remove the binding"},
    rule_info{"export-class-not-in-code", severity::error, 100402,
              "exports declares class {} live, but the entry module does not export it; export the class (check "
              "that the bundler keeps it), or make the entry a tombstone",
              "exports reconciliation scenario config_export_not_in_code"},
    rule_info{"export-deleted-class-in-code", severity::error, 100402,
              "exports deletes class {}, which the entry module still exports; remove the class from the code in "
              "the same version",
              "exports reconciliation scenario tombstone_delete_class_still_in_code"},
    rule_info{"export-legacy-kv-not-deployed", severity::error, 100402,
              "exports entry {} keeps legacy-kv storage, but the class is not live as key-value; exports never "
              "creates a key-value namespace, so use sqlite",
              "exports reconciliation scenario invalid_export",
              "exports entry {} keeps legacy-kv storage, which Cloudflare accepts only for a class already live as "
              "key-value; give the deployed state (cfdo check --state) to decide"},
    rule_info{"export-storage-changed", severity::error, 100402,
              "exports entry {} declares a storage other than the one its deployed namespace has; a class keeps its "
              "storage (move the data to a new class to change it)",
              "exports reconciliation scenario storage_type_mismatch"},
    rule_info{"deployed-class-not-in-exports", severity::error, 100402,
              "class {} has Durable Objects deployed but no entry in exports; keep it as a live entry, or delete, "
              "rename or transfer it with a tombstone",
              "exports reconciliation scenario provisioned_class_missing_from_config"},
    rule_info{"export-tombstone-stale", severity::info, 0,
              "the tombstone of exports entry {} is for a class with no deployed namespace, so it does nothing "
              "(Cloudflare's stale_tombstone); it is safe to remove once no other Worker binds the class"},

    // Modules and the version's own fields.
    rule_info{"main-module-not-found", severity::error, 0,
              "main_module {} names no module of the version; name one of its modules"},
    rule_info{"main-module-missing", severity::warning, 0,
              "the version has modules but no main_module; name its entry module (such as {})"},
    rule_info{"module-name-duplicate", severity::error, 0, "two modules are named {}; module names must be unique"},
    rule_info{"module-name-reserved", severity::error, 10021,
              "a module is named {}, the name of the upload's metadata part; rename the module"},
    rule_info{"module-name-not-sendable", severity::error, 0,
              "module {} has a quote or a control character in its name, which a multipart part name cannot carry "
              "unchanged; rename the module"},
    rule_info{"module-content-type-not-sendable", severity::error, 0,
              "module {} has a control character in its content type, which no header can carry; give a MIME type"},
    rule_info{"module-content-type-unknown", severity::warning, 0,
              "module {} has a content type Cloudflare does not document; use one of cfdo::content_type"},
    rule_info{"module-content-not-base64", severity::error, 10021,
              "module {} is given as base64 text that is not padded base64; give its bytes with "
              "cfdo::module_bytes or fix the encoding"},
    rule_info{"module-content-base64-not-canonical", severity::warning, 0,
              "module {} is given as base64 text whose padding leaves non-zero bits; decoders differ on such "
              "text, so give the bytes with cfdo::module_bytes or re-encode it"},
    rule_info{"text-not-utf8", severity::error, 0,
              "the text of {} is not well-formed UTF-8, which JSON requires; fix its encoding"},
    rule_info{"compatibility-date-invalid", severity::error, 0,
              "compatibility_date {} is not a day of the calendar; give a real date"},
    rule_info{"compatibility-date-in-future", severity::error, 0,
              "compatibility_date {} is in the future; Cloudflare accepts dates up to today"},

    // The shape of a wrangler configuration (wrangler.toml / .json / .jsonc),
    // as wrangler itself checks it. Only <cfdo/wrangler/read_config.hpp>
    // reports these: the typed model cannot have the wrong shape, so they
    // have no compile-time form; tests/cli has a fixture for each. The
    // subject is wrangler's own spelling of the field, e.g.
    // durable_objects.bindings[0].class_name.
    rule_info{"config-not-an-object", severity::error, 0, "{} should be an object (a TOML table)"},
    rule_info{"config-not-an-array", severity::error, 0, "{} should be an array"},
    rule_info{"config-not-a-string", severity::error, 0, "{} should be a string"},
    rule_info{"config-not-a-boolean", severity::error, 0, "{} should be a boolean"},
    rule_info{"config-field-missing", severity::error, 0, "{} is required; add it"},
    rule_info{"config-not-a-whole-number", severity::error, 0, "{} should be a whole number, 0 or more"},
    rule_info{"config-fields-exclusive", severity::error, 0,
              "{} cannot be given beside the other field of its pair; give exactly one of them"},
    rule_info{"config-ratelimit-period", severity::error, 0,
              "{} should be 10 or 60: wrangler takes no other rate limit period (in seconds)"},
    rule_info{"config-rename-not-from-to", severity::error, 0, "{} should be an object with string fields from and to"},
    rule_info{"config-transfer-not-from-to", severity::error, 0,
              "{} should be an object with string fields from, from_script and to"},
    rule_info{"config-value-malformed", severity::error, 0,
              "{} does not have the shape wrangler takes there (a string, number, boolean or object where the "
              "configuration reference says)"},
    rule_info{"config-field-unknown", severity::warning, 0,
              "{} is not a field wrangler knows here, so it is ignored; check its spelling"},
    rule_info{"config-environment-missing", severity::error, 0,
              "{} is not in the configuration; add the environment under env, or check its name"},
    rule_info{"config-environment-not-defined", severity::warning, 0,
              "the configuration defines no environments, so {} is checked as the top-level Worker (wrangler "
              "deploys it so, with a warning); add the environment under env if it should differ"},
    rule_info{"config-migrations-and-exports", severity::error, 0,
              "{} declares Durable Object classes while migrations is not empty: the two lifecycles are mutually "
              "exclusive; choose migrations or exports"},
    // `exports`, as wrangler's validateExports and validateContainerExportLinks
    // check it; what depends on the deployed state is the version rules'.
    rule_info{"config-exports-not-an-object", severity::error, 0,
              "{} should be an object keyed by export name (a TOML table), each entry an object with a type"},
    rule_info{"config-export-not-an-object", severity::error, 0, "{} should be an object with a type"},
    rule_info{"config-export-type-unknown", severity::error, 0,
              "{} should be \"durable-object\", \"worker\" or \"workflow\""},
    rule_info{"config-export-state-unknown", severity::error, 0,
              "{} should be created (the default), deleted, renamed, transferred or expecting-transfer"},
    rule_info{"config-export-storage-invalid", severity::error, 0,
              "{} is required for a live Durable Object class and should be sqlite or legacy-kv (sqlite for a new "
              "class)"},
    rule_info{"config-export-field-forbidden", severity::error, 0,
              "{} is not allowed in this state of the entry (each state takes only its own fields); remove it"},
    rule_info{"config-export-target-missing", severity::error, 0,
              "{} is required in this state and should be a non-empty string: the class or Worker the namespace "
              "goes to or comes from"},
    rule_info{"config-export-renamed-to-invalid", severity::error, 0,
              "{} should be a JavaScript identifier other than the entry's own name: the live class the namespace "
              "now belongs to"},
    rule_info{"config-export-name-empty", severity::error, 0,
              "{} has a Durable Object entry with an empty name; key it by the class's name"},
    rule_info{"config-export-container-on-legacy-kv", severity::error, 0,
              "{} needs storage sqlite: containers are not supported on legacy-kv Durable Objects"},
    rule_info{"config-export-container-unknown", severity::error, 0,
              "{} names no container of containers (by the container's name); add the container, or fix the name"},
    rule_info{"config-export-container-shared", severity::error, 0,
              "{} names a container another export already names: a container backs a single Durable Object"},
    // The shape of a request file's params (`cfdo request`): what the SDK
    // would send and cfdo would not.
    rule_info{"params-malformed", severity::error, 0,
              "the params do not read as the operation's: {}; fix them as the SDK's types say"},
    rule_info{"params-unknown", severity::error, 0,
              "the SDK sends parameter {}, which cfdo does not know, so its request would not carry it; remove it "
              "or check its spelling"},
    rule_info{"config-durable-objects-not-inherited", severity::warning, 0,
              "Durable Object binding {} is at the top level but not in this environment: durable_objects is not "
              "inherited, so the environment's Worker does not get it; repeat it under the environment"},
};

/// The catalogue entry of `id`, or a null pointer for an unknown id.
[[nodiscard]] constexpr rule_info const* find_rule(std::string_view id) noexcept {
    for (auto const& rule : rule_catalogue)
        if (rule.id == id) return &rule;
    return nullptr;
}

namespace detail {
// Deliberately not constexpr: a rule id missing from the catalogue stops
// compilation here, and throws at run time.
[[noreturn]] inline void rule_id_is_not_in_the_catalogue(std::string_view id) {
    throw std::invalid_argument("cfdo: no rule \"" + std::string(id) + "\" in the catalogue");
}
} // namespace detail

/// A diagnostic of rule `id` (which must be in the catalogue), with the
/// rule's severity. The diagnostic refers to the catalogue's own id text.
[[nodiscard]] constexpr diagnostic make_diagnostic(std::string_view id, text subject, text path) {
    auto const* rule = find_rule(id);
    if (!rule) detail::rule_id_is_not_in_the_catalogue(id);
    return diagnostic{rule->id, std::move(subject), std::move(path), rule->level};
}

/// A diagnostic of rule `id` whose verdict depends on what is deployed, which
/// is not known: a warning, worded as the rule's `if_state_unknown` message.
[[nodiscard]] constexpr diagnostic make_state_dependent_diagnostic(std::string_view id, text subject, text path) {
    auto const* rule = find_rule(id);
    if (!rule || rule->if_state_unknown.empty()) detail::rule_id_is_not_in_the_catalogue(id);
    auto d = make_diagnostic(id, std::move(subject), std::move(path));
    d.level = severity::warning;
    d.depends_on_state = true;
    return d;
}

/// The diagnostic's one-line message, its subject quoted in place of `{}`,
/// and the name it probably meant, when one is known.
[[nodiscard]] inline std::string message_of(diagnostic const& d) {
    auto const* rule = find_rule(d.rule);
    if (!rule) return std::string(d.rule);
    // The subject may come from hostile input: show control bytes escaped.
    // (Appended, not `"'" + printable(...)`: that operator+ inserts at the
    // front, where GCC 12 at -O2 and above warns of an impossible overlap,
    // -Wrestrict, GCC bug 105329, in the users' builds too.)
    std::string const subject = printable(d.subject);
    std::string quoted_subject;
    quoted_subject.reserve(subject.size() + 2);
    quoted_subject.append(1, '\'').append(subject).append(1, '\'');
    std::string message(d.depends_on_state && !rule->if_state_unknown.empty() ? rule->if_state_unknown : rule->message);
    if (auto const at = message.find("{}"); at != std::string::npos) message.replace(at, 2, quoted_subject);
    if (!d.suggestion.empty()) message.append("; did you mean '").append(printable(d.suggestion)).append("'?");
    return message;
}

} // namespace cfdo

#endif

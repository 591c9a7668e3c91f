#include <cfdo/api/make_request.hpp>
#include <cfdo/api/redaction.hpp>
#include <cfdo/json/pretty.hpp>
#include <cfdo/model/modules.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/model/upload_metadata.hpp>
#include <cfdo/support/printable.hpp>
#include <cfdo/wrangler/check_config.hpp>

#include "commands.hpp"
#include "input_file.hpp"
#include "report.hpp"
#include "worker_from_config.hpp"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace cfdo::tool {

namespace {

constexpr std::array upload_options{
    option_spec{"--env", "NAME", "the environment to upload (wrangler's --env)"},
    assumption_options[0],
    assumption_options[1],
    option_spec{"--account-id", "ID", "the account (else the configuration's account_id, else CLOUDFLARE_ACCOUNT_ID)"},
    option_spec{"--module", "PATH",
                "an already-bundled module; the first is the main module (default: the configuration's main)", true},
    option_spec{"--assets-jwt", "JWT", "the completion token of the assets upload session"},
    option_spec{"--format", "upload|version",
                "the classic script upload (default), or the same Worker as a create-version request"},
    option_spec{"--redact-secrets", "", "replace secret values (secret_text, secret_key, the assets token) for logs"},
};

/// The content type wrangler gives a module, by its file name's extension.
std::string_view content_type_of(std::string_view name) {
    auto const dot = name.rfind('.');
    std::string_view const extension = dot == std::string_view::npos ? std::string_view() : name.substr(dot);
    if (extension == ".js" || extension == ".mjs") return content_type::javascript_module;
    if (extension == ".cjs") return "application/javascript";
    if (extension == ".wasm") return "application/wasm";
    if (extension == ".map") return "application/source-map";
    if (extension == ".py") return "text/x-python";
    if (extension == ".txt" || extension == ".html" || extension == ".md" || extension == ".css" ||
        extension == ".csv" || extension == ".sql")
        return "text/plain";
    return "application/octet-stream";
}

/// The modules to upload: each `--module`, else the configuration's `main`
/// (relative to the configuration's directory); each named by its file name.
expected<std::vector<worker_module>, std::string>
read_modules(std::vector<std::string> paths, std::string const& config_path, std::optional<text> const& main) {
    if (paths.empty()) {
        if (!main) return unexpected(std::string("no module: give --module, or set main in the configuration"));
        auto const directory = std::filesystem::path(config_path == "-" ? "." : config_path).parent_path();
        paths.push_back((directory / std::string_view(*main)).string());
    }
    std::vector<worker_module> modules;
    for (auto const& path : paths) {
        if (path == "-") return unexpected(std::string("a module cannot be read from standard input"));
        auto bytes = read_text(path);
        if (!bytes) return unexpected(bytes.error().message);
        auto const name = std::filesystem::path(path).filename().string();
        modules.push_back({.name = text(name),
                           .content_type = text(content_type_of(name)),
                           .content = module_bytes{text(std::move(*bytes))}});
    }
    return modules;
}

/// The account: --account-id, the configuration's, CLOUDFLARE_ACCOUNT_ID, or
/// nothing (the path then keeps `{account_id}`).
std::optional<std::string> account_of(arguments const& parsed, wrangler::worker_config const& worker) {
    if (auto given = parsed.option("--account-id")) return given;
    if (worker.account_id) return std::string(std::string_view(*worker.account_id));
    if (char const* from_environment = std::getenv("CLOUDFLARE_ACCOUNT_ID"); from_environment && *from_environment)
        return std::string(from_environment);
    return std::nullopt;
}

// The version fields only the classic upload takes, which `--format version`
// leaves out (create-version does not take them).
std::vector<std::string_view> upload_only_fields(upload_metadata const& metadata) {
    std::vector<std::string_view> fields;
    for_each_present_member(metadata, [&](auto member, auto const&) {
        if constexpr (!member.is_inlined) fields.push_back(member.key);
    });
    return fields;
}

constexpr std::string_view account_placeholder = "{account_id}";

// wrangler tells the two formats apart by the entry's exports: a script
// that exports nothing is a service worker, uploaded as `body_part` and
// `application/javascript`.
bool is_service_worker(worker_module const& main) {
    if (main.content_type != content_type::javascript_module || !main.content.holds<module_bytes>()) return false;
    std::string_view const code = main.content.get<module_bytes>().bytes;
    for (auto at = code.find("export"); at != std::string_view::npos; at = code.find("export", at + 1)) {
        bool const starts_word =
            at == 0 || !(std::isalnum(static_cast<unsigned char>(code[at - 1])) || code[at - 1] == '_');
        auto const after = at + 6 < code.size() ? code[at + 6] : ' ';
        if (starts_word && (after == ' ' || after == '{' || after == '*' || after == '\n' || after == '\t'))
            return false;
    }
    return true;
}

// The files of the blob and Wasm module bindings (`text_blobs`, `data_blobs`,
// `wasm_modules`, service workers only): a part each, named after the binding.
expected<std::vector<worker_module>, std::string> read_binding_parts(std::string const& config_path,
                                                                     boost::json::value const& config,
                                                                     wrangler::worker_config const& worker) {
    std::vector<worker_module> parts;
    auto const& bindings = worker.deployment.version.bindings;
    for (std::size_t i = 0; i < bindings.size() && i < worker.binding_locations.size(); ++i) {
        std::string_view part_type;
        std::string_view part;
        if (auto const* wasm = bindings[i].get_if<wasm_module_binding>())
            part_type = "application/wasm", part = wasm->part;
        else if (auto const* blob = bindings[i].get_if<text_blob_binding>())
            part_type = "text/plain", part = blob->part;
        else if (auto const* data = bindings[i].get_if<data_blob_binding>())
            part_type = "application/octet-stream", part = data->part;
        else continue;
        std::error_code ec;
        auto const* file = config.find_pointer(worker.binding_locations[i].pointer, ec);
        if (!file || !file->is_string()) continue;
        auto const directory = std::filesystem::path(config_path == "-" ? "." : config_path).parent_path();
        auto bytes = read_text((directory / std::string_view(file->get_string())).string());
        if (!bytes) return unexpected(bytes.error().message);
        parts.push_back(
            {.name = text(part), .content_type = text(part_type), .content = module_bytes{text(std::move(*bytes))}});
    }
    return parts;
}

} // namespace

command_spec const upload_spec{
    "upload",
    "prints the classic script upload (PUT .../workers/scripts/{name}, multipart) of a wrangler configuration's "
    "Worker, its metadata as wrangler sends it, checked with every rule",
    upload_options, "CONFIG"};

int upload_command(std::span<char* const> args) {
    auto const command_line = read_command_line(args, upload_spec);
    if (!command_line) return command_line.error();
    auto const& parsed = command_line->parsed;
    auto const& path = command_line->operand;
    auto const format = parsed.option("--format").value_or("upload");
    if (format != "upload" && format != "version") return usage_failure(upload_spec, "--format is upload or version");

    auto const checked = check_configuration(path, parsed);
    if (!checked) return unusable_input;
    auto diagnostics = checked->diagnostics;
    if (!checked->worker || has_errors(diagnostics)) {
        print_text(std::cerr, path, diagnostics);
        return rule_violations;
    }
    auto const& worker = *checked->worker;
    if (!worker.name) {
        std::cerr << "cfdo: " << printable(path) << ": the configuration names no Worker (set name)\n";
        return unusable_input;
    }
    auto modules = read_modules(parsed.values("--module"), path, worker.main);
    if (!modules) {
        std::cerr << "cfdo: " << printable(modules.error()) << '\n';
        return unusable_input;
    }

    auto binding_parts = read_binding_parts(path, checked->config, worker);
    if (!binding_parts) {
        std::cerr << "cfdo: " << printable(binding_parts.error()) << '\n';
        return unusable_input;
    }

    auto metadata = wrangler::upload_metadata_of(worker, checked->options);
    if (is_service_worker(modules->front())) {
        modules->front().content_type = "application/javascript";
        metadata.body_part = modules->front().name;
    } else {
        metadata.version.main_module = modules->front().name;
    }
    // As wrangler: the bindings' parts first, then the modules.
    metadata.version.modules = std::move(*binding_parts);
    for (auto& module : *modules) metadata.version.modules.push_back(std::move(module));
    if (auto jwt = parsed.option("--assets-jwt")) {
        if (!metadata.version.assets) metadata.version.assets = version_assets{};
        metadata.version.assets->jwt = text(*jwt);
    }
    auto const account = account_of(parsed, worker);
    if (!account)
        std::cerr << "cfdo: warning: no account (--account-id, account_id or CLOUDFLARE_ACCOUNT_ID): the path keeps "
                  << account_placeholder << '\n';
    text const account_id(account ? std::string_view(*account) : account_placeholder);

    // The request, checked again as a whole (module parts, the upload's own
    // fields); the configuration's own diagnostics were reported with their
    // places in it.
    auto built = [&]() -> expected<request, std::vector<diagnostic>> {
        if (format == "version") {
            for (auto const field : upload_only_fields(metadata))
                std::cerr << "cfdo: warning: " << field << " is left out: create-version does not take it\n";
            return try_make_request(
                create_version{.account_id = account_id, .worker_id = *worker.name, .version = metadata.version});
        }
        return try_make_request(
            upload_script{.account_id = account_id, .script_name = *worker.name, .metadata = std::move(metadata)});
    }();
    if (!built) {
        diagnostics.insert(diagnostics.end(), built.error().begin(), built.error().end());
        print_text(std::cerr, path, diagnostics);
        return rule_violations;
    }
    print_text(std::cerr, path, diagnostics);
    auto request = std::move(*built);
    if (!account) {
        // `{` and `}` were percent-encoded as any path segment's: show the
        // placeholder as the documentation writes it.
        auto const encoded = request.path.find("%7Baccount_id%7D");
        if (encoded != std::string::npos) request.path.replace(encoded, 16, account_placeholder);
    }
    if (parsed.flag("--redact-secrets")) request = redacted(std::move(request));
    std::cout << pretty_json(to_json(request)) << '\n';
    return valid;
}

} // namespace cfdo::tool

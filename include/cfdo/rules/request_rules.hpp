// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_REQUEST_RULES_HPP_INCLUDED
#define CFDO_RULES_REQUEST_RULES_HPP_INCLUDED

#include <cfdo/api/operations.hpp>
#include <cfdo/model/json_names.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/json_location.hpp>
#include <cfdo/rules/version_rules.hpp>
#include <cfdo/support/utf8.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

// The rules of each operation: its own parameters (path segments that must
// stay one segment, the documented ranges of the paging parameters) and, for
// the uploads, the version's rules. Every function here is constexpr, so the
// same code checks a request written as a constant (at compile time) and one
// built from run-time values.

namespace cfdo {

namespace detail {

// Where a parameter of the operation is in its SDK params: `/per_page`,
// `/id` for `list_objects::namespace_id`.
template <class Operation>
constexpr text parameter_pointer(std::string_view member) {
    return (json_location() / json_key<Operation>(member)).str();
}

// Every `{parameter}` of the operation's route must stay exactly one path
// segment.
template <class Operation>
constexpr void check_path_parameters(Operation const& op, std::vector<diagnostic>& out) {
    for_each_path_parameter(op, [&](std::string_view member, std::string_view value) {
        auto report = [&](std::string_view rule) {
            out.push_back(make_diagnostic(rule, member, parameter_pointer<Operation>(member)));
        };
        if (value.empty()) return report("path-parameter-empty");
        if (value.find('/') != std::string_view::npos) report("path-parameter-slash");
        // "." and ".." are dot-segments that URL normalization removes (RFC
        // 3986 §5.2.4); ".." anywhere is refused as well, to be safe with
        // proxies.
        if (value == "." || value.find("..") != std::string_view::npos) report("path-parameter-dot-segment");
        for (char const c : value) {
            auto const byte = static_cast<unsigned char>(c);
            if (byte < 0x20 || byte == 0x7f) {
                report("path-parameter-control-character");
                break;
            }
        }
        // The segment itself would be percent-encoded safely, but the SDK
        // params (`to_json(op)`) carry the value as a JSON string, and JSON
        // text is UTF-8.
        if (!is_utf8(value)) report("text-not-utf8");
    });
}

template <class Operation>
constexpr void check_range(std::string_view rule, std::string_view member, std::optional<std::uint32_t> value,
                           std::uint32_t minimum, std::uint32_t maximum, std::vector<diagnostic>& out) {
    if (value && (*value < minimum || *value > maximum))
        out.push_back(make_diagnostic(rule, member, parameter_pointer<Operation>(member)));
}

// In the multipart upload each module is a part named after it: it cannot be
// called like the metadata part, nor carry what a part name escapes.
constexpr void check_module_part_names(std::vector<worker_module> const& modules, std::vector<diagnostic>& out) {
    for (std::size_t i = 0; i < modules.size(); ++i) {
        std::string_view const name = modules[i].name;
        auto const where = (json_location("/files") / i / "name").str();
        if (name == "metadata") out.push_back(make_diagnostic("module-name-reserved", name, where));
        bool const sendable = std::none_of(name.begin(), name.end(), [](char c) {
            auto const byte = static_cast<unsigned char>(c);
            return c == '"' || byte < 0x20 || byte == 0x7f;
        });
        if (!sendable) out.push_back(make_diagnostic("module-name-not-sendable", name, where));
    }
}

} // namespace detail

/// Every problem with the parameters of a namespace listing.
[[nodiscard]] constexpr std::vector<diagnostic> validate(list_namespaces const& op) {
    std::vector<diagnostic> found;
    detail::check_path_parameters(op, found);
    detail::check_range<list_namespaces>("page-out-of-range", "page", op.page, 1, UINT32_MAX, found);
    detail::check_range<list_namespaces>("per-page-out-of-range", "per_page", op.per_page, 1, 100, found);
    return found;
}

/// Every problem with the parameters of an objects listing.
[[nodiscard]] constexpr std::vector<diagnostic> validate(list_objects const& op) {
    std::vector<diagnostic> found;
    detail::check_path_parameters(op, found);
    detail::check_range<list_objects>("limit-out-of-range", "limit", op.limit, 10, 10000, found);
    // The query string would encode any byte, but to_json(op) and
    // to_json(request) carry the cursor as a JSON string.
    if (op.cursor && !is_utf8(*op.cursor))
        found.push_back(make_diagnostic("text-not-utf8", "cursor", detail::parameter_pointer<list_objects>("cursor")));
    return found;
}

namespace detail {

// An upload's parameters, then its version as Worker `worker` (unless the
// context names another), with the version's pointers laid out as `layout`.
template <class Upload>
constexpr std::vector<diagnostic> validate_upload(Upload const& op, std::string_view worker,
                                                  validation_context context, version_layout layout) {
    std::vector<diagnostic> found;
    check_path_parameters(op, found);
    if (!context.script_name) context.script_name = worker;
    auto version_diagnostics = validate(op.version, context, layout);
    found.insert(found.end(), version_diagnostics.begin(), version_diagnostics.end());
    return found;
}

} // namespace detail

/// Every problem with a version creation: its parameters and its version
/// (see `validate(worker_version const&, ...)`); the Worker is `worker_id`
/// unless `context` names it.
[[nodiscard]] constexpr std::vector<diagnostic> validate(create_version const& op, validation_context context = {}) {
    return detail::validate_upload(op, op.worker_id, std::move(context), version_layout{"", "/modules"});
}

/// Every problem with a script upload: its parameters and its version, with
/// pointers into the SDK's params (the version under `metadata`, its modules
/// under `files`), and the module names a multipart part cannot carry.
[[nodiscard]] constexpr std::vector<diagnostic> validate(upload_script const& op, validation_context context = {}) {
    auto found = detail::validate_upload(op, op.script_name, std::move(context), version_layout{"/metadata", "/files"});
    detail::check_module_part_names(op.version.modules, found);
    return found;
}

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_REQUEST_RULES_HPP_INCLUDED
#define CFDO_RULES_REQUEST_RULES_HPP_INCLUDED

#include <cfdo/model/category.hpp>
#include <cfdo/model/deployment.hpp>
#include <cfdo/model/json_names.hpp>
#include <cfdo/model/modules.hpp>
#include <cfdo/model/operation.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/history_rules.hpp>
#include <cfdo/rules/json_location.hpp>
#include <cfdo/rules/text_encoding_rules.hpp>
#include <cfdo/rules/upload_rules.hpp>
#include <cfdo/rules/validation_context.hpp>
#include <cfdo/rules/version_rules.hpp>
#include <cfdo/support/utf8.hpp>

#include <algorithm>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

// The rules of every operation, derived from its declaration: its path
// parameters must stay one segment each, its query parameters must be within
// their documented ranges and be UTF-8, and its body must keep the rules of
// what it is (a version's, for the uploads). Every function here is
// constexpr, so the same code checks a request written as a constant (at
// compile time) and one built from run-time values.

namespace cfdo {

namespace detail {

// A diagnostic about a parameter names it once, as the SDK's params spell
// it — subject `id` at `/id` for `list_objects::namespace_id` — so that a
// message never calls one field by two names.
template <class Operation>
constexpr diagnostic parameter_diagnostic(std::string_view rule, std::string_view member) {
    std::string_view const key = json_key<Operation>(member);
    return make_diagnostic(rule, key, (json_location() / key).str());
}

// Every `{parameter}` of the operation's route must stay exactly one path
// segment.
template <class Operation>
constexpr void check_path_parameters(Operation const& op, std::vector<diagnostic>& out) {
    for_each_path_parameter(op, [&](std::string_view member, std::string_view value) {
        auto report = [&](std::string_view rule) { out.push_back(parameter_diagnostic<Operation>(rule, member)); };
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

// Each documented range of the declaration, over the query parameter it names.
template <class Operation>
constexpr void check_ranges(Operation const& op, std::vector<diagnostic>& out) {
    for (auto const& range : Operation::endpoint.ranges) {
        for_each_query_parameter(op, [&](auto member, auto const& field) {
            if constexpr (category_of<decltype(field)> == model_category::optional) {
                if constexpr (category_of<decltype(*field)> == model_category::integer) {
                    if (member.name == range.member && (*field < range.minimum || *field > range.maximum))
                        out.push_back(parameter_diagnostic<Operation>(range.rule, member.name));
                }
            }
        });
    }
}

// The query string would encode any byte, but to_json(op) and
// to_json(request) carry the parameters as JSON strings.
template <class Operation>
constexpr void check_query_text(Operation const& op, std::vector<diagnostic>& out) {
    for_each_query_parameter(op, [&](auto member, auto const& field) {
        auto report = [&](std::string_view t, text_path const&, std::string_view) {
            if (!is_utf8(t)) out.push_back(parameter_diagnostic<Operation>("text-not-utf8", member.name));
        };
        for_each_text(field, text_path(), member.name, report);
    });
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

/// The operation's own parameters: its path segments, ranges and query text.
template <class Operation>
constexpr void check_parameters(Operation const& op, std::vector<diagnostic>& out) {
    check_path_parameters(op, out);
    check_ranges(op, out);
    check_query_text(op, out);
}

/// The context a body is judged in: that of the Worker the path names,
/// unless the context names another.
template <class Operation>
constexpr validation_context context_for(Operation const& op, validation_context context) {
    if (!context.script_name)
        for_each_path_parameter(op, [&](std::string_view name, std::string_view value) {
            if (name == Operation::endpoint.worker) context.script_name = value;
        });
    return context;
}

} // namespace detail

/// Every problem of an operation: its parameters, and its body, checked with
/// the rules of what it is (for the uploads, a version of the Worker the
/// path names, unless `context` names another). Pointers are into the SDK's
/// params: the body's fields beside the parameters, or under `metadata` and
/// `files` for the multipart upload.
template <operation Operation>
[[nodiscard]] constexpr std::vector<diagnostic> validate(Operation const& op, validation_context const& context = {}) {
    std::vector<diagnostic> found;
    detail::check_parameters(op, found);
    constexpr auto const& declared = Operation::endpoint;
    if constexpr (declared.form != body_form::none) {
        constexpr bool multipart = declared.form == body_form::multipart_upload;
        constexpr version_layout layout =
            multipart ? version_layout{"/metadata", "/files"} : version_layout{"", "/modules"};
        auto body_diagnostics = validate(body_of(op), detail::context_for(op, context), layout);
        found.insert(found.end(), body_diagnostics.begin(), body_diagnostics.end());
        if constexpr (multipart) detail::check_module_part_names(version_of(body_of(op)).modules, found);
    }
    return found;
}

/// What of `op` only run-time values decide, for a body `valid<>` has
/// already proven: its parameters and, for the multipart upload, its module
/// part names (which are the request's, not the version's, rules).
template <operation Operation>
[[nodiscard]] constexpr std::vector<diagnostic> validate_run_time_parts(Operation const& op) {
    std::vector<diagnostic> found;
    detail::check_parameters(op, found);
    if constexpr (Operation::endpoint.form == body_form::multipart_upload)
        detail::check_module_part_names(version_of(body_of(op)).modules, found);
    return found;
}

/// Every problem of `op` sending deployment `d` (its version, with the steps
/// of the history after the deployed tag): the operation's parameters, then
/// what `validate(d, context)` reports — the whole history, and the version
/// checked against the classes it leaves live (pointers into the deployment,
/// `/history/...` and `/version/...`). The version `op` carries is not
/// looked at: `d`'s replaces it.
template <version_operation Operation>
[[nodiscard]] constexpr std::vector<diagnostic> validate(Operation const& op, deployment const& d,
                                                         validation_context const& context = {}) {
    std::vector<diagnostic> found;
    detail::check_parameters(op, found);
    auto deployment_diagnostics = validate(d, detail::context_for(op, context));
    found.insert(found.end(), deployment_diagnostics.begin(), deployment_diagnostics.end());
    if constexpr (Operation::endpoint.form == body_form::multipart_upload)
        detail::check_module_part_names(d.version.modules, found);
    return found;
}

/// `op` carrying deployment `d`'s version under `context`: `payload(d,
/// context)`, its migrations the steps after the deployed tag.
template <version_operation Operation>
[[nodiscard]] constexpr Operation with_deployment(Operation op, deployment const& d,
                                                  validation_context const& context = {}) {
    version_of(detail::body_member<Operation>::info::of(op)) = payload(d, context);
    return op;
}

} // namespace cfdo

#endif

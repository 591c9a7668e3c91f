// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_REQUEST_RULES_HPP_INCLUDED
#define CFDO_RULES_REQUEST_RULES_HPP_INCLUDED

#include <cfdo/api/operations.hpp>
#include <cfdo/model/json_names.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/support/base64.hpp>
#include <cfdo/support/json_syntax.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

// The rules about an operation's own parameters: path segments that must stay
// one segment, and the documented ranges of the paging parameters. Every
// function here is constexpr, so the same code checks a request written as a
// constant (at compile time) and one built from run-time values.

namespace cfdo {

namespace detail {

template <class Operation>
constexpr text parameter_pointer(std::string_view member) {
    text pointer("/");
    pointer += json_key<Operation>(member);
    return pointer;
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
    });
}

template <class Operation>
constexpr void check_range(std::string_view rule, std::string_view member, std::optional<std::uint32_t> value,
                           std::uint32_t minimum, std::uint32_t maximum, std::vector<diagnostic>& out) {
    if (value && (*value < minimum || *value > maximum))
        out.push_back(make_diagnostic(rule, member, parameter_pointer<Operation>(member)));
}

// Modules given as base64 text must decode: the multipart upload sends their
// bytes, and Cloudflare answers 10021 for content it cannot read.
constexpr void check_module_contents(std::vector<worker_module> const& modules, std::string_view pointer_prefix,
                                     std::vector<diagnostic>& out) {
    for (std::size_t i = 0; i < modules.size(); ++i) {
        auto const* base64 = modules[i].content.get_if<module_base64>();
        if (!base64 || is_base64(base64->base64)) continue;
        text pointer(pointer_prefix);
        pointer += "/";
        append_decimal(pointer, i);
        pointer += "/content_base64";
        out.push_back(make_diagnostic("module-content-not-base64", modules[i].name, std::move(pointer)));
    }
}

// A `json` binding's text is embedded as a JSON value; text that is not JSON
// would make the payload unserializable.
constexpr void check_json_bindings(std::vector<binding> const& bindings, std::string_view pointer_prefix,
                                   std::vector<diagnostic>& out) {
    for (std::size_t i = 0; i < bindings.size(); ++i) {
        auto const* json = bindings[i].get_if<json_binding>();
        if (!json || is_json(json->json)) continue;
        text pointer(pointer_prefix);
        pointer += "/";
        append_decimal(pointer, i);
        pointer += "/json";
        out.push_back(make_diagnostic("json-binding-not-json", json->name, std::move(pointer)));
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
    return found;
}

/// Every problem with the parameters of a version creation.
[[nodiscard]] constexpr std::vector<diagnostic> validate(create_version const& op) {
    std::vector<diagnostic> found;
    detail::check_path_parameters(op, found);
    detail::check_json_bindings(op.version.bindings, "/bindings", found);
    detail::check_module_contents(op.version.modules, "/modules", found);
    return found;
}

/// Every problem with the parameters of a script upload.
[[nodiscard]] constexpr std::vector<diagnostic> validate(upload_script const& op) {
    std::vector<diagnostic> found;
    detail::check_path_parameters(op, found);
    detail::check_json_bindings(op.version.bindings, "/metadata/bindings", found);
    detail::check_module_contents(op.version.modules, "/files", found);
    return found;
}

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_API_EXPORTS_RECONCILIATION_HPP_INCLUDED
#define CFDO_API_EXPORTS_RECONCILIATION_HPP_INCLUDED

#include <cfdo/json/from_json.hpp>
#include <cfdo/model/json_names.hpp>
#include <cfdo/support/printable.hpp>

#include <boost/describe/class.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

// Cloudflare's 100402: an upload carrying an `exports` map (PUT script, POST
// versions, the beta create version) could not be reconciled with the
// deployed Durable Object namespaces. The error's own message is only an
// aggregate ("Durable Object exports reconciliation failed"); what went wrong,
// class by class, is in `errors[].meta.details[]`, which is kept here.

namespace cfdo {

/// The code of the exports reconciliation failure (HTTP 400).
inline constexpr std::int64_t exports_reconciliation_failure_code = 100402;

/// One class's reason for a 100402 (an item of `meta.details`; Cloudflare
/// sorts them by class).
struct reconciliation_detail {
    /// The Durable Object class (Cloudflare's `class`).
    std::string class_name;
    /// Cloudflare's tag for what happened (`storage_type_mismatch`,
    /// `tombstone_delete_blocked_by_external_bindings`, ...), kept as text:
    /// Cloudflare adds tags, and a tag cfdo does not know yet must not lose
    /// the detail.
    std::string scenario;
    std::string message;
    /// The provisioned namespace concerned, when there is one.
    std::optional<std::string> namespace_id{};
    /// Other Workers that still bind to the class.
    std::vector<std::string> referencing_scripts{};
    /// What to change, in Cloudflare's words.
    std::optional<std::string> suggestion{};

    /// `class: scenario: message`, then the suggestion and the referencing
    /// scripts, for people. It is the server's text: control bytes are
    /// escaped (`printable`).
    [[nodiscard]] std::string what() const {
        std::string text = printable(class_name) + ": " + printable(scenario) + ": " + printable(message);
        if (suggestion) text += " [suggestion: " + printable(*suggestion) + "]";
        if (!referencing_scripts.empty()) {
            text += " [referencing scripts: ";
            for (std::size_t i = 0; i < referencing_scripts.size(); ++i)
                text += (i == 0 ? "" : ", ") + printable(referencing_scripts[i]);
            text += "]";
        }
        return text;
    }

    friend bool operator==(reconciliation_detail const&, reconciliation_detail const&) = default;
};
BOOST_DESCRIBE_STRUCT(reconciliation_detail, (),
                      (class_name, scenario, message, namespace_id, referencing_scripts, suggestion))

template <>
struct json_field_names<reconciliation_detail> {
    static constexpr std::array renamed{renamed_field{"class_name", "class"}};
};

namespace detail {

// The `meta.details` of one item of `errors` (`item`, at `errors/<index>`),
// item by item into `out`: a malformed `meta`, `details` or detail must not
// cost the error itself, nor the well-formed details beside it. Returns what
// was wrong, each with its JSON pointer; an absent or null `meta` or
// `details` is not wrong (the fields are optional).
inline std::vector<decode_error> decode_reconciliation_details(boost::json::object const& item, std::size_t index,
                                                               std::vector<reconciliation_detail>& out) {
    std::string const at = "/errors/" + std::to_string(index) + "/meta";
    auto const* meta = item.if_contains("meta");
    if (!meta || meta->is_null()) return {};
    auto const* meta_object = meta->if_object();
    if (!meta_object) return {decode_error{at, expected_but_got("an object", *meta)}};
    auto const* details = meta_object->if_contains("details");
    if (!details || details->is_null()) return {};
    auto const* items = details->if_array();
    if (!items) return {decode_error{at + "/details", expected_but_got("an array", *details)}};
    std::vector<decode_error> problems;
    for (std::size_t i = 0; i < items->size(); ++i) {
        auto decoded = from_json<reconciliation_detail>((*items)[i]);
        if (decoded) {
            out.push_back(std::move(*decoded));
            continue;
        }
        auto error = std::move(decoded).error();
        error.path.insert(0, at + "/details/" + std::to_string(i));
        problems.push_back(std::move(error));
    }
    return problems;
}

} // namespace detail

} // namespace cfdo

#endif

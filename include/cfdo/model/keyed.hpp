// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_KEYED_HPP_INCLUDED
#define CFDO_MODEL_KEYED_HPP_INCLUDED

#include <cfdo/model/text.hpp>

#include <string_view>
#include <vector>

namespace cfdo {

/// One member of a JSON object whose keys are data, not field names (a
/// version's `exports`: class name → entry). A `std::vector<keyed<T>>` is
/// written as that object, its members in the vector's order, and left out
/// when empty:
///
///   .exports = {{"Counter", cfdo::durable_object_export{.storage = cfdo::export_storage::sqlite}}}
///
/// A vector rather than a map: it is usable in constant expressions, keeps
/// the order the configuration wrote, and can hold a duplicate key for the
/// rules to report (JSON cannot carry one).
template <class T>
struct keyed {
    using mapped_type = T;

    text key;
    T value;

    friend constexpr bool operator==(keyed const&, keyed const&) = default;
};

/// The member keyed `key`, or null.
template <class T>
[[nodiscard]] constexpr T const* find_keyed(std::vector<keyed<T>> const& members, std::string_view key) noexcept {
    for (auto const& member : members)
        if (member.key == key) return &member.value;
    return nullptr;
}

} // namespace cfdo

#endif

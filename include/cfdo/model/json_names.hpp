// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_JSON_NAMES_HPP_INCLUDED
#define CFDO_MODEL_JSON_NAMES_HPP_INCLUDED

#include <cfdo/config.hpp>

#include <array>
#include <string_view>

namespace cfdo {

/// A member whose JSON key differs from its C++ name (a C++ keyword such as
/// `class`, or a key with a slash such as `workers/message`).
struct renamed_field {
    std::string_view member;
    std::string_view json;
};

/// The "key" of a member that has none: a described member renamed to it
/// is written inline, its own members beside those of the enclosing object
/// (`upload_metadata::version`: a version's fields are the upload's).
inline constexpr std::string_view json_inlined = "";

/// The members of `T` that Cloudflare spells differently. Every other
/// described member uses its C++ name as its JSON key. Specialize next to the
/// type:
///
///   template <> struct json_field_names<version_annotations> {
///       static constexpr std::array renamed{renamed_field{"message", "workers/message"}};
///   };
template <class T>
struct json_field_names {
    static constexpr std::array<renamed_field, 0> renamed{};
};

/// The JSON key of the member of `T` named `member`.
template <class T>
[[nodiscard]] constexpr std::string_view json_key(std::string_view member) noexcept {
    for (auto const& field : json_field_names<T>::renamed)
        if (field.member == member) return field.json;
    return member;
}

} // namespace cfdo

#endif

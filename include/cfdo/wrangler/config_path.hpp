// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_WRANGLER_CONFIG_PATH_HPP_INCLUDED
#define CFDO_WRANGLER_CONFIG_PATH_HPP_INCLUDED

#include <cfdo/json/pointer.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace cfdo::wrangler {

/// Where a value sits in a wrangler configuration, spelled twice: as wrangler
/// names it in its own messages (`durable_objects.bindings[0].class_name`),
/// which is what users search for, and as a JSON pointer
/// (`/durable_objects/bindings/0/class_name`), which tools can follow.
struct config_path {
    std::string dotted;
    std::string pointer;

    [[nodiscard]] config_path operator/(std::string_view key) const {
        config_path next = *this;
        if (!next.dotted.empty()) next.dotted += '.';
        next.dotted += key;
        append_pointer_token(next.pointer, key);
        return next;
    }

    [[nodiscard]] config_path operator/(std::size_t index) const {
        config_path next = *this;
        next.dotted += '[' + std::to_string(index) + ']';
        next.pointer += '/' + std::to_string(index);
        return next;
    }
};

} // namespace cfdo::wrangler

#endif

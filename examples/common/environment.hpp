// Where the example programs read their settings: the API token from
// CLOUDFLARE_API_TOKEN (as Cloudflare's own tools do) and the API root from
// CLOUDFLARE_API_BASE_URL (Cloudflare's v4 API unless set: the tests point it at
// the Miniflare fixture).
#pragma once

#include <cfdo/api/request.hpp>

#include <cstdlib>
#include <string>

namespace cfdo_examples {

inline std::string environment_or(char const* name, std::string_view fallback) {
    char const* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::string(value) : std::string(fallback);
}

inline std::string api_token_from_environment() { return environment_or("CLOUDFLARE_API_TOKEN", ""); }

inline std::string api_base_url_from_environment() {
    return environment_or("CLOUDFLARE_API_BASE_URL", cfdo::api_base_url);
}

} // namespace cfdo_examples

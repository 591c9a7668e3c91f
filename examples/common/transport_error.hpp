// What the example transports throw when no HTTP answer came back (host not
// found, connection refused, TLS failure, timeout): cfdo lets it through the
// pagination helpers to the caller.
#pragma once

#include <stdexcept>

namespace cfdo_examples {

struct transport_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace cfdo_examples

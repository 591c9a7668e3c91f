#include <cfdo/rules/compile_time.hpp>

cfdo::worker_version version() { // forgot constexpr
    return {.main_module = "worker.mjs"};
}
static_assert(cfdo::valid<version>());

#include <cfdo/rules/compile_time.hpp>

constexpr cfdo::worker_version version() {
    return {
        .main_module = "worker.mjs",
        .compatibility_date = "2024-3-1", // March 1st, 2024
    };
}
static_assert(cfdo::valid<version>());

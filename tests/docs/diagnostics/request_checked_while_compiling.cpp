#include <cfdo/rules/compile_time.hpp>

constexpr cfdo::create_version create_counter() {
    return {.account_id = "023e105f4ecef8ad9ca31a8372d0c353", .worker_id = "team/counter"};
}
static_assert(cfdo::valid<create_counter>());

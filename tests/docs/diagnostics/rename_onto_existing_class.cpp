#include <cfdo/rules/compile_time.hpp>

constexpr cfdo::migration_history history() {
    return {
        {.tag = "v1", .new_sqlite_classes = {"Counter", "CounterV2"}},
        {.tag = "v2", .renamed_classes = {{.from = "Counter", .to = "CounterV2"}}},
    };
}
static_assert(cfdo::valid<history>());

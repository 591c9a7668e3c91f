#include <cfdo/model/migrations.hpp>

constexpr cfdo::migration_history history() {
    return {
        {.tag = "v1", .new_sqlite_classes = {"Counter"}},
        {.tag = "v2", .renamed_classes = {{.from = "Counter"}}}, // forgot .to = "CounterV2"
    };
}

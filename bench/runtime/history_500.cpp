// Compiled apart: the generated source checks the history at compile time
// (cfdo::valid), which only this translation unit pays for.
#include "history_500.hpp"

#include CFDO_BENCH_HISTORY_SOURCE

namespace bench {
cfdo::worker_version history_500() { return history(); }
} // namespace bench

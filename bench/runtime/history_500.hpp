// The 500-class, 200-step history of tests/scale, as a run-time value.
#ifndef CFDO_BENCH_HISTORY_500_HPP_INCLUDED
#define CFDO_BENCH_HISTORY_500_HPP_INCLUDED

#include <cfdo/model/worker_version.hpp>

namespace bench {
cfdo::worker_version history_500();
}

#endif

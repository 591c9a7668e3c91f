// A small timing harness for cfdo's run-time benchmarks. Every figure it
// reports is a ratio between candidates measured in the same process, in
// interleaved rounds (candidate A, B, C, A, B, C, ...), so that a machine
// shared with other work slows all of them alike; seconds alone are shown
// for orientation only. Time is the thread's CPU time, not the wall clock:
// on a machine shared with other builds, time spent waiting for a core is
// not the code's.
#ifndef CFDO_BENCH_HARNESS_HPP_INCLUDED
#define CFDO_BENCH_HARNESS_HPP_INCLUDED

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <functional>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

namespace bench {

/// Keeps the optimizer from discarding a result it can see is unused.
template <class T>
inline void keep(T const& value) {
    asm volatile("" : : "g"(&value) : "memory");
}

struct settings {
    /// Rounds of interleaved samples; the median is reported.
    int rounds = 15;
    /// Each sample repeats the call until it lasts at least this long.
    std::chrono::nanoseconds sample_time = std::chrono::milliseconds(20);
};

struct candidate {
    std::string name;
    std::function<void()> call;
};

struct timing {
    std::string name;
    double nanoseconds_per_call = 0;
};

namespace detail {

inline double thread_cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

inline double seconds_for(candidate const& c, long calls) {
    double const start = thread_cpu_seconds();
    for (long i = 0; i < calls; ++i) c.call();
    return thread_cpu_seconds() - start;
}

// Calls per sample, so that one sample lasts about `sample_time`.
inline long calls_per_sample(candidate const& c, std::chrono::nanoseconds sample_time) {
    c.call(); // warm-up: caches, allocator
    long calls = 1;
    double const target = std::chrono::duration<double>(sample_time).count();
    for (;;) {
        double const seconds = seconds_for(c, calls);
        if (seconds >= target / 4 || calls > (1L << 40)) {
            double const scaled = static_cast<double>(calls) * target / std::max(seconds, 1e-9);
            return std::max(1L, static_cast<long>(scaled));
        }
        calls *= 4;
    }
}

inline double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    auto const n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace detail

/// Times each candidate in interleaved rounds; the median time per call of
/// each.
inline std::vector<timing> compare(std::vector<candidate> const& candidates, settings const& s) {
    std::vector<long> calls;
    for (auto const& c : candidates) calls.push_back(detail::calls_per_sample(c, s.sample_time));
    std::vector<std::vector<double>> samples(candidates.size());
    for (int round = 0; round < s.rounds; ++round)
        for (std::size_t i = 0; i < candidates.size(); ++i)
            samples[i].push_back(detail::seconds_for(candidates[i], calls[i]) * 1e9 / static_cast<double>(calls[i]));
    std::vector<timing> timings;
    for (std::size_t i = 0; i < candidates.size(); ++i)
        timings.push_back({candidates[i].name, detail::median(samples[i])});
    return timings;
}

} // namespace bench

#endif

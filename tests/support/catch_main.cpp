// The main of the Catch2 suites (unit, SDK comparison, Miniflare): Debian's
// prebuilt Catch2WithMain was compiled without benchmarking, so benchmarks
// need a main built here.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

// The unit tests' own main: Debian's prebuilt Catch2WithMain was compiled
// without benchmarking, so benchmarks need a main built here.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

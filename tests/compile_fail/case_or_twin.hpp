// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_TESTS_COMPILE_FAIL_CASE_OR_TWIN_HPP_INCLUDED
#define CFDO_TESTS_COMPILE_FAIL_CASE_OR_TWIN_HPP_INCLUDED

// What a compile-fail case and its positive twin (compiled with -DCFDO_TWIN)
// write differently: CFDO_ONLY_IN_CASE(...) holds the mistake,
// CFDO_ONLY_IN_TWIN(...) what fixes it.
#if defined(CFDO_TWIN)
#define CFDO_ONLY_IN_TWIN(...) __VA_ARGS__
#define CFDO_ONLY_IN_CASE(...)
#else
#define CFDO_ONLY_IN_TWIN(...)
#define CFDO_ONLY_IN_CASE(...) __VA_ARGS__
#endif

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_CONFIG_HPP_INCLUDED
#define CFDO_CONFIG_HPP_INCLUDED

// What every cfdo header needs to know before anything else: which compilers
// can build it, and how its run-time entry points are compiled.

#if defined(__clang__)
#if __clang_major__ < 16
#error "cfdo needs Clang 16 or newer (C++20 class-type template arguments and constexpr std::vector, std::string)"
#endif
#elif defined(__GNUC__)
#if __GNUC__ < 12
#error "cfdo needs GCC 12 or newer (C++20 class-type template arguments and constexpr std::vector, std::string)"
#endif
#endif

#if __cplusplus < 202002L
#error "cfdo needs C++20: compile with -std=c++20 (CMake: cfdo::cfdo asks for cxx_std_20)"
#endif

// How the run-time entry points — building a request (`make_request`),
// decoding a response, printing JSON — are compiled (docs/performance.md):
//
// - By default cfdo is header-only: each entry point is a template or an
//   inline function, instantiated in every translation unit that calls it.
// - With `CFDO_SEPARATE_COMPILATION` defined (the CMake option of the same
//   name, or by hand on every translation unit), the headers only declare
//   them, and they are defined once: by including <cfdo/src.hpp> in exactly
//   one translation unit of the program, or by linking the `cfdo::compiled`
//   target, which does that for you. Everything constexpr — the model, the
//   rules, `valid<>` — stays in the headers: it must, to run while compiling.
//
// CFDO_DECL marks the non-template entry points: `inline` when header-only,
// nothing (one external definition, in src.hpp) when compiled separately.
#if defined(CFDO_SEPARATE_COMPILATION)
#define CFDO_HEADER_ONLY 0
#define CFDO_DECL
#else
#define CFDO_HEADER_ONLY 1
#define CFDO_DECL inline
#endif

#endif

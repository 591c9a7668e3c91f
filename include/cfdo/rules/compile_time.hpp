// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_COMPILE_TIME_HPP_INCLUDED
#define CFDO_RULES_COMPILE_TIME_HPP_INCLUDED

#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/history_rules.hpp>
#include <cfdo/rules/request_rules.hpp>
#include <cfdo/rules/version_rules.hpp>

#include <cstddef>
#include <string_view>

// Checking a configuration while compiling, with the run-time `validate`.
//
// A configuration that owns memory cannot be a constant, so it is written as
// a constexpr factory — a function or captureless lambda returning it — and
// named as a template argument:
//
//   constexpr cfdo::worker_version counter() { return {...}; }
//   static_assert(cfdo::valid<counter>());
//
// `valid` calls the factory and `validate` in one constant evaluation. When
// there is an error, the first one becomes a template argument of
// `invalid_configuration`, so the compiler prints the rule, the subject and
// the JSON pointer itself:
//
//   GCC 12:   In instantiation of 'struct cfdo::invalid_configuration<cfdo::first_error<21, 8, 32>{
//             "rename-target-exists", "Counter", "/migrations/renamed_classes/0/to"}>'
//   Clang 16: static assertion failed due to requirement 'cfdo::configuration_is_valid<cfdo::first_error<21, 8, 32>{
//             "rename-target-exists", "Counter", "/migrations/renamed_classes/0/to"}>'
//
// Warnings do not stop compilation. A second factory may provide the
// `validation_context` (the exported classes, for instance).

namespace cfdo {

/// The first error of a configuration, as a structural value the compiler
/// prints: the rule id, the subject and the JSON pointer.
template <std::size_t RuleSize, std::size_t SubjectSize, std::size_t PathSize>
struct first_error {
    char rule[RuleSize];
    char subject[SubjectSize];
    char path[PathSize];
};

/// Never true: `invalid_configuration` asserts it, so that the failing
/// requirement spells out the error.
template <auto Error>
inline constexpr bool configuration_is_valid = false;

/// Instantiated only for an invalid configuration; its template argument is
/// the first error.
template <auto Error>
struct invalid_configuration {
    static_assert(configuration_is_valid<Error>,
                  "cfdo: the configuration breaks the rule named in the template argument "
                  "{rule, subject, JSON pointer}; docs/rules.md explains each rule and its fix");
    static constexpr bool value = false;
};

namespace detail {

// A fixed-capacity copy of the first error, which (unlike a diagnostic, whose
// texts own memory) can leave the constant evaluation that found it.
struct error_summary {
    static constexpr std::size_t capacity = 200;

    struct field {
        char chars[capacity] {};
        std::size_t size = 0;

        constexpr void assign(std::string_view from) {
            // Long subjects are cut, and say so.
            if (from.size() > capacity) {
                from = from.substr(0, capacity - 3);
                for (std::size_t i = 0; i < from.size(); ++i) chars[i] = from[i];
                chars[capacity - 3] = chars[capacity - 2] = chars[capacity - 1] = '.';
                size = capacity;
                return;
            }
            for (std::size_t i = 0; i < from.size(); ++i) chars[i] = from[i];
            size = from.size();
        }
    };

    bool found = false;
    field rule;
    field subject;
    field path;
};

template <auto Factory, auto... ContextFactory>
constexpr error_summary first_error_of() {
    static_assert(sizeof...(ContextFactory) <= 1, "cfdo::valid takes a factory and at most one context factory");
    auto const diagnostics = [] {
        if constexpr (sizeof...(ContextFactory) == 0) return validate(Factory());
        else return validate(Factory(), ContextFactory()...);
    }();
    error_summary summary;
    for (auto const& d : diagnostics) {
        if (d.level != severity::error) continue;
        summary.found = true;
        summary.rule.assign(d.rule);
        summary.subject.assign(d.subject);
        summary.path.assign(d.path);
        break;
    }
    return summary;
}

template <error_summary Summary>
constexpr auto lift() {
    first_error<Summary.rule.size + 1, Summary.subject.size + 1, Summary.path.size + 1> error{};
    for (std::size_t i = 0; i < Summary.rule.size; ++i) error.rule[i] = Summary.rule.chars[i];
    for (std::size_t i = 0; i < Summary.subject.size; ++i) error.subject[i] = Summary.subject.chars[i];
    for (std::size_t i = 0; i < Summary.path.size; ++i) error.path[i] = Summary.path.chars[i];
    return error;
}

} // namespace detail

/// True when the configuration `Factory()` returns has no error; otherwise
/// compilation stops, naming the first error (see above). `ContextFactory`,
/// if given, returns the `validation_context`.
template <auto Factory, auto... ContextFactory>
consteval bool valid() {
    constexpr auto summary = detail::first_error_of<Factory, ContextFactory...>();
    if constexpr (summary.found) return invalid_configuration<detail::lift<summary>()>::value;
    else return true;
}

/// A configuration checked while compiling: naming the type checks it, and
/// `make()` builds it at run time.
///
///   using counter = cfdo::checked<counter_version>;
///   auto request = cfdo::make_request(counter::make());
template <auto Factory, auto... ContextFactory>
struct checked {
    static_assert(valid<Factory, ContextFactory...>());

    static constexpr auto make() { return Factory(); }
};

} // namespace cfdo

#endif

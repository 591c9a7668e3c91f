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
//   GCC 12:   In instantiation of 'struct cfdo::invalid_configuration<cfdo::first_error<21, 8, 33>{
//             "rename-target-exists", "Counter", "/migrations/renamed_classes/0/to"}>'
//   Clang 16: static assertion failed due to requirement 'configuration_is_valid<cfdo::first_error<21, 8, 33>{
//             "rename-target-exists", "Counter", "/migrations/renamed_classes/0/to"}>'
//
// (docs/diagnostics.md shows the complete output, kept current by a test.)
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
        char chars[capacity]{};
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

// The sizes are template arguments of their own (not expressions of
// `Summary`) so that compilers print the type as first_error<26, 9, 23>.
template <std::size_t RuleSize, std::size_t SubjectSize, std::size_t PathSize, error_summary Summary>
constexpr first_error<RuleSize, SubjectSize, PathSize> lift() {
    first_error<RuleSize, SubjectSize, PathSize> error;
    // Every element is written, the terminating NULs too: Clang prints a
    // partly zero-filled char array as a list of numbers, not as a string.
    auto copy = [](auto& to, error_summary::field const& from) {
        for (std::size_t i = 0; i < from.size; ++i) to[i] = from.chars[i];
        to[from.size] = '\0';
    };
    copy(error.rule, Summary.rule);
    copy(error.subject, Summary.subject);
    copy(error.path, Summary.path);
    return error;
}

} // namespace detail

/// True when the configuration `Factory()` returns has no error; otherwise
/// compilation stops, naming the first error (see above). `ContextFactory`,
/// if given, returns the `validation_context`.
template <auto Factory, auto... ContextFactory>
consteval bool valid() {
    constexpr auto summary = detail::first_error_of<Factory, ContextFactory...>();
    if constexpr (summary.found) {
        constexpr std::size_t rule_size = summary.rule.size + 1;
        constexpr std::size_t subject_size = summary.subject.size + 1;
        constexpr std::size_t path_size = summary.path.size + 1;
        return invalid_configuration<detail::lift<rule_size, subject_size, path_size, summary>()>::value;
    } else {
        return true;
    }
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

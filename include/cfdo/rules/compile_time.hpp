// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_COMPILE_TIME_HPP_INCLUDED
#define CFDO_RULES_COMPILE_TIME_HPP_INCLUDED

#include <cfdo/model/deployed_state.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/history_rules.hpp>
#include <cfdo/rules/request_rules.hpp>
#include <cfdo/rules/validation_context.hpp>
#include <cfdo/rules/version_rules.hpp>

#include <cstddef>
#include <string_view>
#include <type_traits>

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
// `invalid_configuration`, so the compiler prints the rule, the subject, the
// JSON pointer and a suggestion (empty when there is none) itself:
//
//   GCC 12:   In instantiation of 'struct cfdo::invalid_configuration<cfdo::first_error<21, 8, 33, 1>{
//             "rename-target-exists", "Counter", "/migrations/renamed_classes/0/to", ""}>'
//   Clang 16: static assertion failed due to requirement 'configuration_is_valid<cfdo::first_error<21, 8, 33, 1>{
//             "rename-target-exists", "Counter", "/migrations/renamed_classes/0/to", ""}>'
//
// (docs/diagnostics.md shows the complete output, kept current by a test.)
// A factory that cannot be called while compiling — one not declared
// constexpr — is a single error instead, the failed requirement
// `factory_is_a_constant_expression<factory>`.
//
// Every verdict is given under an assumption about the deployed Worker
// (validation_context.hpp). By default nothing is known of it, and what
// only the deployed state decides is a warning — which does not stop
// compilation. Say what is assumed to make it exact:
//
//   static_assert(cfdo::valid<counter, cfdo::first_deploy>());       // nothing deployed yet
//   static_assert(cfdo::valid<counter, deployed>());                  // a factory of a cfdo::deployed_state
//   static_assert(cfdo::valid<counter, context>());                   // a factory of a validation_context
//   static_assert(cfdo::valid<counter, cfdo::warnings_are_errors>()); // any diagnostic stops it
//
// When a name looks mistyped, the fourth string says which was probably
// meant: {"binding-class-not-created", "Conter", "/bindings/0/class_name",
// "did you mean 'Counter'?"}.

namespace cfdo {

/// The first error of a configuration, as a structural value the compiler
/// prints: the rule id, the subject, the JSON pointer, and the name probably
/// meant ("did you mean 'Counter'?", or empty).
template <std::size_t RuleSize, std::size_t SubjectSize, std::size_t PathSize, std::size_t MeantSize>
struct first_error {
    char rule[RuleSize];
    char subject[SubjectSize];
    char path[PathSize];
    char meant[MeantSize];
};

/// An option of `valid` and `checked`: warnings stop compilation too.
struct warnings_are_errors {};

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
                  "{rule, subject, JSON pointer, suggestion}; docs/rules.md explains each rule and its fix");
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
    field meant;
};

// The context a `valid` option (a type: first_deploy, unknown_state) or a
// context factory (returning a validation_context or a deployed_state) says.
template <class... Options>
constexpr validation_context context_of_options() {
    validation_context context;
    if constexpr ((std::is_same_v<Options, first_deploy> || ...)) context.deployed = first_deploy{};
    return context;
}

template <auto ContextFactory>
constexpr validation_context context_of_factory() {
    using made = decltype(ContextFactory());
    if constexpr (std::is_same_v<made, deployed_state> || std::is_same_v<made, first_deploy> ||
                  std::is_same_v<made, unknown_state>)
        return validation_context{.deployed = ContextFactory()};
    else return ContextFactory();
}

template <auto Factory, auto ContextOf, bool WarningsAreErrors>
constexpr error_summary first_error_of() {
    auto const diagnostics = validate(Factory(), ContextOf());
    error_summary summary;
    for (auto const& d : diagnostics) {
        if (d.level == severity::info || (d.level == severity::warning && !WarningsAreErrors)) continue;
        summary.found = true;
        summary.rule.assign(d.rule);
        summary.subject.assign(d.subject);
        summary.path.assign(d.path);
        if (!d.suggestion.empty()) {
            text meant("did you mean '");
            meant += d.suggestion;
            meant += "'?";
            summary.meant.assign(meant);
        }
        break;
    }
    return summary;
}

// The sizes are template arguments of their own (not expressions of
// `Summary`) so that compilers print the type as first_error<26, 9, 23, 1>.
template <std::size_t RuleSize, std::size_t SubjectSize, std::size_t PathSize, std::size_t MeantSize,
          error_summary Summary>
constexpr first_error<RuleSize, SubjectSize, PathSize, MeantSize> lift() {
    first_error<RuleSize, SubjectSize, PathSize, MeantSize> error;
    // Every element is written, the terminating NULs too: Clang prints a
    // partly zero-filled char array as a list of numbers, not as a string.
    auto copy = [](auto& to, error_summary::field const& from) {
        for (std::size_t i = 0; i < from.size; ++i) to[i] = from.chars[i];
        to[from.size] = '\0';
    };
    copy(error.rule, Summary.rule);
    copy(error.subject, Summary.subject);
    copy(error.path, Summary.path);
    copy(error.meant, Summary.meant);
    return error;
}

template <class... Options>
inline constexpr bool warnings_are_errors_in = (std::is_same_v<Options, warnings_are_errors> || ...);

// The summary as a type. `summary_of` names it in its return type, where a
// summary that is no constant expression (a factory not declared constexpr)
// discards the overload instead of stopping compilation: `valid` then says
// what is wrong once, rather than the compiler failing at each use of it.
template <error_summary Summary>
struct summary_constant {
    static constexpr error_summary value = Summary;
};

template <auto Factory, auto ContextOf, bool WarningsAreErrors>
auto summary_of(int) -> summary_constant<first_error_of<Factory, ContextOf, WarningsAreErrors>()>;

template <auto Factory, auto ContextOf, bool WarningsAreErrors>
auto summary_of(long) -> void;

// Builds the configuration and drops it. (Not `(Factory(), true)` in a
// template argument: Clang 16 does not destroy that temporary there, and
// calls its memory never freed.)
template <auto Factory>
constexpr bool builds() {
    [[maybe_unused]] auto const configuration = Factory();
    return true;
}

} // namespace detail

/// True when `Factory()` can be evaluated while compiling, as `valid` needs.
template <auto Factory>
inline constexpr bool factory_is_a_constant_expression =
    requires { typename std::bool_constant<detail::builds<Factory>()>; };

// The two `valid` spell out the same few lines rather than share a function
// taking the summary: every frame between the user's static_assert and
// `invalid_configuration` is another note in Clang's output, printing the
// whole 800-character summary. When there is no summary, a factory that is
// not a constant expression is the one error; the `return true` after it
// spares the caller's static_assert a second error saying the same.

/// True when the configuration `Factory()` returns has no error under the
/// assumption the options say (`first_deploy`; by default the deployed
/// state is unknown); otherwise compilation stops, naming the first error
/// (see above). With `warnings_are_errors`, the first diagnostic of any kind.
template <auto Factory, class... Options>
consteval bool valid() {
    using summary = decltype(detail::summary_of<Factory, detail::context_of_options<Options...>,
                                                detail::warnings_are_errors_in<Options...>>(0));
    if constexpr (std::is_void_v<summary>) {
        if constexpr (!factory_is_a_constant_expression<Factory>) {
            static_assert(factory_is_a_constant_expression<Factory>,
                          "cfdo::valid calls this factory while compiling, where it is no constant expression: "
                          "declare it constexpr, and see docs/diagnostics.md if it is");
            return true;
        } else {
            // The factory builds but `validate` does not (a constexpr limit of
            // the compiler?): evaluated here, where the compiler says why.
            constexpr auto unexplained = detail::first_error_of<Factory, detail::context_of_options<Options...>,
                                                                detail::warnings_are_errors_in<Options...>>();
            return !unexplained.found;
        }
    } else if constexpr (summary::value.found) {
        return invalid_configuration<
            detail::lift<summary::value.rule.size + 1, summary::value.subject.size + 1, summary::value.path.size + 1,
                         summary::value.meant.size + 1, summary::value>()>::value;
    } else {
        return true;
    }
}

/// The same under what `ContextFactory()` says: a `validation_context` (the
/// exported classes, the deployed state, ...), or a `deployed_state` alone.
template <auto Factory, auto ContextFactory, class... Options>
consteval bool valid() {
    using summary = decltype(detail::summary_of<Factory, detail::context_of_factory<ContextFactory>,
                                                detail::warnings_are_errors_in<Options...>>(0));
    if constexpr (std::is_void_v<summary>) {
        if constexpr (!factory_is_a_constant_expression<Factory> || !factory_is_a_constant_expression<ContextFactory>) {
            static_assert(factory_is_a_constant_expression<Factory>,
                          "cfdo::valid calls this factory while compiling, where it is no constant expression: "
                          "declare it constexpr, and see docs/diagnostics.md if it is");
            static_assert(factory_is_a_constant_expression<ContextFactory>,
                          "cfdo::valid calls this context factory while compiling, where it is no constant "
                          "expression: declare it constexpr, and see docs/diagnostics.md if it is");
            return true;
        } else {
            constexpr auto unexplained = detail::first_error_of<Factory, detail::context_of_factory<ContextFactory>,
                                                                detail::warnings_are_errors_in<Options...>>();
            return !unexplained.found;
        }
    } else if constexpr (summary::value.found) {
        return invalid_configuration<
            detail::lift<summary::value.rule.size + 1, summary::value.subject.size + 1, summary::value.path.size + 1,
                         summary::value.meant.size + 1, summary::value>()>::value;
    } else {
        return true;
    }
}

/// A configuration checked while compiling: naming the type checks it, and
/// `make()` builds it at run time.
///
///   using counter = cfdo::checked<counter_version>;
///   auto request = cfdo::make_request(cfdo::create_version{.account_id = a, .worker_id = "counter"}, counter{});
///
/// (that request re-checks only its run-time parameters: make_request.hpp).
template <auto Factory, class... Options>
struct checked {
    static_assert(valid<Factory, Options...>());

    /// `make_request(op, checked<...>{})` re-checks only op's parameters.
    static constexpr bool checked_at_compile_time = true;

    static constexpr auto make() { return Factory(); }
};

/// `checked`, under what `ContextFactory()` says.
template <auto Factory, auto ContextFactory, class... Options>
struct checked_with {
    static_assert(valid<Factory, ContextFactory, Options...>());

    static constexpr bool checked_at_compile_time = true;

    static constexpr auto make() { return Factory(); }
};

} // namespace cfdo

#endif

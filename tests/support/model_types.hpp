// Every type of cfdo's model, derived from the roots a user writes (a
// version, a deployment, the operations and what they answer), for checks
// that must hold for each: tests add nothing by hand when the model grows.
#ifndef CFDO_TESTS_MODEL_TYPES_HPP_INCLUDED
#define CFDO_TESTS_MODEL_TYPES_HPP_INCLUDED

#include <cfdo/model/category.hpp>
#include <cfdo/model/deployment.hpp>
#include <cfdo/model/members.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/model/worker_version.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace cfdo_tests {

namespace detail {

// The types a value of `T` holds directly.
template <class T>
struct held {
    using type = boost::mp11::mp_list<>;
};
template <class T>
struct held<std::optional<T>> {
    using type = boost::mp11::mp_list<T>;
};
template <class T>
struct held<std::vector<T>> {
    using type = boost::mp11::mp_list<T>;
};
template <cfdo::field_name Field, class T>
struct held<cfdo::required<Field, T>> {
    using type = boost::mp11::mp_list<T>;
};
template <class... Alternatives>
struct held<cfdo::one_of<Alternatives...>> {
    using type = boost::mp11::mp_list<Alternatives...>;
};
template <cfdo::described_model T>
struct held<T> {
    using type = cfdo::member_types<T>;
};

template <class T>
struct reachable;
template <class T>
using reachable_t = typename reachable<T>::type;

// `T` and everything it holds, transitively (the model has no cycles).
template <class T>
struct reachable {
    using type = boost::mp11::mp_unique<boost::mp11::mp_push_front<
        boost::mp11::mp_flatten<boost::mp11::mp_transform<reachable_t, typename held<T>::type>>, T>>;
};

template <class T>
using is_described = std::bool_constant<cfdo::described_model<T>>;

} // namespace detail

/// The described structs reachable from `Roots`, each once.
template <class... Roots>
using described_types = boost::mp11::mp_copy_if<
    boost::mp11::mp_unique<boost::mp11::mp_flatten<boost::mp11::mp_list<detail::reachable_t<Roots>...>>>,
    detail::is_described>;

/// Every described struct of the model.
using model_types = boost::mp11::mp_apply<
    described_types,
    boost::mp11::mp_append<boost::mp11::mp_list<cfdo::worker_version, cfdo::deployment, cfdo::page_info,
                                                cfdo::namespace_info, cfdo::object_info>,
                           cfdo::operations, boost::mp11::mp_transform<cfdo::response_of_t, cfdo::operations>>>;

namespace detail {

// Converts to any member type: `T{any_value...}` compiles for as many values
// as `T` has members, and not for one more.
struct any_value {
    template <class T>
    operator T() const noexcept; // only named in unevaluated operands
};

template <class T, std::size_t... Index>
constexpr bool constructible_from_values(std::index_sequence<Index...>) {
    return requires { T{(void(Index), any_value{})...}; };
}

} // namespace detail

/// How many members the aggregate `T` has (at most `Most`): the largest
/// count of values it can be initialized with. (Smaller counts may fail:
/// members made with cfdo::required cannot be left out.)
template <class T, std::size_t Most = 48>
constexpr std::size_t aggregate_arity() {
    if constexpr (Most == 0) return 0;
    else if constexpr (detail::constructible_from_values<T>(std::make_index_sequence<Most>())) return Most;
    else return aggregate_arity<T, Most - 1>();
}

} // namespace cfdo_tests

#endif

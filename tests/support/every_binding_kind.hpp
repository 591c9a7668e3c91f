// One binding of every kind cfdo models, every field set: the fixture the
// tests share so that a binding kind added to cfdo::binding cannot be
// forgotten by them. A kind without an example here stops the build at the
// static_assert below.
#ifndef CFDO_TESTS_EVERY_BINDING_KIND_HPP_INCLUDED
#define CFDO_TESTS_EVERY_BINDING_KIND_HPP_INCLUDED

#include <cfdo/model/bindings.hpp>

#include <boost/mp11/algorithm.hpp>

#include <vector>

namespace cfdo_tests {

template <class Kind>
constexpr bool no_example_yet = false;

/// A binding of `Kind` with every field set.
template <class Kind>
constexpr Kind example_binding() {
    static_assert(no_example_yet<Kind>, "add an example of this binding kind to tests/support/every_binding_kind.hpp");
    return Kind{};
}

template <>
constexpr cfdo::durable_object_binding example_binding() {
    return {.name = "ROOMS",
            .class_name = "Room",
            .script_name = "chat",
            .environment = "production",
            .namespace_id = "0f2ac74b",
            .dispatch_namespace = "customers"};
}

template <>
constexpr cfdo::plain_text_binding example_binding() {
    return {.name = "GREETING", .text = "hello"};
}

template <>
constexpr cfdo::secret_text_binding example_binding() {
    return {.name = "TOKEN", .text = "s3cr3t"};
}

template <>
constexpr cfdo::json_binding example_binding() {
    // Written as Boost.JSON serializes it: from_json gives back the value's
    // canonical text.
    return {.name = "SETTINGS", .json = R"({"debug":true,"levels":[1,2]})"};
}

template <>
constexpr cfdo::kv_namespace_binding example_binding() {
    return {.name = "CACHE", .namespace_id = "0f2ac74b498b"};
}

template <>
constexpr cfdo::r2_bucket_binding example_binding() {
    return {.name = "ASSETS", .bucket_name = "assets", .jurisdiction = "eu"};
}

template <>
constexpr cfdo::service_binding example_binding() {
    return {.name = "AUTH", .service = "auth", .entrypoint = "Verifier", .environment = "staging"};
}

template <>
constexpr cfdo::d1_binding example_binding() {
    return {.name = "DB", .database_id = "a1b2"};
}

template <>
constexpr cfdo::queue_binding example_binding() {
    return {.name = "JOBS", .queue_name = "jobs"};
}

/// One binding of every kind, in the order of cfdo::binding's alternatives.
constexpr std::vector<cfdo::binding> every_binding_kind() {
    std::vector<cfdo::binding> bindings;
    boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, cfdo::binding::alternatives>>(
        [&]<class Kind>(boost::mp11::mp_identity<Kind>) { bindings.push_back(example_binding<Kind>()); });
    return bindings;
}

} // namespace cfdo_tests

#endif

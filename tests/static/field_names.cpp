// The model's conventions, checked for every described type of the model
// (tests/support/model_types.hpp finds them all):
//  - a `required<"x">` member is the member named `x`, so that the compiler's
//    "required ... x" error names the member the user left out;
//  - every member is described, so that JSON conversion and the rules see
//    all of them;
// for every binding kind, that its `type` is its own; and for every
// operation, that its declaration holds to its members.
#include <cfdo/model/bindings.hpp>
#include <cfdo/model/json_names.hpp>
#include <cfdo/model/members.hpp>
#include <cfdo/model/operation.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/model/results.hpp>
#include <cfdo/model/worker_version.hpp>

#include "../support/model_types.hpp"

#include <boost/mp11/algorithm.hpp>

#include <string_view>
#include <type_traits>

namespace {

template <class T>
constexpr bool required_members_are_named_after_themselves() {
    bool named_right = true;
    cfdo::for_each_member_of<T>([&](auto member) {
        using member_type = typename decltype(member)::type;
        if constexpr (cfdo::is_required_v<member_type>) named_right = named_right && member_type::field == member.name;
    });
    return named_right;
}

template <class T>
constexpr bool every_member_is_described() {
    return boost::mp11::mp_size<cfdo::described_members<T>>::value == cfdo_tests::aggregate_arity<T>();
}

template <class... Types>
constexpr bool follow_the_conventions(boost::mp11::mp_list<Types...>) {
    static_assert((required_members_are_named_after_themselves<Types>() && ...),
                  "a required<\"x\"> member must be named x");
    static_assert((every_member_is_described<Types>() && ...),
                  "every member must be listed in the type's BOOST_DESCRIBE_STRUCT");
    return true;
}
static_assert(follow_the_conventions(cfdo_tests::model_types()));
// The walk finds the model's types (a sample, so that an empty list cannot pass).
static_assert(boost::mp11::mp_contains<cfdo_tests::model_types, cfdo::transferred_class>::value);
static_assert(boost::mp11::mp_contains<cfdo_tests::model_types, cfdo::queue_binding>::value);
static_assert(boost::mp11::mp_contains<cfdo_tests::model_types, cfdo::version_annotations>::value);
static_assert(boost::mp11::mp_contains<cfdo_tests::model_types, cfdo::script_info>::value);

// Every binding kind carries a type of its own, and cannot be built without
// its name (a required member; tests/compile_fail holds leaving it out to
// its error); the raw binding, last, takes any type.
template <class Kind>
constexpr std::string_view type_constant_of() {
    if constexpr (cfdo::has_type_constant<Kind>) return Kind::type;
    else return "(any)";
}

template <class... Kinds>
constexpr bool kinds_are_distinct(boost::mp11::mp_list<Kinds...>) {
    constexpr std::string_view types[]{type_constant_of<Kinds>()...};
    for (std::size_t i = 0; i < sizeof...(Kinds); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (types[i] == types[j] || types[i].empty()) return false;
    return (cfdo::is_required_v<decltype(Kinds::name)> && ...);
}
static_assert(kinds_are_distinct(cfdo::binding::alternatives()));
static_assert(std::is_same_v<boost::mp11::mp_back<cfdo::binding::alternatives>, cfdo::raw_binding>);
static_assert(cfdo::json_key<cfdo::raw_binding>("kind") == "type");

// Every operation's endpoint agrees with its members (path parameters are
// text members, the body is a member, ...) and names its SDK method or why
// there is none.
template <class... Operations>
constexpr bool declarations_are_consistent(boost::mp11::mp_list<Operations...>) {
    return (cfdo::is_consistent_declaration<Operations>() && ...);
}
static_assert(declarations_are_consistent(cfdo::operations()));

// The JSON keys Cloudflare spells differently from the C++ members.
static_assert(cfdo::json_key<cfdo::version_annotations>("message") == "workers/message");
static_assert(cfdo::json_key<cfdo::version_annotations>("tag") == "workers/tag");
static_assert(cfdo::json_key<cfdo::worker_module>("content") == "content_base64");
static_assert(cfdo::json_key<cfdo::list_objects>("namespace_id") == "id");
static_assert(cfdo::json_key<cfdo::namespace_info>("class_name") == "class");
static_assert(cfdo::json_key<cfdo::object_info>("has_stored_data") == "hasStoredData");
static_assert(cfdo::json_key<cfdo::worker_version>("bindings") == "bindings");

// What has a required member can only be built with it — a rule no trait
// sees: the member's default constructor is declared, and fails to compile
// where it is used (tests/compile_fail) — and everything else can be
// default-constructed.
template <class T>
constexpr bool has_required_member() {
    bool found = false;
    cfdo::for_each_member_of<T>(
        [&](auto member) { found = found || cfdo::is_required_v<typename decltype(member)::type>; });
    return found;
}
static_assert(has_required_member<cfdo::worker_module>());
static_assert(has_required_member<cfdo::list_namespaces>());
static_assert(!has_required_member<cfdo::worker_version>() && std::is_default_constructible_v<cfdo::worker_version>);
static_assert(!has_required_member<cfdo::migration_step>() && std::is_default_constructible_v<cfdo::migration_step>);

} // namespace

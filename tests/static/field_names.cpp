// The model's conventions, checked for every described type:
//  - a `required<"x">` member is the member named `x`, so that the compiler's
//    "required ... x" error names the member the user left out;
//  - every member is described, so that JSON conversion sees all of them.
#include <cfdo/api/operations.hpp>
#include <cfdo/api/responses.hpp>
#include <cfdo/model/worker_version.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <string_view>
#include <type_traits>

namespace {

template <class T>
constexpr bool required_members_are_named_after_themselves() {
    bool named_right = true;
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto member) {
        using member_type = std::remove_cvref_t<decltype(std::declval<T&>().*member.pointer)>;
        if constexpr (cfdo::is_required_v<member_type>)
            named_right = named_right && member_type::field == std::string_view(member.name);
    });
    return named_right;
}

template <class T>
constexpr std::size_t described_member_count() {
    return boost::mp11::mp_size<boost::describe::describe_members<T, boost::describe::mod_public>>::value;
}

template <class... Ts>
constexpr bool all_named_right() {
    return (required_members_are_named_after_themselves<Ts>() && ...);
}

static_assert(all_named_right<cfdo::durable_object_binding, cfdo::plain_text_binding, cfdo::secret_text_binding,
                              cfdo::json_binding, cfdo::kv_namespace_binding, cfdo::r2_bucket_binding,
                              cfdo::service_binding, cfdo::d1_binding, cfdo::queue_binding, cfdo::worker_module,
                              cfdo::renamed_class, cfdo::transferred_class, cfdo::tagged_migration,
                              cfdo::list_namespaces, cfdo::list_objects, cfdo::create_version,
                              cfdo::upload_script>());

// Member counts, so that a member added without its BOOST_DESCRIBE entry
// fails here (update the number together with the description).
static_assert(described_member_count<cfdo::durable_object_binding>() == 6);
static_assert(described_member_count<cfdo::plain_text_binding>() == 2);
static_assert(described_member_count<cfdo::secret_text_binding>() == 2);
static_assert(described_member_count<cfdo::json_binding>() == 2);
static_assert(described_member_count<cfdo::kv_namespace_binding>() == 2);
static_assert(described_member_count<cfdo::r2_bucket_binding>() == 3);
static_assert(described_member_count<cfdo::service_binding>() == 4);
static_assert(described_member_count<cfdo::d1_binding>() == 2);
static_assert(described_member_count<cfdo::queue_binding>() == 2);
static_assert(described_member_count<cfdo::renamed_class>() == 2);
static_assert(described_member_count<cfdo::transferred_class>() == 3);
static_assert(described_member_count<cfdo::tagged_migration>() == 6);
static_assert(described_member_count<cfdo::version_annotations>() == 2);
static_assert(described_member_count<cfdo::version_limits>() == 1);
static_assert(described_member_count<cfdo::worker_module>() == 3);
static_assert(described_member_count<cfdo::migration_step>() == 5);
static_assert(described_member_count<cfdo::single_step_migration>() == 7);
static_assert(described_member_count<cfdo::multi_step_migration>() == 3);
static_assert(described_member_count<cfdo::worker_version>() == 8);
static_assert(described_member_count<cfdo::list_namespaces>() == 3);
static_assert(described_member_count<cfdo::list_objects>() == 4);
static_assert(described_member_count<cfdo::create_version>() == 4);
static_assert(described_member_count<cfdo::upload_script>() == 3);

// Every `{parameter}` of a route names one of the operation's text members.
static_assert(cfdo::route_names_only_text_members<cfdo::list_namespaces>());
static_assert(cfdo::route_names_only_text_members<cfdo::list_objects>());
static_assert(cfdo::route_names_only_text_members<cfdo::create_version>());
static_assert(cfdo::route_names_only_text_members<cfdo::upload_script>());

// The JSON keys Cloudflare spells differently from the C++ members.
static_assert(cfdo::json_key<cfdo::version_annotations>("message") == "workers/message");
static_assert(cfdo::json_key<cfdo::version_annotations>("tag") == "workers/tag");
static_assert(cfdo::json_key<cfdo::worker_module>("content") == "content_base64");
static_assert(cfdo::json_key<cfdo::list_objects>("namespace_id") == "id");
static_assert(cfdo::json_key<cfdo::namespace_info>("class_name") == "class");
static_assert(cfdo::json_key<cfdo::object_info>("has_stored_data") == "hasStoredData");
static_assert(cfdo::json_key<cfdo::worker_version>("bindings") == "bindings");

// Every binding kind carries its Cloudflare type.
static_assert(cfdo::durable_object_binding::type == "durable_object_namespace");
static_assert(cfdo::plain_text_binding::type == "plain_text");
static_assert(cfdo::secret_text_binding::type == "secret_text");
static_assert(cfdo::json_binding::type == "json");
static_assert(cfdo::kv_namespace_binding::type == "kv_namespace");
static_assert(cfdo::r2_bucket_binding::type == "r2_bucket");
static_assert(cfdo::service_binding::type == "service");
static_assert(cfdo::d1_binding::type == "d1");
static_assert(cfdo::queue_binding::type == "queue");

// Required members cannot be default-constructed; everything else can.
static_assert(!std::is_default_constructible_v<cfdo::durable_object_binding>);
static_assert(!std::is_default_constructible_v<cfdo::worker_module>);
static_assert(!std::is_default_constructible_v<cfdo::list_namespaces>);
static_assert(std::is_default_constructible_v<cfdo::worker_version>);
static_assert(std::is_default_constructible_v<cfdo::migration_step>);

} // namespace

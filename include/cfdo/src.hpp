// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_SRC_HPP_INCLUDED
#define CFDO_SRC_HPP_INCLUDED

// cfdo's run-time entry points, defined once for a program built with
// CFDO_SEPARATE_COMPILATION (config.hpp): include this header in exactly one
// translation unit — or link the `cfdo::compiled` target, which is that
// translation unit — and the others only declare the entry points, so that
// none of them instantiates the request rules, the model's JSON conversion or
// the response decoding again. As <boost/json/src.hpp> does for Boost.JSON.

#include <cfdo/config.hpp>

#if CFDO_HEADER_ONLY
// Every translation unit must agree: this one defines what the others declare.
#error "<cfdo/src.hpp> needs CFDO_SEPARATE_COMPILATION, in every translation unit (or link cfdo::compiled)"
#endif

#include <cfdo/api/impl/make_request.ipp>
#include <cfdo/api/impl/responses.ipp>
#include <cfdo/json/impl/pretty.ipp>

#include <boost/mp11/list.hpp>

#include <type_traits>
#include <vector>

// Each entry point, for each operation. (Explicit instantiation, unlike a
// use, guarantees the definitions are emitted; it cannot be written as an
// mp11 loop, hence the list, checked against `operations` below.)
#define CFDO_INSTANTIATE_ENTRY_POINTS(Operation)                                                                       \
    template expected<request, std::vector<diagnostic>> try_make_request<Operation>(Operation const&,                  \
                                                                                    validation_context const&);        \
    template expected<request, std::vector<diagnostic>> detail::try_make_request_for_proven_body<Operation>(           \
        Operation const&);                                                                                             \
    template api_result<response_of_t<Operation>> decode_response<Operation>(http_response const&);

#define CFDO_INSTANTIATE_VERSION_ENTRY_POINTS(Operation)                                                               \
    template expected<request, std::vector<diagnostic>> try_make_request<Operation>(                                   \
        Operation const&, deployment const&, validation_context const&);

namespace cfdo {

static_assert(std::is_same_v<operations, boost::mp11::mp_list<list_namespaces, list_objects, create_version,
                                                              upload_script, get_worker_service, get_dispatch_script>>,
              "cfdo/src.hpp: instantiate the entry points of every operation of `operations` below");

CFDO_INSTANTIATE_ENTRY_POINTS(list_namespaces)
CFDO_INSTANTIATE_ENTRY_POINTS(list_objects)
CFDO_INSTANTIATE_ENTRY_POINTS(create_version)
CFDO_INSTANTIATE_ENTRY_POINTS(upload_script)
CFDO_INSTANTIATE_ENTRY_POINTS(get_worker_service)
CFDO_INSTANTIATE_ENTRY_POINTS(get_dispatch_script)
CFDO_INSTANTIATE_VERSION_ENTRY_POINTS(create_version)
CFDO_INSTANTIATE_VERSION_ENTRY_POINTS(upload_script)

} // namespace cfdo

#undef CFDO_INSTANTIATE_ENTRY_POINTS
#undef CFDO_INSTANTIATE_VERSION_ENTRY_POINTS

#endif

// The body of the list-namespaces programs (one per example transport):
//
//   list-namespaces ACCOUNT_ID
//
// lists every Durable Object namespace of the account, one per line, all
// pages followed by cfdo::for_each_namespace_page. The token comes from
// CLOUDFLARE_API_TOKEN, the API root from CLOUDFLARE_API_BASE_URL (Cloudflare's v4
// API by default). Exit status: 0 listed, 1 the API refused or answered
// something cfdo cannot decode, 2 no answer (transport error) or bad usage.
#pragma once

#include <cfdo/api/pagination.hpp>
#include <cfdo/api/transport.hpp>

#include <cstddef>
#include <exception>
#include <iostream>
#include <optional>
#include <string>

namespace cfdo_examples {

namespace detail {

inline std::string or_dash(std::optional<std::string> const& value) { return value.value_or("-"); }

} // namespace detail

template <cfdo::transport Transport>
int list_namespaces_main(int argc, char** argv, Transport&& send) {
    if (argc != 2) {
        std::cerr << "usage: " << (argc > 0 ? argv[0] : "list-namespaces") << " ACCOUNT_ID\n"
                  << "  with CLOUDFLARE_API_TOKEN set (and CLOUDFLARE_API_BASE_URL to use another API root)\n";
        return 2;
    }
    try {
        std::size_t listed = 0;
        auto const error = cfdo::for_each_namespace_page(
            send, cfdo::list_namespaces{.account_id = argv[1]}, [&](cfdo::namespace_page const& page) {
                for (auto const& ns : page.namespaces) {
                    std::cout << "class=" << detail::or_dash(ns.class_name) << " script=" << detail::or_dash(ns.script)
                              << " storage=" << (ns.use_sqlite ? (*ns.use_sqlite ? "sqlite" : "key-value") : "-")
                              << " id=" << detail::or_dash(ns.id) << '\n';
                    ++listed;
                }
            });
        if (error) {
            std::cerr << "the API refused: " << error->what() << '\n';
            return 1;
        }
        std::cout << listed << (listed == 1 ? " namespace\n" : " namespaces\n");
        return 0;
    } catch (cfdo::invalid_request const& e) {
        std::cerr << e.what() << '\n';
        return 2;
    } catch (cfdo::transport_error const& e) {
        std::cerr << e.what() << '\n';
        return 2;
    }
}

} // namespace cfdo_examples

// Uses cfdo::curl, the optional libcurl transport, from an installed or
// added cfdo: a transport that satisfies cfdo::transport.
#include <cfdo/api/pagination.hpp>
#include <cfdo/transport/curl.hpp>

#include <iostream>

int main() {
    static_assert(cfdo::transport<cfdo::curl_transport>);
    cfdo::curl_transport const send{{.token = "", .base_url = "http://127.0.0.1:9"}};
    try {
        auto const page = cfdo::call(send, cfdo::list_namespaces{.account_id = "0123"});
        std::cout << (page ? "answered\n" : "refused\n");
    } catch (cfdo::transport_error const& e) {
        std::cout << "no answer: " << e.what() << '\n';
    }
}

// Lists every Durable Object namespace of an account through libcurl:
//
//   CLOUDFLARE_API_TOKEN=... curl-list-namespaces ACCOUNT_ID
//
// (CLOUDFLARE_API_BASE_URL replaces Cloudflare's v4 API root, as the tests do.)

#include <cfdo/transport/curl.hpp>

#include "environment.hpp"
#include "list_namespaces_main.hpp"

int main(int argc, char** argv) {
    try {
        cfdo::curl_transport send{{.token = cfdo_examples::api_token_from_environment(),
                                   .base_url = cfdo_examples::api_base_url_from_environment()}};
        return cfdo_examples::list_namespaces_main(argc, argv, send);
    } catch (cfdo::transport_error const& e) {
        std::cerr << e.what() << '\n';
        return 2;
    }
}

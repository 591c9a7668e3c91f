// Lists every Durable Object namespace of an account through Boost.Beast:
//
//   CLOUDFLARE_API_TOKEN=... beast-list-namespaces ACCOUNT_ID
//
// (CLOUDFLARE_API_BASE_URL replaces Cloudflare's v4 API root, as the tests do.)

#include "beast_transport.hpp"
#include "environment.hpp"
#include "list_namespaces_main.hpp"

int main(int argc, char** argv) {
    cfdo_examples::beast_transport send{{.token = cfdo_examples::api_token_from_environment(),
                                         .base_url = cfdo_examples::api_base_url_from_environment()}};
    return cfdo_examples::list_namespaces_main(argc, argv, send);
}

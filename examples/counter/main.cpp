// The Counter Worker of Cloudflare's Durable Objects API page, built with
// cfdo: the request that lists the account's Durable Object namespaces, and
// the request that creates a version of the Worker with its COUNTER binding
// and the migration that creates the Counter class.
//
//   counter [ACCOUNT_ID]
//
// Both requests are printed as JSON; send them with any HTTP client (see
// docs/requests.md). The account id defaults to the API page's example.

#include <cfdo/api/make_request.hpp>
#include <cfdo/json/pretty.hpp>
#include <cfdo/rules/compile_time.hpp>

#include "counter_version.hpp"

#include <iostream>
#include <string_view>

namespace {

constexpr std::string_view example_account_id = "023e105f4ecef8ad9ca31a8372d0c353";

// The version is checked while compiling, by the very rules that check
// configurations at run time: a binding to a class no migration creates, a
// main module that is not among the modules, ... would stop the build here.
// Naming the type checks it; the request for it then checks at run time
// only what is known at run time alone: the account and Worker in its path.
using checked_counter_version = cfdo::checked_with<counter_example::counter_version, counter_example::counter_exports>;

void print(std::string_view title, cfdo::request const& request) {
    std::cout << "# " << title << '\n' << cfdo::pretty_json(cfdo::to_json(request)) << "\n\n";
}

} // namespace

int main(int argc, char** argv) {
    std::string_view const account_id = argc > 1 ? argv[1] : example_account_id;
    try {
        print("List the account's Durable Object namespaces",
              cfdo::make_request(cfdo::list_namespaces{.account_id = account_id}));
        print("Create a version of the Counter Worker, with its COUNTER binding and the migration that creates Counter",
              cfdo::make_request(cfdo::create_version{.account_id = account_id, .worker_id = "counter"},
                                 checked_counter_version{}));
    } catch (cfdo::invalid_request const& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
    return 0;
}

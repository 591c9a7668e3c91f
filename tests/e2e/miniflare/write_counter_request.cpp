// Writes the request that creates a version of the seed's Counter Worker, as
// cfdo builds it, for the Miniflare fixture to run:
//
//   write_counter_request OUT.json [CLASS_NAME]
//
// OUT.json is cfdo::to_json(request): method, path (with the account and the
// Worker's name), headers and the version-create body. CLASS_NAME (default
// Counter) replaces the class the COUNTER binding names and the migration
// creates: the end-to-end test writes one with a class worker.mjs does not
// export, to see the runtime refuse what a wrong configuration would deploy.

#include <cfdo/api/make_request.hpp>
#include <cfdo/json/pretty.hpp>

#include "counter_version.hpp"

#include <exception>
#include <fstream>
#include <iostream>
#include <string_view>

namespace {

// Any account id: the fixture serves the account the request names.
constexpr std::string_view test_account_id = "023e105f4ecef8ad9ca31a8372d0c353";

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: write_counter_request OUT.json [CLASS_NAME]\n";
        return 2;
    }
    std::string_view const class_name = argc == 3 ? argv[2] : "Counter";
    try {
        // make_request runs the same rules as valid<>: a class name that is no
        // identifier, say, stops here. Whether worker.mjs exports the class
        // is for the runtime to say (no validation_context is given).
        cfdo::request const request = cfdo::make_request(cfdo::create_version{
            .account_id = test_account_id,
            .worker_id = "counter",
            .version = counter_example::counter_version_with_class(class_name),
        });
        std::ofstream out(argv[1], std::ios::binary);
        out << cfdo::pretty_json(cfdo::to_json(request)) << '\n';
        if (!out.flush()) {
            std::cerr << "cannot write " << argv[1] << '\n';
            return 1;
        }
    } catch (std::exception const& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
    return 0;
}

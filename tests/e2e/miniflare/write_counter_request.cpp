// Writes the request that creates a version of the seed's Counter Worker, as
// cfdo builds it, for the Miniflare fixture to run:
//
//   write_counter_request [--exports | --bind-only] OUT.json [CLASS_NAME]
//
// OUT.json is cfdo::to_json(request): method, path (with the account and the
// Worker's name), headers and the version-create body. CLASS_NAME (default
// Counter) replaces the class the COUNTER binding names and the migration
// creates: the end-to-end test writes one with a class worker.mjs does not
// export, to see the runtime refuse what a wrong configuration would deploy.
// With --exports, the class is declared by the version's `exports` (SQLite
// storage) instead of created by a migration, so that the fixture runs that
// form of the lifecycle too. With --bind-only, the class is neither: valid
// for cfdo (the class may be deployed already), but nothing the fixture,
// which starts with nothing deployed, can run, and it must say so.

#include <cfdo/api/make_request.hpp>
#include <cfdo/json/pretty.hpp>
#include <cfdo/rules/compile_time.hpp>

#include "counter_version.hpp"

#include <exception>
#include <fstream>
#include <iostream>
#include <string_view>

namespace {

// Any account id: the fixture serves the account the request names.
constexpr std::string_view test_account_id = "023e105f4ecef8ad9ca31a8372d0c353";

// The examples' Counter, its class declared by `exports` rather than created
// by the migration: Cloudflare takes one or the other for Durable Objects
// (exports-with-migrations), so the migration goes. Built from the shared
// version rather than written again, so the two differ only there; kept out
// of counter_version.hpp, which the examples with golden output share.
constexpr cfdo::worker_version counter_exports_version_with_class(std::string_view class_name) {
    cfdo::worker_version version = counter_example::counter_version_with_class(class_name);
    version.migrations.reset();
    version.exports = {{class_name, cfdo::durable_object_export{.storage = cfdo::export_storage::sqlite}}};
    return version;
}

// The binding alone, the class left to what is deployed.
constexpr cfdo::worker_version counter_bind_only_version_with_class(std::string_view class_name) {
    cfdo::worker_version version = counter_example::counter_version_with_class(class_name);
    version.migrations.reset();
    return version;
}

constexpr cfdo::worker_version counter_exports_version() { return counter_exports_version_with_class("Counter"); }

// What the fixture starts from: nothing deployed, and worker.mjs exporting
// Counter (so the live entry is also checked against the code).
constexpr cfdo::validation_context fresh_counter() {
    return {.exported_classes = {{"Counter"}}, .deployed = cfdo::first_deploy{}};
}

// Not a warning either: a first deploy of an SQLite class by `exports` is
// exactly what Cloudflare accepts.
static_assert(cfdo::valid<counter_exports_version, cfdo::first_deploy, cfdo::warnings_are_errors>());
static_assert(cfdo::valid<counter_exports_version, fresh_counter>());

} // namespace

int main(int argc, char** argv) {
    std::string_view const option = argc > 1 ? argv[1] : "";
    bool const by_exports = option == "--exports";
    bool const bind_only = option == "--bind-only";
    int const first = by_exports || bind_only ? 2 : 1;
    if (argc - first < 1 || argc - first > 2 || std::string_view(argv[first]).starts_with("--")) {
        std::cerr << "usage: write_counter_request [--exports | --bind-only] OUT.json [CLASS_NAME]\n";
        return 2;
    }
    char const* const out_file = argv[first];
    std::string_view const class_name = argc - first == 2 ? argv[first + 1] : "Counter";
    try {
        // make_request runs the same rules as valid<>: a class name that is no
        // identifier, say, stops here. Whether worker.mjs exports the class
        // is for the runtime to say (no validation_context is given).
        cfdo::request const request = cfdo::make_request(cfdo::create_version{
            .account_id = test_account_id,
            .worker_id = "counter",
            .version = by_exports  ? counter_exports_version_with_class(class_name)
                       : bind_only ? counter_bind_only_version_with_class(class_name)
                                   : counter_example::counter_version_with_class(class_name),
        });
        std::ofstream out(out_file, std::ios::binary);
        out << cfdo::pretty_json(cfdo::to_json(request)) << '\n';
        if (!out.flush()) {
            std::cerr << "cannot write " << out_file << '\n';
            return 1;
        }
    } catch (std::exception const& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
    return 0;
}

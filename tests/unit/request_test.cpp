// make_request turns an operation into the HTTP request Cloudflare's SDK
// would send, after the request rules. A request that breaks a rule must
// never be built: its diagnostics say which rule, about which parameter, and
// where (a JSON pointer into the SDK params).
#include <cfdo/api/make_request.hpp>
#include <cfdo/api/request.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/compile_time.hpp>
#include <cfdo/rules/request_rules.hpp>

#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace {

constexpr std::string_view account = "023e105f4ecef8ad9ca31a8372d0c353";

// "rule subject path severity": one line per diagnostic, so that a mismatch
// prints readably.
std::string describe(cfdo::diagnostic const& d) {
    return std::string(d.rule) + " " + d.subject.str() + " " + d.path.str() + " " +
           std::string(cfdo::to_string(d.level));
}

std::vector<std::string> describe(std::vector<cfdo::diagnostic> const& diagnostics) {
    std::vector<std::string> out;
    for (auto const& d : diagnostics) out.push_back(describe(d));
    return out;
}

// The diagnostics of an operation that must be refused; checks that
// validate() and try_make_request() agree.
template <class Operation>
std::vector<std::string> refusal(Operation const& op) {
    auto const built = cfdo::try_make_request(op);
    if (built) FAIL("the request was built: " << built->url());
    CHECK(describe(built.error()) == describe(cfdo::validate(op)));
    return describe(built.error());
}

template <class Operation>
cfdo::request built(Operation const& op) {
    auto result = cfdo::try_make_request(op);
    if (!result) {
        std::string found;
        for (auto const& d : result.error()) found += "\n  " + describe(d);
        FAIL("the request was refused:" << found);
    }
    return std::move(*result);
}

std::vector<cfdo::query_parameter> query(std::initializer_list<cfdo::query_parameter> parameters) { return parameters; }

cfdo::worker_module module_base64(std::string_view name, std::string_view base64) {
    return {
        .name = name, .content_type = cfdo::content_type::javascript_module, .content = cfdo::module_base64{base64}};
}

cfdo::worker_module module_bytes(std::string_view name, std::string_view bytes) {
    return {.name = name, .content_type = cfdo::content_type::javascript_module, .content = cfdo::module_bytes{bytes}};
}

} // namespace

namespace Catch {
template <>
struct StringMaker<cfdo::query_parameter> {
    static std::string convert(cfdo::query_parameter const& p) { return p.name + "=" + p.value; }
};
template <>
struct StringMaker<cfdo::header> {
    static std::string convert(cfdo::header const& h) { return h.name + ": " + h.value; }
};
} // namespace Catch

TEST_CASE("list_namespaces request", "[request]") {
    SECTION("without paging parameters") {
        auto const r = built(cfdo::list_namespaces{.account_id = account});
        CHECK(r.method == cfdo::http_method::get);
        CHECK(r.path == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/workers/durable_objects/namespaces");
        CHECK(r.query.empty());
        CHECK(r.headers.empty());
        CHECK(std::holds_alternative<std::monostate>(r.body));
        CHECK(r.body_bytes().empty());
        CHECK(r.target() == r.path);
    }
    SECTION("page, then per_page") {
        auto const r = built(cfdo::list_namespaces{.account_id = account, .page = 2, .per_page = 100});
        CHECK(r.query == query({{"page", "2"}, {"per_page", "100"}}));
        CHECK(r.target() == r.path + "?page=2&per_page=100");
    }
    SECTION("per_page alone") {
        auto const r = built(cfdo::list_namespaces{.account_id = account, .per_page = 1});
        CHECK(r.query == query({{"per_page", "1"}}));
    }
}

TEST_CASE("list_objects request", "[request]") {
    SECTION("without cursor or limit") {
        auto const r = built(cfdo::list_objects{.account_id = account, .namespace_id = "5fd1cafff895419c"});
        CHECK(r.method == cfdo::http_method::get);
        CHECK(r.path ==
              "/accounts/023e105f4ecef8ad9ca31a8372d0c353/workers/durable_objects/namespaces/5fd1cafff895419c/objects");
        CHECK(r.query.empty());
        CHECK(r.headers.empty());
        CHECK(std::holds_alternative<std::monostate>(r.body));
    }
    SECTION("cursor, then limit, as declared; the query string is percent-encoded") {
        auto const r =
            built(cfdo::list_objects{.account_id = "a", .namespace_id = "n", .cursor = "AAE+/x= &y", .limit = 10});
        CHECK(r.query == query({{"cursor", "AAE+/x= &y"}, {"limit", "10"}}));
        CHECK(r.target() ==
              "/accounts/a/workers/durable_objects/namespaces/n/objects?cursor=AAE%2B%2Fx%3D%20%26y&limit=10");
    }
}

TEST_CASE("create_version request", "[request]") {
    cfdo::worker_version const version{
        .main_module = "worker.mjs",
        .compatibility_date = "2025-08-06",
        .bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"}},
        .migrations = cfdo::single_step_migration{.new_tag = "v1", .new_sqlite_classes = {"Counter"}},
        .modules = {module_bytes("worker.mjs", "export default {}")},
    };

    SECTION("POST with the version as its JSON body") {
        auto const r = built(cfdo::create_version{.account_id = account, .worker_id = "counter", .version = version});
        CHECK(r.method == cfdo::http_method::post);
        CHECK(r.path == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/workers/workers/counter/versions");
        CHECK(r.query.empty());
        CHECK(r.headers == std::vector<cfdo::header>{{"Content-Type", "application/json"}});
        auto const* body = std::get_if<cfdo::json_body>(&r.body);
        REQUIRE(body != nullptr);
        CHECK(body->value == cfdo::to_json(version));
        CHECK(boost::json::parse(r.body_bytes()) == cfdo::to_json(version));
    }
    SECTION("deploy is a query parameter") {
        auto const deployed =
            built(cfdo::create_version{.account_id = "a", .worker_id = "w", .deploy = true, .version = version});
        CHECK(deployed.query == query({{"deploy", "true"}}));
        CHECK(deployed.target() == "/accounts/a/workers/workers/w/versions?deploy=true");
        auto const not_deployed = built(cfdo::create_version{.account_id = "a", .worker_id = "w", .deploy = false});
        CHECK(not_deployed.query == query({{"deploy", "false"}}));
    }
    SECTION("an empty version is an empty object") {
        auto const r = built(cfdo::create_version{.account_id = "a", .worker_id = "w"});
        CHECK(r.body_bytes() == "{}");
    }
}

TEST_CASE("a version exporting a Workflow is sent with wrangler's script API date", "[request][exports]") {
    cfdo::worker_version version{.main_module = "worker.mjs",
                                 .exports = {{"Api", cfdo::worker_export{}}},
                                 .modules = {module_bytes("worker.mjs", "export default {}")}};
    cfdo::header const api_date{"Cloudflare-Workers-Script-Api-Date", "2026-11-09"};
    auto const has_api_date = [&](cfdo::request const& r) {
        return std::find(r.headers.begin(), r.headers.end(), api_date) != r.headers.end();
    };
    CHECK_FALSE(has_api_date(built(cfdo::create_version{.account_id = "a", .worker_id = "w", .version = version})));

    version.exports.push_back({"Nightly", cfdo::workflow_export{.name = "nightly"}});
    CHECK(has_api_date(built(cfdo::create_version{.account_id = "a", .worker_id = "w", .version = version})));
    CHECK(has_api_date(
        built(cfdo::upload_script{.account_id = "a", .script_name = "w", .metadata = {.version = version}})));
}

TEST_CASE("a deployment's request: its payload under what is deployed, checked with the whole history",
          "[request][deployment]") {
    cfdo::deployment const counter{
        .version = {.main_module = "worker.mjs",
                    .bindings = {cfdo::durable_object_binding{.name = "TALLY", .class_name = "Tally"}},
                    .modules = {module_bytes("worker.mjs", "export class Tally {}")}},
        .history = {{.tag = "v1", .new_classes = {"Counter"}},
                    {.tag = "v2", .renamed_classes = {{.from = "Counter", .to = "Tally"}}}}};
    cfdo::create_version const create{.account_id = account, .worker_id = "counter"};
    cfdo::validation_context const at_v1{.deployed = cfdo::deployed_state{.migration_tag = "v1"}};

    SECTION("the steps after the deployed tag are sent, with it as old_tag") {
        auto const r = cfdo::make_request(create, counter, at_v1);
        auto const body = boost::json::parse(r.body_bytes());
        CHECK(body.at("migrations") == boost::json::parse(R"({"old_tag": "v1", "new_tag": "v2",
                                     "steps": [{"renamed_classes": [{"from": "Counter", "to": "Tally"}]}]})"));
        CHECK(body.at("bindings").at(0).at("class_name") == "Tally");
    }
    SECTION("a first deploy sends every step; everything deployed, none") {
        auto const first =
            boost::json::parse(cfdo::make_request(create, counter, {.deployed = cfdo::first_deploy{}}).body_bytes());
        CHECK(first.at("migrations").at("steps").as_array().size() == 2);
        CHECK_FALSE(first.at("migrations").as_object().contains("old_tag"));
        auto const up_to_date = boost::json::parse(
            cfdo::make_request(create, counter, {.deployed = cfdo::deployed_state{.migration_tag = "v2"}})
                .body_bytes());
        CHECK_FALSE(up_to_date.as_object().contains("migrations"));
    }
    SECTION("the history is checked, and the bindings against it, with pointers into the deployment") {
        auto broken = counter;
        broken.version.bindings.push_back(cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"});
        broken.history.push_back({.tag = "v2", .new_sqlite_classes = {"Room"}});
        auto const refused = cfdo::try_make_request(create, broken, at_v1);
        REQUIRE_FALSE(refused);
        CHECK(describe(refused.error()) ==
              std::vector<std::string>{"migration-tag-duplicate v2 /history/2/tag error",
                                       "binding-to-renamed-class Counter /version/bindings/1/class_name error"});
        CHECK(refused.error() == cfdo::validate(create, broken, at_v1));
    }
    SECTION("migrations written on the version are an error: the history is the one place") {
        auto twice = counter;
        twice.version.migrations = cfdo::single_step_migration{.new_classes = {"Counter"}};
        CHECK_THROWS_AS(cfdo::make_request(create, twice, at_v1), cfdo::invalid_request);
    }
    SECTION("the operation's own parameters are checked too") {
        auto const refused =
            cfdo::try_make_request(cfdo::create_version{.account_id = account, .worker_id = "a/b"}, counter, at_v1);
        REQUIRE_FALSE(refused);
        CHECK(describe(refused.error()) == std::vector<std::string>{"path-parameter-slash worker_id /worker_id error"});
    }
    SECTION("the script upload sends the same payload as its metadata") {
        auto const r =
            cfdo::make_request(cfdo::upload_script{.account_id = account, .script_name = "counter"}, counter, at_v1);
        CHECK(r.body_bytes().find(R"("old_tag":"v1")") != std::string::npos);
    }
}

TEST_CASE("make_request judges under the context it is given", "[request][deployment]") {
    // Chat is neither created nor, as far as is known, deployed.
    cfdo::create_version const create{
        .account_id = account,
        .worker_id = "counter",
        .version = {.bindings = {cfdo::durable_object_binding{.name = "CHAT", .class_name = "Chat"}}}};
    CHECK(cfdo::try_make_request(create).has_value()); // a warning only
    auto const refused = cfdo::try_make_request(create, {.deployed = cfdo::first_deploy{}});
    REQUIRE_FALSE(refused);
    CHECK(describe(refused.error()) ==
          std::vector<std::string>{"binding-class-not-created Chat /bindings/0/class_name error"});
}

TEST_CASE("upload_script request", "[request]") {
    cfdo::upload_script const op{
        .account_id = account,
        .script_name = "counter",
        .metadata = {.version = {.main_module = "worker.mjs",
                                 .modules = {module_bytes("worker.mjs", "export default {}")}}},
    };
    auto const r = built(op);
    CHECK(r.method == cfdo::http_method::put);
    CHECK(r.path == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/workers/scripts/counter");
    CHECK(r.query.empty());

    auto const* body = std::get_if<cfdo::multipart_body>(&r.body);
    REQUIRE(body != nullptr);
    CHECK(r.headers == std::vector<cfdo::header>{{"Content-Type", "multipart/form-data; boundary=" + body->boundary}});
    CHECK(r.body_bytes() == body->bytes());
    REQUIRE(body->parts.size() == 2);
    CHECK(body->parts[0].name == "metadata");
    CHECK(body->parts[1].name == "worker.mjs");

    SECTION("header_value ignores the case of the name") {
        CHECK(r.header_value("content-type") == body->content_type());
        CHECK(r.header_value("CONTENT-TYPE") == body->content_type());
        CHECK_FALSE(r.header_value("Authorization").has_value());
        CHECK_FALSE(r.header_value("Content-Typ").has_value());
    }
}

namespace {

// A configuration proven while compiling: its request checks only what the
// run-time values decide.
constexpr cfdo::worker_version proven_counter() {
    return {
        .main_module = "worker.mjs",
        .compatibility_date = "2025-08-06",
        .bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"}},
        .migrations = cfdo::single_step_migration{.new_tag = "v1", .new_sqlite_classes = {"Counter"}},
        .modules = {{.name = "worker.mjs",
                     .content_type = cfdo::content_type::javascript_module,
                     .content = cfdo::module_bytes{"export default {}"}}},
    };
}
using checked_counter = cfdo::checked<proven_counter>;

constexpr cfdo::upload_metadata proven_upload() { return {.version = proven_counter(), .tags = {"proven"}}; }
using checked_upload = cfdo::checked<proven_upload>;

} // namespace

TEST_CASE("a request for a configuration proven at compile time re-checks only its parameters",
          "[request][compile-time]") {
    SECTION("the request is the one built from the version itself") {
        auto const proven =
            cfdo::make_request(cfdo::create_version{.account_id = account, .worker_id = "counter"}, checked_counter{});
        auto const checked_at_run_time =
            built(cfdo::create_version{.account_id = account, .worker_id = "counter", .version = proven_counter()});
        CHECK(cfdo::to_json(proven) == cfdo::to_json(checked_at_run_time));
    }
    SECTION("the version proven replaces the operation's") {
        auto const r = cfdo::make_request(
            cfdo::create_version{.account_id = "a", .worker_id = "w", .version = {.main_module = "other.mjs"}},
            checked_counter{});
        CHECK(std::get<cfdo::json_body>(r.body).value == cfdo::to_json(proven_counter()));
    }
    SECTION("the parameters are still checked") {
        auto const refused =
            cfdo::try_make_request(cfdo::create_version{.account_id = "a", .worker_id = ".."}, checked_counter{});
        REQUIRE_FALSE(refused);
        CHECK(describe(refused.error()) ==
              std::vector<std::string>{"path-parameter-dot-segment worker_id /worker_id error"});
        CHECK_THROWS_AS(cfdo::make_request(cfdo::create_version{.account_id = "", .worker_id = "w"}, checked_counter{}),
                        cfdo::invalid_request);
    }
    SECTION("an upload takes a proven version into its metadata, or proven metadata whole") {
        cfdo::upload_script const op{.account_id = "a", .script_name = "counter", .metadata = {.tags = {"mine"}}};
        auto const with_version = cfdo::make_request(op, checked_counter{});
        auto expected_op = op;
        expected_op.metadata.version = proven_counter();
        CHECK(std::get<cfdo::multipart_body>(with_version.body).parts[0].content ==
              std::get<cfdo::multipart_body>(built(expected_op).body).parts[0].content);

        auto const whole = cfdo::make_request(op, checked_upload{});
        expected_op.metadata = proven_upload();
        CHECK(std::get<cfdo::multipart_body>(whole.body).parts[0].content ==
              std::get<cfdo::multipart_body>(built(expected_op).body).parts[0].content);
    }
    SECTION("an upload's module part names are run-time checks too") {
        constexpr auto reserved = [] {
            auto version = proven_counter();
            version.modules[0].name = "metadata";
            version.main_module = "metadata";
            return version;
        };
        static_assert(cfdo::valid<reserved>(), "a version rule does not know the upload's part names");
        auto const refused = cfdo::try_make_request(cfdo::upload_script{.account_id = "a", .script_name = "w"},
                                                    cfdo::checked<reserved>{});
        REQUIRE_FALSE(refused);
        CHECK(describe(refused.error()) ==
              std::vector<std::string>{"module-name-reserved metadata /files/0/name error"});
    }
}

TEST_CASE("path parameters are percent-encoded as one segment", "[request][encoding]") {
    auto path_of_account = [](std::string_view account_id) {
        return built(cfdo::list_namespaces{.account_id = account_id}).path;
    };
    auto segment = [&](std::string_view account_id) {
        auto const path = path_of_account(account_id);
        auto const prefix = std::string_view("/accounts/");
        auto const suffix = std::string_view("/workers/durable_objects/namespaces");
        REQUIRE(path.starts_with(prefix));
        REQUIRE(path.ends_with(suffix));
        return path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
    };
    CHECK(segment("my account") == "my%20account");
    CHECK(segment("\xc3\xa9t\xc3\xa9") == "%C3%A9t%C3%A9"); // "été" in UTF-8
    CHECK(segment("user:name@host") == "user:name@host");
    CHECK(segment("a-b_c.d~e") == "a-b_c.d~e");
    CHECK(segment("!$&'()*+,;=") == "!$&'()*+,;=");
    // Neither can a segment start the query or fragment, nor smuggle an
    // already-encoded slash.
    CHECK(segment("a?b") == "a%3Fb");
    CHECK(segment("a#b") == "a%23b");
    CHECK(segment("a%2Fb") == "a%252Fb");
    CHECK(segment("a\\b") == "a%5Cb");

    SECTION("every path parameter of every operation") {
        CHECK(built(cfdo::list_objects{.account_id = "a b", .namespace_id = "n s"}).path ==
              "/accounts/a%20b/workers/durable_objects/namespaces/n%20s/objects");
        CHECK(built(cfdo::create_version{.account_id = "a b", .worker_id = "w s"}).path ==
              "/accounts/a%20b/workers/workers/w%20s/versions");
        CHECK(built(cfdo::upload_script{.account_id = "a b", .script_name = "s s"}).path ==
              "/accounts/a%20b/workers/scripts/s%20s");
    }
}

TEST_CASE("target() and url()", "[request]") {
    auto const r = built(cfdo::list_namespaces{.account_id = "a", .page = 3});
    CHECK(r.target() == "/accounts/a/workers/durable_objects/namespaces?page=3");
    CHECK(cfdo::api_base_url == "https://api.cloudflare.com/client/v4");
    CHECK(r.url() == "https://api.cloudflare.com/client/v4/accounts/a/workers/durable_objects/namespaces?page=3");

    SECTION("a base with or without trailing slashes gives the same URL") {
        auto const expected = "http://127.0.0.1:8787/client/v4/accounts/a/workers/durable_objects/namespaces?page=3";
        CHECK(r.url("http://127.0.0.1:8787/client/v4") == expected);
        CHECK(r.url("http://127.0.0.1:8787/client/v4/") == expected);
        CHECK(r.url("http://127.0.0.1:8787/client/v4//") == expected);
    }
    SECTION("the HTTP method names") {
        CHECK(cfdo::to_string(cfdo::http_method::get) == "GET");
        CHECK(cfdo::to_string(cfdo::http_method::post) == "POST");
        CHECK(cfdo::to_string(cfdo::http_method::put) == "PUT");
        CHECK(cfdo::to_string(cfdo::http_method::patch) == "PATCH");
        CHECK(cfdo::to_string(cfdo::http_method::delete_) == "DELETE");
    }
}

TEST_CASE("path parameter rules", "[request][rules]") {
    SECTION("empty") {
        CHECK(refusal(cfdo::list_namespaces{.account_id = ""}) ==
              std::vector<std::string>{"path-parameter-empty account_id /account_id error"});
    }
    SECTION("'/'") {
        CHECK(refusal(cfdo::create_version{.account_id = "a", .worker_id = "counter/versions"}) ==
              std::vector<std::string>{"path-parameter-slash worker_id /worker_id error"});
    }
    SECTION("'..'") {
        CHECK(refusal(cfdo::upload_script{.account_id = "a", .script_name = ".."}) ==
              std::vector<std::string>{"path-parameter-dot-segment script_name /script_name error"});
        CHECK(refusal(cfdo::upload_script{.account_id = "a", .script_name = "x..y"}) ==
              std::vector<std::string>{"path-parameter-dot-segment script_name /script_name error"});
    }
    SECTION("'/' and '..' together are both reported") {
        CHECK(refusal(cfdo::upload_script{.account_id = "../other", .script_name = "s"}) ==
              std::vector<std::string>{"path-parameter-slash account_id /account_id error",
                                       "path-parameter-dot-segment account_id /account_id error"});
    }
    SECTION("control characters, reported once per parameter") {
        CHECK(refusal(cfdo::list_namespaces{.account_id = "a\nb"}) ==
              std::vector<std::string>{"path-parameter-control-character account_id /account_id error"});
        CHECK(refusal(cfdo::list_namespaces{.account_id = "a\x7f"}) ==
              std::vector<std::string>{"path-parameter-control-character account_id /account_id error"});
        CHECK(refusal(cfdo::list_namespaces{.account_id = std::string_view("\0\t\r", 3)}) ==
              std::vector<std::string>{"path-parameter-control-character account_id /account_id error"});
    }
    SECTION("the namespace's pointer is its API name, /id") {
        CHECK(refusal(cfdo::list_objects{.account_id = "a", .namespace_id = "\x1b[31m"}) ==
              std::vector<std::string>{"path-parameter-control-character id /id error"});
        CHECK(refusal(cfdo::list_objects{.account_id = "a", .namespace_id = ""}) ==
              std::vector<std::string>{"path-parameter-empty id /id error"});
    }
    SECTION("non-ASCII bytes, spaces and dots inside a name are allowed") {
        CHECK(cfdo::validate(cfdo::list_namespaces{.account_id = "\xc3\xa9 t.x"}).empty());
        CHECK(cfdo::validate(cfdo::upload_script{.account_id = "a", .script_name = ".hidden"}).empty());
    }
    SECTION("a segment that is a single dot") {
        // URL parsers drop "." segments (RFC 3986 §5.2.4, WHATWG URL, curl):
        // ".../workers/workers/./versions" would be sent to
        // ".../workers/workers/versions", another path. Whatever rule reports
        // it, the request must be refused, about the parameter holding the dot.
        auto refused_about = [](auto const& op, std::string_view pointer) {
            auto const diagnostics = cfdo::validate(op);
            CHECK(cfdo::has_errors(diagnostics));
            for (auto const& d : diagnostics) CHECK(d.path == pointer);
        };
        SECTION("worker_id") { refused_about(cfdo::create_version{.account_id = "a", .worker_id = "."}, "/worker_id"); }
        SECTION("script_name") {
            refused_about(cfdo::upload_script{.account_id = "a", .script_name = "."}, "/script_name");
        }
        SECTION("account_id") {
            refused_about(cfdo::list_objects{.account_id = ".", .namespace_id = "n"}, "/account_id");
        }
    }
}

TEST_CASE("paging parameter rules", "[request][rules]") {
    SECTION("page from 1") {
        CHECK(refusal(cfdo::list_namespaces{.account_id = "a", .page = 0}) ==
              std::vector<std::string>{"page-out-of-range page /page error"});
        CHECK(cfdo::validate(cfdo::list_namespaces{.account_id = "a", .page = 1}).empty());
        CHECK(cfdo::validate(cfdo::list_namespaces{.account_id = "a", .page = UINT32_MAX}).empty());
    }
    SECTION("per_page from 1 to 100") {
        CHECK(refusal(cfdo::list_namespaces{.account_id = "a", .per_page = 0}) ==
              std::vector<std::string>{"per-page-out-of-range per_page /per_page error"});
        CHECK(refusal(cfdo::list_namespaces{.account_id = "a", .per_page = 101}) ==
              std::vector<std::string>{"per-page-out-of-range per_page /per_page error"});
        CHECK(cfdo::validate(cfdo::list_namespaces{.account_id = "a", .per_page = 1}).empty());
        CHECK(cfdo::validate(cfdo::list_namespaces{.account_id = "a", .per_page = 100}).empty());
    }
    SECTION("limit from 10 to 10000") {
        CHECK(refusal(cfdo::list_objects{.account_id = "a", .namespace_id = "n", .limit = 9}) ==
              std::vector<std::string>{"limit-out-of-range limit /limit error"});
        CHECK(refusal(cfdo::list_objects{.account_id = "a", .namespace_id = "n", .limit = 10001}) ==
              std::vector<std::string>{"limit-out-of-range limit /limit error"});
        CHECK(refusal(cfdo::list_objects{.account_id = "a", .namespace_id = "n", .limit = 0}) ==
              std::vector<std::string>{"limit-out-of-range limit /limit error"});
        CHECK(cfdo::validate(cfdo::list_objects{.account_id = "a", .namespace_id = "n", .limit = 10}).empty());
        CHECK(cfdo::validate(cfdo::list_objects{.account_id = "a", .namespace_id = "n", .limit = 10000}).empty());
    }
    SECTION("every problem is reported, in parameter order") {
        CHECK(refusal(cfdo::list_namespaces{.account_id = "", .page = 0, .per_page = 101}) ==
              std::vector<std::string>{"path-parameter-empty account_id /account_id error",
                                       "page-out-of-range page /page error",
                                       "per-page-out-of-range per_page /per_page error"});
    }
}

TEST_CASE("module content rules", "[request][rules]") {
    std::vector<cfdo::worker_module> const modules{
        module_bytes("worker.mjs", "export default {}"),
        module_base64("util.mjs", "not base64!"),
        module_base64("data.bin", "AAEC"),
        module_base64("extra.bin", "Zh=="),
    };

    SECTION("create_version points into modules") {
        CHECK(refusal(cfdo::create_version{
                  .account_id = "a", .worker_id = "w", .version = {.main_module = "worker.mjs", .modules = modules}}) ==
              std::vector<std::string>{
                  "module-content-not-base64 util.mjs /modules/1/content_base64 error",
                  "module-content-base64-not-canonical extra.bin /modules/3/content_base64 warning"});
    }
    SECTION("upload_script points into files") {
        CHECK(
            refusal(cfdo::upload_script{.account_id = "a",
                                        .script_name = "s",
                                        .metadata = {.version = {.main_module = "worker.mjs", .modules = modules}}}) ==
            std::vector<std::string>{"module-content-not-base64 util.mjs /files/1/content_base64 error",
                                     "module-content-base64-not-canonical extra.bin /files/3/content_base64 warning"});
    }
    SECTION("the first module") {
        CHECK(refusal(cfdo::create_version{.account_id = "a",
                                           .worker_id = "w",
                                           .version = {.main_module = "m", .modules = {module_base64("m", "Zg=")}}}) ==
              std::vector<std::string>{"module-content-not-base64 m /modules/0/content_base64 error"});
    }
    SECTION("canonical base64 and raw bytes pass") {
        CHECK(cfdo::validate(
                  cfdo::create_version{
                      .account_id = "a",
                      .worker_id = "w",
                      .version = {.main_module = "m", .modules = {module_base64("m", ""), module_bytes("b", "\xff")}}})
                  .empty());
    }
}

TEST_CASE("json binding rules", "[request][rules]") {
    std::vector<cfdo::binding> const bindings{
        cfdo::json_binding{.name = "GOOD", .json = R"({"a":[1,2]})"},
        cfdo::json_binding{.name = "BAD", .json = "{'a': 1}"},
        cfdo::plain_text_binding{.name = "TEXT", .text = "{not json"},
    };
    CHECK(refusal(cfdo::create_version{.account_id = "a", .worker_id = "w", .version = {.bindings = bindings}}) ==
          std::vector<std::string>{"json-binding-not-json BAD /bindings/1/json error"});
    CHECK(refusal(cfdo::upload_script{
              .account_id = "a", .script_name = "s", .metadata = {.version = {.bindings = bindings}}}) ==
          std::vector<std::string>{"json-binding-not-json BAD /metadata/bindings/1/json error"});
}

TEST_CASE("make_request throws invalid_request carrying the diagnostics", "[request][rules]") {
    cfdo::list_objects const op{.account_id = "a\n", .namespace_id = "../x", .limit = 9};
    try {
        (void)cfdo::make_request(op);
        FAIL("make_request built a request that breaks the rules");
    } catch (cfdo::invalid_request const& e) {
        CHECK(describe(e.diagnostics()) ==
              std::vector<std::string>{"path-parameter-control-character account_id /account_id error",
                                       "path-parameter-slash id /id error", "path-parameter-dot-segment id /id error",
                                       "limit-out-of-range limit /limit error"});
        CHECK(e.diagnostics() == cfdo::validate(op));
        CHECK(std::string(e.what()) ==
              "cfdo: invalid request\n"
              "  /account_id: error[path-parameter-control-character]: path parameter 'account_id' contains a "
              "control character; pass the identifier alone\n"
              "  /id: error[path-parameter-slash]: path parameter 'id' contains '/', which would change "
              "the request's path; pass the identifier alone\n"
              "  /id: error[path-parameter-dot-segment]: path parameter 'id' is '.' or contains '..', which "
              "URL normalization would turn into another path; pass the identifier alone\n"
              "  /limit: error[limit-out-of-range]: 'limit' must be from 10 to 10000 (Cloudflare's documented range)");
    }
    SECTION("invalid_request is a std::invalid_argument") {
        CHECK_THROWS_AS(cfdo::make_request(cfdo::list_namespaces{.account_id = ""}), std::invalid_argument);
    }
    SECTION("a valid operation gives the same request as try_make_request") {
        cfdo::list_namespaces const valid{.account_id = "a", .page = 2};
        CHECK(cfdo::make_request(valid).target() == built(valid).target());
    }
}

TEST_CASE("message_of quotes the subject into the rule's message", "[request][rules]") {
    auto message = [](std::string_view rule, std::string_view subject) {
        return cfdo::message_of(cfdo::make_diagnostic(rule, subject, "/x"));
    };
    CHECK(message("path-parameter-empty", "account_id") == "path parameter 'account_id' is empty; give it a value");
    CHECK(message("page-out-of-range", "page") == "'page' must be at least 1 (pages are numbered from 1)");
    CHECK(message("per-page-out-of-range", "per_page") ==
          "'per_page' must be from 1 to 100 (the documented maximum page size)");
    CHECK(message("module-content-not-base64", "util.mjs") ==
          "module 'util.mjs' is given as base64 text that is not padded base64; give its bytes with "
          "cfdo::module_bytes or fix the encoding");

    SECTION("control characters of the subject are shown escaped") {
        CHECK(message("module-content-not-base64", "evil\r\nname\x7f\x01")
                  .starts_with("module 'evil\\x0d\\x0aname\\x7f\\x01' is given as base64 text"));
        CHECK(message("json-binding-not-json", std::string_view("A\0B", 3))
                  .starts_with("json binding 'A\\x00B' holds text that is not one JSON value"));
    }
    SECTION("non-ASCII bytes are kept") {
        CHECK(message("path-parameter-empty", "\xc3\xa9") == "path parameter '\xc3\xa9' is empty; give it a value");
    }
    SECTION("from a refused request: the module name comes from the configuration") {
        auto const diagnostics = cfdo::validate(cfdo::create_version{
            .account_id = "a",
            .worker_id = "w",
            .version = {.main_module = "x\n\x1b[2J", .modules = {module_base64("x\n\x1b[2J", "!")}}});
        REQUIRE(diagnostics.size() == 1);
        CHECK(cfdo::message_of(diagnostics[0]).starts_with("module 'x\\x0a\\x1b[2J' is given"));
    }
    SECTION("a rule id missing from the catalogue is a programming error") {
        CHECK_THROWS_AS(cfdo::make_diagnostic("no-such-rule", "s", "/x"), std::invalid_argument);
        CHECK(cfdo::message_of(cfdo::diagnostic{"no-such-rule", "s", "/x"}) == "no-such-rule");
    }
    SECTION("every catalogue message has a place for its subject") {
        for (auto const& rule : cfdo::rule_catalogue) {
            INFO(rule.id);
            CHECK(rule.message.find("{}") != std::string_view::npos);
            CHECK(message(rule.id, "SUBJECT").find("'SUBJECT'") != std::string::npos);
            CHECK(cfdo::find_rule(rule.id) == &rule);
        }
    }
}

TEST_CASE("to_json(request) has exactly method, path, query, headers and body", "[request][json]") {
    auto keys_of = [](boost::json::value const& v) {
        std::vector<std::string> keys;
        for (auto const& entry : v.as_object()) keys.emplace_back(entry.key());
        return keys;
    };
    std::vector<std::string> const expected_keys{"method", "path", "query", "headers", "body"};

    SECTION("a GET without body") {
        auto const written = cfdo::to_json(built(cfdo::list_namespaces{.account_id = "a", .page = 2, .per_page = 5}));
        CHECK(keys_of(written) == expected_keys);
        CHECK(written == boost::json::parse(R"({"method":"GET","path":"/accounts/a/workers/durable_objects/namespaces",
            "query":{"page":"2","per_page":"5"},"headers":{},"body":null})"));
    }
    SECTION("a JSON body as its value") {
        auto const written = cfdo::to_json(built(cfdo::create_version{
            .account_id = "a", .worker_id = "w", .deploy = true, .version = {.main_module = "m.mjs"}}));
        CHECK(keys_of(written) == expected_keys);
        CHECK(written == boost::json::parse(R"({"method":"POST","path":"/accounts/a/workers/workers/w/versions",
            "query":{"deploy":"true"},"headers":{"Content-Type":"application/json"},"body":{"main_module":"m.mjs"}})"));
    }
    SECTION("a multipart body as its text") {
        auto const r = built(cfdo::upload_script{
            .account_id = "a", .script_name = "s", .metadata = {.version = {.modules = {module_bytes("m.mjs", "x")}}}});
        auto const written = cfdo::to_json(r);
        CHECK(keys_of(written) == expected_keys);
        auto const& object = written.as_object();
        CHECK(object.at("method") == "PUT");
        CHECK(object.at("query").as_object().empty());
        CHECK(object.at("body").as_string() == r.body_bytes());
        auto const& headers = object.at("headers").as_object();
        CHECK(headers.size() == 1);
        CHECK(headers.at("Content-Type").as_string() == std::get<cfdo::multipart_body>(r.body).content_type());
    }
}

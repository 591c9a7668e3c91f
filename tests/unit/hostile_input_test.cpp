// Hostile values: what a crafted configuration or a compromised response can
// put into cfdo's inputs. Each test states the guard it relies on; together
// they back docs/security.md.
//
// The sizes tests check results only; how their time grows is measured with
// `cfdo_unit_tests "[sizes]" --durations yes` (docs/security.md), never
// asserted.
#include <cfdo/api/make_request.hpp>
#include <cfdo/api/request.hpp>
#include <cfdo/api/responses.hpp>
#include <cfdo/json/from_json.hpp>
#include <cfdo/json/parse.hpp>
#include <cfdo/json/pretty.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/rules/history_rules.hpp>
#include <cfdo/rules/request_rules.hpp>
#include <cfdo/rules/version_rules.hpp>
#include <cfdo/support/base64.hpp>
#include <cfdo/support/utf8.hpp>

#include "../support/parse_multipart.hpp"

#include <catch2/catch.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/url/parse.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace {

// The entry module `w.mjs` of the requests below, holding `source`.
cfdo::worker_module entry_module(std::string_view source) {
    return {
        .name = "w.mjs", .content_type = cfdo::content_type::javascript_module, .content = cfdo::module_bytes{source}};
}

using namespace std::string_literals;

// The rules a request broke, or nothing when it was built.
template <class Operation>
std::vector<std::string> refused_rules(Operation const& op) {
    std::vector<std::string> rules;
    for (auto const& d : cfdo::validate(op))
        if (d.level == cfdo::severity::error) rules.emplace_back(d.rule);
    return rules;
}

// Every form in which a request can be shown, logged or sent.
std::vector<std::string> printable_forms(cfdo::request const& r) {
    std::vector<std::string> forms{r.path,
                                   r.target(),
                                   r.url(),
                                   r.body_bytes(),
                                   boost::json::serialize(cfdo::to_json(r)),
                                   cfdo::pretty_json(cfdo::to_json(r))};
    for (auto const& h : r.headers) forms.push_back(h.name + ": " + h.value);
    for (auto const& q : r.query) forms.push_back(q.name + "=" + q.value);
    return forms;
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool under_address_sanitizer = true;
#else
constexpr bool under_address_sanitizer = false;
#endif
#else
constexpr bool under_address_sanitizer = false;
#endif

bool is_valid_json(std::string_view text) { return cfdo::parse_json(text).has_value(); }

// The one path parameter of each operation that is not the account, set to
// `value`: every route's last parameter.
struct hostile_operation {
    std::string_view parameter;
    std::function<std::vector<std::string>(std::string_view)> rules;
    std::function<cfdo::request(std::string_view)> build;
};

std::vector<hostile_operation> operations_with_parameter() {
    auto const namespaces = [](std::string_view v) { return cfdo::list_namespaces{.account_id = v}; };
    auto const objects = [](std::string_view v) { return cfdo::list_objects{.account_id = "acc", .namespace_id = v}; };
    auto const version = [](std::string_view v) { return cfdo::create_version{.account_id = "acc", .worker_id = v}; };
    auto const upload = [](std::string_view v) { return cfdo::upload_script{.account_id = "acc", .script_name = v}; };
    auto entry = [](std::string_view parameter, auto make) {
        return hostile_operation{parameter, [make](std::string_view v) { return refused_rules(make(v)); },
                                 [make](std::string_view v) { return cfdo::make_request(make(v)); }};
    };
    return {entry("account_id", namespaces), entry("namespace_id", objects), entry("worker_id", version),
            entry("script_name", upload)};
}

} // namespace

TEST_CASE("hostile path segments are refused or stay one segment", "[hostile][request]") {
    // Values the rules refuse, and why.
    std::vector<std::pair<std::string, std::vector<std::string>>> const refused{
        {"", {"path-parameter-empty"}},
        {".", {"path-parameter-dot-segment"}},
        {"..", {"path-parameter-dot-segment"}},
        {"a..b", {"path-parameter-dot-segment"}},
        {"/", {"path-parameter-slash"}},
        {"a/b", {"path-parameter-slash"}},
        {"../admin", {"path-parameter-slash", "path-parameter-dot-segment"}},
        {"a\r\nX-Injected: 1", {"path-parameter-control-character"}},
        {"a\nb", {"path-parameter-control-character"}},
        {"\r", {"path-parameter-control-character"}},
        {"a\0b"s, {"path-parameter-control-character"}},
        {"\x7f", {"path-parameter-control-character"}},
        {"caf\xe9", {"text-not-utf8"}},
        {"\xc0\xaf", {"text-not-utf8"}}, // an overlong '/'
    };
    // Values that are sent, percent-encoded so that a server decodes them back
    // as exactly one segment.
    std::vector<std::string> const sent{
        "%2F",
        "a%2Fb",
        "%2e%2e",
        "%00",
        "?",
        "a?b=c",
        "#",
        "a#frag",
        "a b",
        ";x",
        "~name",
        "caf\xc3\xa9",
        std::string(100'000, 'x'),
    };

    for (auto const& op : operations_with_parameter()) {
        DYNAMIC_SECTION(op.parameter) {
            for (auto const& [value, rules] : refused) {
                INFO("value: " << cfdo::printable(value));
                CHECK(op.rules(value) == rules);
                CHECK_THROWS_AS(op.build(value), cfdo::invalid_request);
            }
            for (auto const& value : sent) {
                INFO("value: " << cfdo::printable(value).substr(0, 40));
                REQUIRE(op.rules(value).empty());
                auto const request = op.build(value);
                // The url_view refers into the text: keep it alive.
                auto const url_text = request.url();
                auto const url = boost::urls::parse_uri(url_text);
                REQUIRE(url.has_value());
                CHECK(url->host() == "api.cloudflare.com");
                CHECK_FALSE(url->has_fragment());
                CHECK(url->encoded_query() == "");
                // The last segment holding a parameter is the value, decoded.
                auto const segments = url->segments();
                std::vector<std::string> decoded(segments.begin(), segments.end());
                bool const last = op.parameter == "worker_id" || op.parameter == "namespace_id";
                auto const at = op.parameter == "account_id" ? 3u : decoded.size() - (last ? 2u : 1u);
                REQUIRE(at < decoded.size());
                CHECK(decoded[at] == value);
                CHECK(is_valid_json(boost::json::serialize(cfdo::to_json(request))));
            }
        }
    }
}

TEST_CASE("hostile query values stay in the query", "[hostile][request]") {
    for (std::string const& cursor : {"a&limit=1"s, "x#y"s, "%26"s, "a b+c"s, "\r\n"s, "\0"s}) {
        INFO("cursor: " << cfdo::printable(cursor));
        auto const request = cfdo::make_request(
            cfdo::list_objects{.account_id = "acc", .namespace_id = "ns", .cursor = cursor, .limit = 10});
        auto const url_text = request.url(); // url_view refers into it
        auto const url = boost::urls::parse_uri(url_text);
        REQUIRE(url.has_value());
        CHECK_FALSE(url->has_fragment());
        auto const params = url->params();
        REQUIRE(std::distance(params.begin(), params.end()) == 2);
        CHECK((*params.find("cursor")).value == cursor);
        CHECK((*params.find("limit")).value == "10");
        CHECK(is_valid_json(boost::json::serialize(cfdo::to_json(request))));
    }
    SECTION("a cursor that is not UTF-8 is refused: it would make to_json(request) invalid JSON") {
        cfdo::list_objects const op{.account_id = "acc", .namespace_id = "ns", .cursor = "\xff\xfe"};
        CHECK(refused_rules(op) == std::vector<std::string>{"text-not-utf8"});
        CHECK(cfdo::validate(op)[0].path == "/cursor");
    }
}

TEST_CASE("header values never carry CR or LF", "[hostile][request]") {
    SECTION("a module's content type with CR/LF is refused before it reaches a part header") {
        cfdo::upload_script const op{
            .account_id = "acc",
            .script_name = "s",
            .metadata = {.version = {.main_module = "w.mjs",
                                     .modules = {{.name = "w.mjs",
                                                  .content_type = "text/javascript\r\nX-Injected: 1",
                                                  .content = cfdo::module_bytes{"x"}}}}}};
        CHECK(refused_rules(op) == std::vector<std::string>{"module-content-type-not-sendable"});
    }
    SECTION("module names with CR, LF or quotes are refused as part names") {
        for (std::string const& name : {"a\r\nContent-Type: text/html"s, "a\"b"s, "a\nb"s}) {
            INFO("name: " << cfdo::printable(name));
            cfdo::upload_script const op{
                .account_id = "acc",
                .script_name = "s",
                .metadata = {.version = {.main_module = "w.mjs",
                                         .modules = {entry_module("x"),
                                                     {.name = name,
                                                      .content_type = cfdo::content_type::javascript_module,
                                                      .content = cfdo::module_bytes{"y"}}}}}};
            auto const rules = refused_rules(op);
            CHECK(std::find(rules.begin(), rules.end(), "module-name-not-sendable") != rules.end());
        }
    }
    SECTION("even a part built by hand has its header fields escaped, not split") {
        auto const body =
            cfdo::multipart_body::with_parts({{"a\r\nX-Injected: 1", "f\r\n\"", "text/plain\r\nX: 1", "content"}});
        auto const parts = cfdo_tests::parse_multipart(body.bytes(), body.boundary);
        REQUIRE(parts.size() == 1);
        CHECK(parts[0].header_lines.size() == 2);
        CHECK(parts[0].content == "content");
    }
    SECTION("every header of every built request") {
        std::vector<cfdo::request> const requests{
            cfdo::make_request(cfdo::list_namespaces{.account_id = "acc", .page = 1}),
            cfdo::make_request(cfdo::create_version{.account_id = "acc", .worker_id = "w"}),
            cfdo::make_request(cfdo::upload_script{
                .account_id = "acc",
                .script_name = "s",
                .metadata = {.version = {.main_module = "w.mjs", .modules = {entry_module("\r\n--x\r\n")}}}}),
        };
        for (auto const& r : requests)
            for (auto const& h : r.headers) {
                CHECK(h.name.find_first_of("\r\n"s + '\0') == std::string::npos);
                CHECK(h.value.find_first_of("\r\n"s + '\0') == std::string::npos);
            }
    }
}

TEST_CASE("no printable form of a request carries the API token", "[hostile][request][token]") {
    // A token can only reach a request through what the user puts in it; the
    // transport is where it belongs. A transport that records what it was
    // given shows that cfdo hands over nothing that holds it.
    std::string const token = "cf-token-Zx81qP0vYt";
    std::vector<std::string> seen;
    auto transport = [&](cfdo::request const& r) {
        auto const forms = printable_forms(r);
        seen.insert(seen.end(), forms.begin(), forms.end());
        // What a real transport does with the token: its own header, sent,
        // never stored in the request.
        std::string const authorization = "Bearer " + token;
        CHECK_FALSE(r.header_value("Authorization").has_value());
        return cfdo::http_response{200, R"({"success":true,"errors":[],"result":[]})"};
    };
    static_assert(cfdo::transport<decltype(transport)>);

    std::vector<cfdo::request> const requests{
        cfdo::make_request(cfdo::list_namespaces{.account_id = "acc", .page = 2, .per_page = 50}),
        cfdo::make_request(cfdo::list_objects{.account_id = "acc", .namespace_id = "ns", .cursor = "c", .limit = 10}),
        cfdo::make_request(cfdo::create_version{
            .account_id = "acc",
            .worker_id = "w",
            .deploy = true,
            .version = {.main_module = "w.mjs",
                        .bindings = {cfdo::secret_text_binding{.name = "SECRET", .text = "not the token"}},
                        .modules = {entry_module("export default {}")}}}),
        cfdo::make_request(cfdo::upload_script{
            .account_id = "acc",
            .script_name = "s",
            .metadata = {.version = {.main_module = "w.mjs", .modules = {entry_module("export default {}")}}}}),
    };
    for (auto const& r : requests) (void)transport(r);
    REQUIRE(seen.size() >= 4 * 6);
    for (auto const& form : seen) {
        CHECK(form.find(token) == std::string::npos);
        CHECK(form.find("Bearer") == std::string::npos);
        CHECK(form.find("Authorization") == std::string::npos);
    }
}

TEST_CASE("names that are not UTF-8 are diagnostics, and nothing written is invalid JSON", "[hostile][utf8]") {
    std::string const latin1 = "caf\xe9";
    SECTION("in the version") {
        cfdo::create_version const op{
            .account_id = "acc",
            .worker_id = "w",
            .version = {.main_module = "w.mjs",
                        .bindings = {cfdo::durable_object_binding{.name = latin1, .class_name = "C\xff"}},
                        .migrations = cfdo::single_step_migration{.new_classes = {"C\xff"}},
                        .modules = {entry_module("\xff binary is fine")}}};
        auto const diagnostics = cfdo::validate(op);
        std::vector<std::string> utf8_paths;
        for (auto const& d : diagnostics)
            if (d.rule == "text-not-utf8") utf8_paths.push_back(d.path.str());
        CHECK(utf8_paths ==
              std::vector<std::string>{"/bindings/0/name", "/bindings/0/class_name", "/migrations/new_classes/0"});
        auto const refused = cfdo::try_make_request(op);
        REQUIRE_FALSE(refused.has_value());
        // The summary for people escapes the bytes it quotes.
        std::string const summary = cfdo::invalid_request(refused.error()).what();
        CHECK(cfdo::is_utf8(summary));
    }
    SECTION("in the path parameters, whose SDK params are JSON too") {
        cfdo::create_version const op{.account_id = "acc\xff", .worker_id = "w"};
        CHECK(refused_rules(op) == std::vector<std::string>{"text-not-utf8"});
        CHECK(cfdo::validate(op)[0].path == "/account_id");
    }
    SECTION("binary module bytes: to_json(request) writes the multipart body as base64 (found by fuzzing)") {
        std::string const wasm = "\0asm\x01\0\0\0\xff\xfe"s;
        auto const r = cfdo::make_request(
            cfdo::upload_script{.account_id = "acc",
                                .script_name = "s",
                                .metadata = {.version = {.main_module = "w.mjs",
                                                         .modules = {entry_module("export default {}"),
                                                                     {.name = "add.wasm",
                                                                      .content_type = cfdo::content_type::wasm,
                                                                      .content = cfdo::module_bytes{wasm}}}}}});
        auto const written = cfdo::to_json(r);
        CHECK(is_valid_json(boost::json::serialize(written)));
        auto const& encoded = written.at("body_base64").as_string();
        CHECK(cfdo::base64_decode(std::string_view(encoded.data(), encoded.size())) == r.body_bytes());
    }
    SECTION("in a response: escaped in what(), never thrown") {
        auto const answer = cfdo::decode_response<cfdo::list_namespaces>(
            {500, "{\"success\":false,\"errors\":[{\"code\":1,\"message\":\"\\u0000\\u001b[31m\"}]}"});
        REQUIRE_FALSE(answer.has_value());
        CHECK(answer.error().what() == "HTTP 500: failure; \\x00\\x1b[31m [code: 1]");
        auto const raw = cfdo::decode_response<cfdo::list_namespaces>({200, "{\"success\":true,\"result\":\"\xff\"}"});
        REQUIRE_FALSE(raw.has_value());
        CHECK(raw.error().kind == cfdo::api_error_kind::not_json);
    }
}

TEST_CASE("nesting deeper than json_max_depth is an error, not a stack overflow", "[hostile][sizes]") {
    std::string const deep = std::string(1'000'000, '[') + std::string(1'000'000, ']');
    auto const parsed = cfdo::parse_json(deep);
    REQUIRE_FALSE(parsed.has_value());
    CHECK(parsed.error().offset == cfdo::json_max_depth);
    auto const answer = cfdo::decode_response<cfdo::list_objects>({200, deep});
    REQUIRE_FALSE(answer.has_value());
    CHECK(answer.error().kind == cfdo::api_error_kind::not_json);
    auto const params = cfdo::from_json<cfdo::create_version>("{\"account_id\":\"a\",\"worker_id\":\"w\",\"bindings\":["
                                                              "{\"type\":\"json\",\"name\":\"J\",\"json\":" +
                                                              deep + "}]}");
    CHECK_FALSE(params.has_value());
}

TEST_CASE("100 MB of module content", "[hostile][sizes]") {
    // Under AddressSanitizer, in a Debug build, every byte of the per-byte
    // loops (base64, serialization) costs ten times as much: the sanitizer run
    // checks the same code paths with 10 MB, the GCC and Clang runs with 100 MB.
    std::size_t const size = (under_address_sanitizer ? 10u : 100u) << 20;
    std::string content(size, '\0');
    for (std::size_t i = 0; i < size; ++i) content[i] = static_cast<char>((i * 2654435761u) >> 13);
    cfdo::worker_version const version{
        .main_module = "w.mjs",
        .modules = {
            {.name = "w.mjs", .content_type = "application/octet-stream", .content = cfdo::module_bytes{content}}}};
    SECTION("as JSON (create_version): base64, serialized, valid") {
        auto const r =
            cfdo::make_request(cfdo::create_version{.account_id = "acc", .worker_id = "w", .version = version});
        auto const body = r.body_bytes();
        CHECK(body.size() > size / 3 * 4);
        auto const& encoded =
            std::get<cfdo::json_body>(r.body).value.at("modules").at(0).at("content_base64").as_string();
        CHECK(cfdo::base64_decode(std::string_view(encoded.data(), encoded.size())) == content);
    }
    SECTION("as a multipart upload: the bytes as they are") {
        auto const r = cfdo::make_request(
            cfdo::upload_script{.account_id = "acc", .script_name = "w", .metadata = {.version = version}});
        auto const& body = std::get<cfdo::multipart_body>(r.body);
        auto const parts = cfdo_tests::parse_multipart(r.body_bytes(), body.boundary);
        REQUIRE(parts.size() == 2);
        CHECK(parts[1].content == content);
    }
}

namespace {

std::string class_name(std::size_t i) { return "Class" + std::to_string(i); }

} // namespace

TEST_CASE("200 000 classes", "[hostile][sizes]") {
    std::size_t const count = 200'000;
    cfdo::single_step_migration created;
    cfdo::worker_version version{.main_module = "w.mjs"};
    for (std::size_t i = 0; i < count; ++i) {
        created.new_sqlite_classes.emplace_back(class_name(i));
        version.bindings.emplace_back(
            cfdo::durable_object_binding{.name = "B" + std::to_string(i), .class_name = class_name(i)});
    }
    version.migrations = created;
    version.modules = {entry_module("export default {}")};
    CHECK_FALSE(cfdo::has_errors(cfdo::validate(version)));

    SECTION("one duplicate among them is found, once") {
        created.new_sqlite_classes.emplace_back(class_name(count / 2));
        version.migrations = created;
        std::size_t duplicates = 0;
        for (auto const& d : cfdo::validate(version)) duplicates += d.level == cfdo::severity::error;
        CHECK(duplicates == 1);
    }
    SECTION("serialized and read back") {
        auto const written = cfdo::to_json(version);
        auto const reread = cfdo::from_json<cfdo::worker_version>(boost::json::serialize(written));
        REQUIRE(reread.has_value());
        // Module bytes read back as their base64: compare what is sent.
        CHECK(cfdo::to_json(*reread) == written);
    }
}

TEST_CASE("20 000 migration steps", "[hostile][sizes]") {
    // A class created, then renamed 19 999 times: every step depends on the
    // one before, so the fold must carry the state through all of them.
    std::size_t const steps = 20'000;
    cfdo::migration_history history;
    history.push_back({.tag = "v0", .new_classes = {class_name(0)}});
    for (std::size_t i = 1; i < steps; ++i)
        history.push_back(
            {.tag = "v" + std::to_string(i), .renamed_classes = {{.from = class_name(i - 1), .to = class_name(i)}}});
    CHECK(cfdo::validate(history).empty());

    cfdo::multi_step_migration all;
    for (auto const& step : history)
        all.steps.push_back({.new_classes = step.new_classes, .renamed_classes = step.renamed_classes});
    cfdo::worker_version const version{
        .main_module = "w.mjs",
        .bindings = {cfdo::durable_object_binding{.name = "LAST", .class_name = class_name(steps - 1)}},
        .migrations = all,
        .modules = {entry_module("export default {}")}};
    CHECK_FALSE(cfdo::has_errors(cfdo::validate(version)));

    SECTION("a rename onto a class that still exists, at the very end") {
        history.push_back(
            {.tag = "last", .renamed_classes = {{.from = class_name(steps - 1), .to = class_name(steps - 1)}}});
        CHECK_FALSE(cfdo::validate(history).empty());
    }
}

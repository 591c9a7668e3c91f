// The script upload's multipart/form-data body, read back the way a server
// reads it: from the bytes, not from cfdo's own data structures. What
// matters is what Cloudflare sees: each part's name, filename, content type
// and bytes, a boundary that cannot be confused with content, and header
// values that cannot start a header line of their own.
#include <cfdo/api/make_request.hpp>
#include <cfdo/api/multipart.hpp>
#include <cfdo/json/to_json.hpp>

#include "../support/parse_multipart.hpp"

#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace {

using part = cfdo_tests::parsed_part;
using cfdo_tests::parse_multipart;

std::size_t occurrences(std::string_view haystack, std::string_view needle) {
    std::size_t count = 0;
    for (auto at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++count;
    return count;
}

struct upload {
    cfdo::multipart_body body;
    std::string bytes;
    std::vector<part> parts;
};

upload upload_of(cfdo::worker_version version) {
    auto const r = cfdo::make_request(
        cfdo::upload_script{.account_id = "a", .script_name = "s", .metadata = {.version = std::move(version)}});
    auto const* body = std::get_if<cfdo::multipart_body>(&r.body);
    REQUIRE(body != nullptr);
    REQUIRE(r.header_value("Content-Type") == "multipart/form-data; boundary=" + body->boundary);
    auto bytes = r.body_bytes();
    auto parts = parse_multipart(bytes, body->boundary);
    return {*body, std::move(bytes), std::move(parts)};
}

cfdo::worker_module js_module(std::string_view name, std::string_view source) {
    return {.name = name, .content_type = cfdo::content_type::javascript_module, .content = cfdo::module_bytes{source}};
}

} // namespace

TEST_CASE("upload_script sends the metadata, then one part per module", "[multipart]") {
    std::string const binary("\0\1\2\r\n\xff", 6);
    cfdo::worker_version const version{
        .main_module = "worker.mjs",
        .compatibility_date = "2025-08-06",
        .bindings = {cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"}},
        .migrations = cfdo::single_step_migration{.new_tag = "v1", .new_sqlite_classes = {"Counter"}},
        .modules = {js_module("worker.mjs", "import './util.mjs';\nexport default {}\n"),
                    js_module("util.mjs", ""),
                    {.name = "data.bin",
                     .content_type = cfdo::content_type::octet_stream,
                     .content = cfdo::module_bytes{binary}},
                    {.name = "hello.txt",
                     .content_type = cfdo::content_type::plain_text,
                     .content = cfdo::module_base64{"aGVsbG8="}}},
    };
    auto const sent = upload_of(version);
    REQUIRE(sent.parts.size() == 5);

    SECTION("the metadata part: the version without its modules") {
        auto const& metadata = sent.parts[0];
        CHECK(metadata.name == "metadata");
        CHECK_FALSE(metadata.filename.has_value());
        CHECK_FALSE(metadata.content_type.has_value());
        auto const json = boost::json::parse(metadata.content);
        CHECK_FALSE(json.as_object().contains("modules"));
        auto expected = cfdo::to_json(version);
        expected.as_object().erase("modules");
        CHECK(json == expected);
        CHECK(json == boost::json::parse(R"({"main_module":"worker.mjs","compatibility_date":"2025-08-06",
            "bindings":[{"type":"durable_object_namespace","name":"COUNTER","class_name":"Counter"}],
            "migrations":{"new_tag":"v1","new_sqlite_classes":["Counter"]}})"));
    }
    SECTION("module parts: named after the module, which is also the filename") {
        CHECK(sent.parts[1].name == "worker.mjs");
        CHECK(sent.parts[1].filename == "worker.mjs");
        CHECK(sent.parts[1].content_type == "application/javascript+module");
        CHECK(sent.parts[2].name == "util.mjs");
        CHECK(sent.parts[2].filename == "util.mjs");
        CHECK(sent.parts[3].name == "data.bin");
        CHECK(sent.parts[3].content_type == "application/octet-stream");
        CHECK(sent.parts[4].name == "hello.txt");
        CHECK(sent.parts[4].content_type == "text/plain");
    }
    SECTION("module contents are the raw bytes") {
        CHECK(sent.parts[1].content == "import './util.mjs';\nexport default {}\n");
        CHECK(sent.parts[2].content.empty());
        CHECK(sent.parts[3].content == binary);
        CHECK(sent.parts[4].content == "hello"); // module_base64 is decoded, not sent as base64
    }
    SECTION("each part's header lines, in order") {
        CHECK(sent.parts[0].header_lines ==
              std::vector<std::string>{R"(Content-Disposition: form-data; name="metadata")"});
        CHECK(sent.parts[1].header_lines ==
              std::vector<std::string>{R"(Content-Disposition: form-data; name="worker.mjs"; filename="worker.mjs")",
                                       "Content-Type: application/javascript+module"});
    }
}

TEST_CASE("the multipart layout, byte for byte", "[multipart]") {
    auto const sent = upload_of({.main_module = "w.mjs", .modules = {js_module("w.mjs", "export default {}")}});
    auto const& b = sent.body.boundary;
    CHECK(sent.bytes == "--" + b +
                            "\r\n"
                            "Content-Disposition: form-data; name=\"metadata\"\r\n"
                            "\r\n"
                            "{\"main_module\":\"w.mjs\"}\r\n"
                            "--" +
                            b +
                            "\r\n"
                            "Content-Disposition: form-data; name=\"w.mjs\"; filename=\"w.mjs\"\r\n"
                            "Content-Type: application/javascript+module\r\n"
                            "\r\n"
                            "export default {}\r\n"
                            "--" +
                            b + "--\r\n");

    SECTION("ends with the final boundary and nothing after it") {
        CHECK(sent.bytes.ends_with("\r\n--" + b + "--\r\n"));
        CHECK(occurrences(sent.bytes, "--" + b + "--") == 1);
    }
    SECTION("the boundary needs no quoting in the Content-Type header") {
        // RFC 2046: at most 70 characters; letters, digits, '-' and '_' are
        // also RFC 2045 token characters, so the header stays unquoted.
        CHECK(b.size() <= 70);
        CHECK(b.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") ==
              std::string::npos);
        CHECK(b.starts_with("cfdo-boundary-"));
    }
    SECTION("a version without modules sends the metadata alone") {
        auto const metadata_only = upload_of({.main_module = "w.mjs"});
        REQUIRE(metadata_only.parts.size() == 1);
        CHECK(metadata_only.parts[0].name == "metadata");
    }
}

TEST_CASE("the boundary occurs in no part", "[multipart]") {
    SECTION("even when a module's content looks like cfdo's boundaries") {
        auto const first = upload_of({.modules = {js_module("a.mjs", "x")}});
        // Content quoting another upload's boundary, and text shaped like one.
        std::string const tricky = "// " + first.body.boundary + "\r\n--" + first.body.boundary +
                                   "\r\n--cfdo-boundary-\r\n--cfdo-boundary-0000000000000000--\r\n" + "cfdo-boundary-";
        auto const sent = upload_of({.modules = {js_module("a.mjs", tricky), js_module("b.mjs", "x")}});
        auto const& b = sent.body.boundary;
        for (auto const& p : sent.body.parts) {
            INFO("part " << p.name);
            CHECK(p.content.find(b) == std::string::npos);
        }
        REQUIRE(sent.parts.size() == 3);
        CHECK(sent.parts[1].content == tricky);
        CHECK(sent.parts[2].content == "x");
        // One delimiter before each part, plus the final one.
        CHECK(occurrences(sent.bytes, "--" + b) == 4);
    }
    SECTION("with_parts over any parts") {
        auto const body = cfdo::multipart_body::with_parts({
            {"a", std::nullopt, std::nullopt, "cfdo-boundary-"},
            {"b", "b.bin", "application/octet-stream", std::string("\0cfdo-boundary-\0", 16)},
        });
        for (auto const& p : body.parts) CHECK(p.content.find(body.boundary) == std::string::npos);
        auto const parts = parse_multipart(body.bytes(), body.boundary);
        REQUIRE(parts.size() == 2);
        CHECK(parts[0].content == "cfdo-boundary-");
        CHECK(parts[1].content == std::string("\0cfdo-boundary-\0", 16));
        CHECK(body.content_type() == "multipart/form-data; boundary=" + body.boundary);
    }
}

TEST_CASE("the same upload gives the same bytes", "[multipart]") {
    cfdo::worker_version const version{.main_module = "w.mjs", .modules = {js_module("w.mjs", "export default {}")}};
    auto const first = upload_of(version);
    auto const second = upload_of(version);
    CHECK(first.body.boundary == second.body.boundary);
    CHECK(first.bytes == second.bytes);

    SECTION("and different contents a different boundary") {
        auto const other = upload_of({.main_module = "w.mjs", .modules = {js_module("w.mjs", "export default {};")}});
        CHECK(other.body.boundary != first.body.boundary);
    }
    SECTION("with_parts is deterministic too") {
        std::vector<cfdo::multipart_part> const parts{{"metadata", std::nullopt, std::nullopt, "{}"},
                                                      {"m", "m", "text/plain", "x"}};
        CHECK(cfdo::multipart_body::with_parts(parts).bytes() == cfdo::multipart_body::with_parts(parts).bytes());
    }
}

TEST_CASE("names and content types cannot break out of their header", "[multipart][escaping]") {
    // make_request refuses such names and content types (the rules
    // module-name-not-sendable and module-content-type-not-sendable); the
    // body escapes them anyway, as a second line of defence.
    SECTION("'\"', CR and LF are percent-encoded in names and filenames") {
        auto const body = cfdo::multipart_body::with_parts(
            {{"metadata", std::nullopt, std::nullopt, "{}"}, {"a\"b\r\nc.mjs", "a\"b\r\nc.mjs", "text/plain", "x"}});
        auto const parts = parse_multipart(body.bytes(), body.boundary);
        REQUIRE(parts.size() == 2);
        CHECK(parts[1].name == "a%22b%0D%0Ac.mjs");
        CHECK(parts[1].filename == "a%22b%0D%0Ac.mjs");
        CHECK(parts[1].content == "x");
    }
    SECTION("a content type cannot add a header line") {
        auto const body =
            cfdo::multipart_body::with_parts({{"m.mjs", "m.mjs", "text/plain\r\nX-Injected: 1\n\"", "x"}});
        auto const bytes = body.bytes();
        auto const parts = parse_multipart(bytes, body.boundary);
        REQUIRE(parts.size() == 1);
        CHECK(parts[0].content_type == "text/plain%0D%0AX-Injected: 1%0A%22");
        CHECK(parts[0].header_lines.size() == 2);
        CHECK(bytes.find("\r\nX-Injected") == std::string::npos);
    }
    SECTION("make_request refuses what a part cannot carry") {
        auto refused = [](cfdo::worker_module module) {
            auto const built = cfdo::try_make_request(
                cfdo::upload_script{.account_id = "a",
                                    .script_name = "s",
                                    .metadata = {.version = {.main_module = module.name, .modules = {module}}}});
            return built ? std::string() : std::string(built.error().front().rule);
        };
        CHECK(refused({.name = "a\"b.mjs", .content_type = "text/plain", .content = cfdo::module_bytes{"x"}}) ==
              "module-name-not-sendable");
        CHECK(refused({.name = "metadata", .content_type = "text/plain", .content = cfdo::module_bytes{"x"}}) ==
              "module-name-reserved");
        CHECK(refused({.name = "m.mjs", .content_type = "text/plain\r\nX: 1", .content = cfdo::module_bytes{"x"}}) ==
              "module-content-type-not-sendable");
    }
    SECTION("a name cannot end the headers early") {
        auto const body =
            cfdo::multipart_body::with_parts({{"x\r\n\r\nfake content", std::nullopt, std::nullopt, "real"}});
        auto const parts = parse_multipart(body.bytes(), body.boundary);
        REQUIRE(parts.size() == 1);
        CHECK(parts[0].name == "x%0D%0A%0D%0Afake content");
        CHECK(parts[0].content == "real");
    }
    SECTION("other bytes are kept as they are") {
        auto const body = cfdo::multipart_body::with_parts({{"caf\xc3\xa9 %22;'", "f;n", "a/b; charset=utf-8", ""}});
        auto const parts = parse_multipart(body.bytes(), body.boundary);
        REQUIRE(parts.size() == 1);
        CHECK(parts[0].name == "caf\xc3\xa9 %22;'");
        CHECK(parts[0].content_type == "a/b; charset=utf-8");
    }
}

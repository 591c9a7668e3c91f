// decode_response reads Cloudflare's v4 envelope defensively: whatever the
// body (an HTML page from a proxy, a cut-off body, a new field, a changed
// shape) the caller gets either the typed result or an api_error that says
// which of those happened, with Cloudflare's own codes and messages kept.
#include <cfdo/api/responses.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

template <class Operation>
cfdo::api_result<cfdo::response_of_t<Operation>> decode(int status, std::string_view body) {
    return cfdo::decode_response<Operation>(cfdo::http_response{status, std::string(body)});
}

template <class Operation>
cfdo::response_of_t<Operation> result_of(std::string_view body) {
    auto decoded = decode<Operation>(200, body);
    if (!decoded) FAIL("decode_response failed: " << decoded.error().what());
    return std::move(*decoded);
}

template <class Operation>
cfdo::api_error error_of(int status, std::string_view body) {
    auto decoded = decode<Operation>(status, body);
    if (decoded) FAIL("decode_response accepted: " << body);
    return std::move(decoded).error();
}

std::string envelope(std::string_view result, std::string_view result_info = "") {
    std::string out = R"({"success":true,"errors":[],"messages":[],"result":)" + std::string(result);
    if (!result_info.empty()) out += R"(,"result_info":)" + std::string(result_info);
    return out + "}";
}

std::optional<std::string> cursor_of(std::string_view result_info) {
    return result_of<cfdo::list_objects>(envelope("[]", result_info)).cursor;
}

} // namespace

namespace Catch {
template <>
struct StringMaker<cfdo::api_message> {
    static std::string convert(cfdo::api_message const& m) {
        return "{" + std::to_string(m.code) + ", \"" + m.message + "\"}";
    }
};
template <>
struct StringMaker<cfdo::reconciliation_detail> {
    static std::string convert(cfdo::reconciliation_detail const& d) {
        return "{" + d.what() + (d.namespace_id ? " [namespace: " + *d.namespace_id + "]" : "") + "}";
    }
};
template <>
struct StringMaker<cfdo::api_error_kind> {
    static std::string convert(cfdo::api_error_kind kind) { return std::string(cfdo::to_string(kind)); }
};
} // namespace Catch

TEST_CASE("list_namespaces success", "[responses]") {
    auto const page = result_of<cfdo::list_namespaces>(envelope(
        R"([{"id":"5fd1cafff895419c8bcc647fc64ab8f0","class":"Counter","name":"counter_Counter",
             "script":"counter","use_sqlite":true},
            {"id":"9a8b","class":"Room","use_sqlite":false}])",
        R"({"page":1,"per_page":20,"count":2,"total_count":2,"total_pages":1})"));
    REQUIRE(page.namespaces.size() == 2);
    CHECK(page.namespaces[0] == cfdo::namespace_info{.id = "5fd1cafff895419c8bcc647fc64ab8f0",
                                                     .class_name = "Counter",
                                                     .name = "counter_Counter",
                                                     .script = "counter",
                                                     .use_sqlite = true});
    CHECK(page.namespaces[1] == cfdo::namespace_info{.id = "9a8b", .class_name = "Room", .use_sqlite = false});
    CHECK(page.info == cfdo::page_info{.page = 1, .per_page = 20, .count = 2, .total_count = 2, .total_pages = 1});

    SECTION("result_info absent or null") {
        CHECK(result_of<cfdo::list_namespaces>(envelope("[]")).info == cfdo::page_info{});
        CHECK(result_of<cfdo::list_namespaces>(envelope("[]", "null")).info == cfdo::page_info{});
        CHECK(result_of<cfdo::list_namespaces>(envelope("[]", "{}")).info == cfdo::page_info{});
    }
    SECTION("an empty page") { CHECK(result_of<cfdo::list_namespaces>(envelope("[]")).namespaces.empty()); }
}

TEST_CASE("list_objects success", "[responses]") {
    auto const page = result_of<cfdo::list_objects>(
        envelope(R"([{"id":"0123abcd","hasStoredData":true},{"id":"4567ef01","hasStoredData":false},{"id":"89ab"}])",
                 R"({"count":3,"cursors":{"after":"AAE"}})"));
    CHECK(page.objects == std::vector<cfdo::object_info>{{.id = "0123abcd", .has_stored_data = true},
                                                         {.id = "4567ef01", .has_stored_data = false},
                                                         {.id = "89ab"}});
    CHECK(page.cursor == "AAE");
    CHECK(page.count == 3);

    SECTION("the cursor is read from result_info.cursors.after") {
        CHECK(cursor_of(R"({"cursors":{"after":"next"}})") == "next");
    }
    SECTION("or from result_info.cursor") { CHECK(cursor_of(R"({"cursor":"next"})") == "next"); }
    SECTION("cursors.after is preferred when both are given") {
        CHECK(cursor_of(R"({"cursor":"from-cursor","cursors":{"after":"from-after"}})") == "from-after");
        CHECK(cursor_of(R"({"cursors":{"after":"from-after"},"cursor":"from-cursor"})") == "from-after");
    }
    SECTION("an empty cursor is no cursor") {
        CHECK(cursor_of(R"({"cursor":""})") == std::nullopt);
        CHECK(cursor_of(R"({"cursors":{"after":""}})") == std::nullopt);
        CHECK(cursor_of(R"({"cursor":"","cursors":{"after":""}})") == std::nullopt);
        CHECK(cursor_of(R"({"cursor":"next","cursors":{"after":""}})") == "next");
    }
    SECTION("no cursor at all") {
        CHECK(cursor_of(R"({"count":0})") == std::nullopt);
        CHECK(cursor_of(R"({"cursor":null,"cursors":{"after":null}})") == std::nullopt);
        CHECK(cursor_of(R"({"cursors":{}})") == std::nullopt);
        auto const no_info = result_of<cfdo::list_objects>(envelope("[]"));
        CHECK(no_info.cursor == std::nullopt);
        CHECK(no_info.count == std::nullopt);
    }
}

TEST_CASE("create_version and upload_script success", "[responses]") {
    SECTION("version_info") {
        auto const version = result_of<cfdo::create_version>(envelope(R"({
            "id": "18f97339-c287-4872-9bdd-e2135c07ec12", "number": 3,
            "created_on": "2025-08-06T12:00:00Z", "urls": ["https://counter.example.workers.dev"],
            "main_module": "worker.mjs", "compatibility_date": "2025-08-06",
            "compatibility_flags": ["nodejs_compat"], "migration_tag": "v1"})"));
        CHECK(version == cfdo::version_info{.id = "18f97339-c287-4872-9bdd-e2135c07ec12",
                                            .number = 3,
                                            .created_on = "2025-08-06T12:00:00Z",
                                            .urls = {"https://counter.example.workers.dev"},
                                            .main_module = "worker.mjs",
                                            .compatibility_date = "2025-08-06",
                                            .compatibility_flags = {"nodejs_compat"},
                                            .migration_tag = "v1"});
    }
    SECTION("any 2xx status is a success") {
        auto const created = decode<cfdo::create_version>(201, envelope(R"({"id":"v"})"));
        REQUIRE(created.has_value());
        CHECK(created->id == "v");
    }
    SECTION("version_info with only its id") {
        CHECK(result_of<cfdo::create_version>(envelope(R"({"id":"v"})")) == cfdo::version_info{.id = "v"});
    }
    SECTION("script_info") {
        auto const script = result_of<cfdo::upload_script>(envelope(R"({
            "id": "counter", "etag": "ea95132c", "created_on": "2025-08-01T00:00:00Z",
            "modified_on": "2025-08-06T00:00:00Z", "migration_tag": "v2", "startup_time_ms": 12})"));
        CHECK(script == cfdo::script_info{.id = "counter",
                                          .etag = "ea95132c",
                                          .created_on = "2025-08-01T00:00:00Z",
                                          .modified_on = "2025-08-06T00:00:00Z",
                                          .migration_tag = "v2",
                                          .startup_time_ms = 12});
    }
}

TEST_CASE("unknown fields are ignored", "[responses]") {
    SECTION("in the envelope, the result and result_info") {
        auto const page = result_of<cfdo::list_namespaces>(R"({
            "success": true, "errors": [], "messages": [{"code": 1, "message": "note"}],
            "result": [{"id": "n", "class": "C", "created_on": "x", "flags": {"a": [1]}}],
            "result_info": {"page": 1, "next": "?"}, "trace_id": "abc"})");
        REQUIRE(page.namespaces.size() == 1);
        CHECK(page.namespaces[0] == cfdo::namespace_info{.id = "n", .class_name = "C"});
        CHECK(page.info == cfdo::page_info{.page = 1});
    }
    SECTION("in a version") {
        auto const version = result_of<cfdo::create_version>(envelope(R"({
            "id": "v", "resources": {"bindings": []}, "metadata": {"author_email": "x"}, "startup_time_ms": 3})"));
        CHECK(version == cfdo::version_info{.id = "v"});
    }
}

TEST_CASE("a body that is not JSON", "[responses][errors]") {
    SECTION("an HTML error page") {
        auto const error = error_of<cfdo::list_namespaces>(502, "<html><body>Bad gateway</body></html>");
        CHECK(error.kind == cfdo::api_error_kind::not_json);
        CHECK(error.http_status == 502);
        CHECK(error.errors.empty());
        CHECK(error.detail == "syntax error at line 1, column 1");
        CHECK(error.what() == "HTTP 502: not_json; syntax error at line 1, column 1");
    }
    SECTION("an empty body") {
        auto const error = error_of<cfdo::list_objects>(200, "");
        CHECK(error.kind == cfdo::api_error_kind::not_json);
        CHECK(error.http_status == 200);
        CHECK(error.detail == "incomplete JSON at line 1, column 1");
    }
    SECTION("a truncated body") {
        auto const error = error_of<cfdo::create_version>(200, "{\"success\":true,\n\"result\":{\"id\":\"v");
        CHECK(error.kind == cfdo::api_error_kind::not_json);
        CHECK_THAT(error.detail, Catch::StartsWith("incomplete JSON at line 2"));
    }
}

TEST_CASE("JSON that is not Cloudflare's envelope", "[responses][errors]") {
    SECTION("an array") {
        auto const error = error_of<cfdo::list_namespaces>(200, "[]");
        CHECK(error.kind == cfdo::api_error_kind::not_an_envelope);
        CHECK(error.detail == "the body is not a JSON object");
    }
    SECTION("no success") {
        auto const error = error_of<cfdo::list_namespaces>(200, R"({"result":[]})");
        CHECK(error.kind == cfdo::api_error_kind::not_an_envelope);
        CHECK(error.detail == "no boolean \"success\" in the body");
    }
    SECTION("success that is not a boolean") {
        for (auto const* body :
             {R"({"success":"true","result":[]})", R"({"success":1,"result":[]})", R"({"success":null,"result":[]})"}) {
            INFO(body);
            auto const error = error_of<cfdo::list_namespaces>(200, body);
            CHECK(error.kind == cfdo::api_error_kind::not_an_envelope);
            CHECK(error.http_status == 200);
        }
    }
    SECTION("a JSON scalar") {
        CHECK(error_of<cfdo::upload_script>(500, "\"Internal Server Error\"").kind ==
              cfdo::api_error_kind::not_an_envelope);
    }
}

TEST_CASE("Cloudflare reports a failure", "[responses][errors]") {
    SECTION("success false: every code and message, in order") {
        auto const error = error_of<cfdo::upload_script>(400, R"({"success":false,
            "errors":[{"code":10074,"message":"Cannot apply new-class migration to class 'Counter'"},
                      {"code":10021,"message":"Uncaught SyntaxError",
                       "documentation_url":"https://developers.cloudflare.com/"},
                      {"code":10074,"message":"again"}],
            "messages":[],"result":null})");
        CHECK(error.kind == cfdo::api_error_kind::failure);
        CHECK(error.http_status == 400);
        CHECK(error.errors == std::vector<cfdo::api_message>{
                                  {.code = 10074, .message = "Cannot apply new-class migration to class 'Counter'"},
                                  {.code = 10021,
                                   .message = "Uncaught SyntaxError",
                                   .documentation_url = "https://developers.cloudflare.com/"},
                                  {.code = 10074, .message = "again"}});
        CHECK(error.detail.empty());
        CHECK(error.has_code(10074));
        CHECK(error.has_code(10021));
        CHECK_FALSE(error.has_code(10079));
        CHECK(error.what() == "HTTP 400: failure; Cannot apply new-class migration to class 'Counter' [code: 10074]; "
                              "Uncaught SyntaxError [code: 10021]; again [code: 10074]");
    }
    SECTION("success false with HTTP 200") {
        auto const error =
            error_of<cfdo::create_version>(200, R"({"success":false,"errors":[{"code":7003,"message":"m"}]})");
        CHECK(error.kind == cfdo::api_error_kind::failure);
        CHECK(error.http_status == 200);
        CHECK(error.errors == std::vector<cfdo::api_message>{{.code = 7003, .message = "m"}});
    }
    SECTION("success false without errors") {
        for (auto const* body :
             {R"({"success":false})", R"({"success":false,"errors":null})", R"({"success":false,"errors":[]})"}) {
            INFO(body);
            auto const error = error_of<cfdo::list_objects>(200, body);
            CHECK(error.kind == cfdo::api_error_kind::failure);
            CHECK(error.errors.empty());
            CHECK(error.detail.empty());
            CHECK(error.what() == "HTTP 200: failure");
        }
    }
    SECTION("an HTTP error status, whatever success says") {
        for (int const status : {400, 403, 404, 500, 503}) {
            INFO("HTTP " << status);
            auto const error = error_of<cfdo::list_namespaces>(status, envelope("[]"));
            CHECK(error.kind == cfdo::api_error_kind::failure);
            CHECK(error.http_status == status);
            CHECK(error.detail == "success with an HTTP error status");
        }
    }
    SECTION("what() shows control bytes of the server's messages escaped") {
        auto const error = error_of<cfdo::create_version>(
            400, R"({"success":false,"errors":[{"code":10021,"message":"Uncaught\n\u001b[31mError"}]})");
        CHECK(error.errors[0].message == "Uncaught\n\x1b[31mError");
        CHECK(error.what() == "HTTP 400: failure; Uncaught\\x0a\\x1b[31mError [code: 10021]");
    }
    SECTION("a malformed item of errors keeps the well-formed ones and says where it is") {
        auto const error = error_of<cfdo::list_namespaces>(403, R"({"success":false,
            "errors":[{"code":10000,"message":"Authentication error"},
                      {"code":"10001","message":"code as a string"},
                      {"code":9109,"message":"Invalid access token","documentation_url":"https://x.test/"},
                      "not an object",
                      {"message":"no code"}]})");
        CHECK(error.kind == cfdo::api_error_kind::failure);
        CHECK(error.errors ==
              std::vector<cfdo::api_message>{
                  {.code = 10000, .message = "Authentication error"},
                  {.code = 9109, .message = "Invalid access token", .documentation_url = "https://x.test/"}});
        CHECK(error.has_code(10000));
        CHECK(error.has_code(9109));
        CHECK(error.detail == "malformed \"errors\": at /errors/1/code: expected an integer, got a string; "
                              "malformed \"errors\": at /errors/3: expected an object, got a string; "
                              "malformed \"errors\": at /errors/4/code: missing required field \"code\"");
    }
    SECTION("errors that are not an array") {
        auto const error = error_of<cfdo::list_namespaces>(200, R"({"success":false,"errors":{"code":1}})");
        CHECK(error.errors.empty());
        CHECK(error.detail == "malformed \"errors\": at /errors: expected an array, got an object");
    }
    SECTION("a malformed errors array with an HTTP error status reports both") {
        auto const error = error_of<cfdo::list_namespaces>(500, R"({"success":true,"errors":[{"message":"m"}]})");
        CHECK(error.errors.empty());
        CHECK(error.detail == "malformed \"errors\": at /errors/0/code: missing required field \"code\"; "
                              "success with an HTTP error status");
    }
}

TEST_CASE("success with a result of the wrong shape", "[responses][errors]") {
    auto check_unexpected = [](cfdo::api_error const& error, std::string const& detail) {
        CHECK(error.kind == cfdo::api_error_kind::unexpected_result);
        CHECK(error.http_status == 200);
        CHECK(error.errors.empty());
        CHECK(error.detail == detail);
    };
    SECTION("result of the wrong type") {
        check_unexpected(error_of<cfdo::list_namespaces>(200, envelope("{}")),
                         "at /result: expected an array, got an object");
        check_unexpected(error_of<cfdo::create_version>(200, envelope("[]")),
                         "at /result: expected an object, got an array");
    }
    SECTION("result missing or null") {
        check_unexpected(error_of<cfdo::list_objects>(200, R"({"success":true})"),
                         "at /result: expected an array, got null");
        check_unexpected(error_of<cfdo::upload_script>(200, envelope("null")),
                         "at /result: expected an object, got null");
    }
    SECTION("a member of the wrong type, with its JSON pointer") {
        check_unexpected(error_of<cfdo::list_namespaces>(200, envelope(R"([{"id":"a"},{"id":5}])")),
                         "at /result/1/id: expected a string, got a number");
        check_unexpected(error_of<cfdo::list_objects>(200, envelope(R"([{"id":"o","hasStoredData":"yes"}])")),
                         "at /result/0/hasStoredData: expected a boolean, got a string");
        check_unexpected(error_of<cfdo::create_version>(200, envelope(R"({"id":"v","number":1.5})")),
                         "at /result/number: expected an integer from -9223372036854775808 to "
                         "9223372036854775807, got 1.5E0");
    }
    SECTION("a required member missing") {
        check_unexpected(error_of<cfdo::create_version>(200, envelope(R"({"number":1})")),
                         "at /result/id: missing required field \"id\"");
    }
    SECTION("result_info of the wrong shape") {
        check_unexpected(error_of<cfdo::list_namespaces>(200, envelope("[]", R"({"total_pages":"2"})")),
                         "at /result_info/total_pages: expected an integer, got a string");
        check_unexpected(error_of<cfdo::list_objects>(200, envelope("[]", R"({"cursors":{"after":7}})")),
                         "at /result_info/cursors/after: expected a string, got a number");
        check_unexpected(error_of<cfdo::list_objects>(200, envelope("[]", "[]")),
                         "at /result_info: expected an object, got an array");
    }
    SECTION("what() gives the pointer") {
        CHECK(error_of<cfdo::list_namespaces>(200, envelope("{}")).what() ==
              "HTTP 200: unexpected_result; at /result: expected an array, got an object");
    }
}

TEST_CASE("api_error_kind names", "[responses]") {
    CHECK(cfdo::to_string(cfdo::api_error_kind::not_json) == "not_json");
    CHECK(cfdo::to_string(cfdo::api_error_kind::not_an_envelope) == "not_an_envelope");
    CHECK(cfdo::to_string(cfdo::api_error_kind::failure) == "failure");
    CHECK(cfdo::to_string(cfdo::api_error_kind::unexpected_result) == "unexpected_result");
    CHECK(cfdo::to_string(cfdo::api_error_kind::pagination_loop) == "pagination_loop");
}

TEST_CASE("HTTP 429 is rate_limited, with the Retry-After the server sent", "[responses]") {
    auto decode = [](std::string body, std::vector<cfdo::header> headers) {
        auto const decoded = cfdo::decode_response<cfdo::list_namespaces>(
            {.status = 429, .body = std::move(body), .headers = std::move(headers)});
        REQUIRE_FALSE(decoded.has_value());
        return decoded.error();
    };
    SECTION("Cloudflare's envelope and a delay in seconds") {
        auto const error = decode(
            R"({"success":false,"errors":[{"code":10429,"message":"Too many requests"}],"messages":[],"result":null})",
            {{"retry-after", "30"}});
        CHECK(error.kind == cfdo::api_error_kind::rate_limited);
        CHECK(error.http_status == 429);
        CHECK(error.has_code(10429));
        REQUIRE(error.retry_after);
        CHECK(error.retry_after->count() == 30);
        CHECK(error.what() == "HTTP 429: rate_limited; Too many requests [code: 10429]; retry after 30 s");
    }
    SECTION("a proxy's page and no delay") {
        auto const error = decode("<html>slow down</html>", {});
        CHECK(error.kind == cfdo::api_error_kind::rate_limited);
        CHECK_FALSE(error.retry_after);
        CHECK(error.errors.empty());
    }
    SECTION("an HTTP-date is kept as text, a hostile value is not a number") {
        CHECK(decode("", {{"Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT"}}).detail ==
              "Retry-After: Wed, 21 Oct 2026 07:28:00 GMT");
        CHECK_FALSE(decode("", {{"Retry-After", "99999999999999999999"}}).retry_after);
        CHECK_FALSE(decode("", {{"Retry-After", "-5"}}).retry_after);
    }
}

TEST_CASE("a Worker that does not exist is said so", "[responses]") {
    auto const decoded = cfdo::decode_response<cfdo::get_worker_service>(
        {404,
         R"({"success":false,"errors":[{"code":10007,"message":"This Worker does not exist on your account."}],"messages":[],"result":null})"});
    REQUIRE_FALSE(decoded.has_value());
    CHECK(decoded.error().is_no_such_worker());
    auto const other = cfdo::decode_response<cfdo::get_worker_service>(
        {404, R"({"success":false,"errors":[{"code":7003,"message":"No route"}],"messages":[],"result":null})"});
    CHECK_FALSE(other.error().is_no_such_worker());
}

// Cloudflare's 100402, as the OpenAPI schema and wrangler's tests shape it:
// one aggregate error whose reasons, class by class, are in meta.details.
TEST_CASE("an exports reconciliation failure keeps its details", "[responses][errors]") {
    auto const error = error_of<cfdo::upload_script>(400, R"({"success":false,
        "errors":[{"code":100402,"message":"Durable Object exports reconciliation failed",
          "meta":{"details":[
            {"class":"Counter","scenario":"storage_type_mismatch",
             "message":"Class 'Counter' is provisioned with key-value storage, but exports declares 'sqlite'",
             "namespace_id":"5fd1cafff895419c8bcc647fc64ab8f0"},
            {"class":"Room","scenario":"tombstone_delete_blocked_by_external_bindings",
             "message":"Cannot delete class 'Room' while other Workers bind to it",
             "namespace_id":"9a8b","referencing_scripts":["chat-api","lobby"],
             "suggestion":"Redeploy chat-api and lobby without the binding first"}]}}],
        "messages":[],"result":null})");
    CHECK(error.kind == cfdo::api_error_kind::failure);
    CHECK(error.http_status == 400);
    CHECK(error.is_exports_reconciliation_failure());
    CHECK(error.detail.empty());
    REQUIRE(error.errors.size() == 1);
    CHECK(error.errors[0].code == 100402);
    CHECK(error.errors[0].details ==
          std::vector<cfdo::reconciliation_detail>{
              {.class_name = "Counter",
               .scenario = "storage_type_mismatch",
               .message = "Class 'Counter' is provisioned with key-value storage, but exports declares 'sqlite'",
               .namespace_id = "5fd1cafff895419c8bcc647fc64ab8f0"},
              {.class_name = "Room",
               .scenario = "tombstone_delete_blocked_by_external_bindings",
               .message = "Cannot delete class 'Room' while other Workers bind to it",
               .namespace_id = "9a8b",
               .referencing_scripts = {"chat-api", "lobby"},
               .suggestion = "Redeploy chat-api and lobby without the binding first"}});
    CHECK(error.what() ==
          "HTTP 400: failure; Durable Object exports reconciliation failed [code: 100402]; "
          "Counter: storage_type_mismatch: Class 'Counter' is provisioned with key-value storage, but exports "
          "declares 'sqlite'; "
          "Room: tombstone_delete_blocked_by_external_bindings: Cannot delete class 'Room' while other Workers bind "
          "to it [suggestion: Redeploy chat-api and lobby without the binding first] "
          "[referencing scripts: chat-api, lobby]");

    SECTION("a scenario cfdo does not know is kept as text") {
        auto const unknown = error_of<cfdo::create_version>(400, R"({"success":false,"errors":[{"code":100402,
            "message":"m","meta":{"details":[{"class":"A","scenario":"some_future_scenario","message":"new"}]}}]})");
        REQUIRE(unknown.errors.size() == 1);
        CHECK(unknown.errors[0].details ==
              std::vector<cfdo::reconciliation_detail>{
                  {.class_name = "A", .scenario = "some_future_scenario", .message = "new"}});
        CHECK(unknown.detail.empty());
    }
    SECTION("without meta, or with a null meta or details, a 100402 has no details and nothing is wrong") {
        for (auto const* meta :
             {"", R"(,"meta":null)", R"(,"meta":{})", R"(,"meta":{"details":null})", R"(,"meta":{"details":[]})"}) {
            INFO(meta);
            auto const bare = error_of<cfdo::create_version>(
                400, R"({"success":false,"errors":[{"code":100402,"message":"m")" + std::string(meta) + "}]}");
            CHECK(bare.is_exports_reconciliation_failure());
            REQUIRE(bare.errors.size() == 1);
            CHECK(bare.errors[0].details.empty());
            CHECK(bare.detail.empty());
            CHECK(bare.what() == "HTTP 400: failure; m [code: 100402]");
        }
    }
    SECTION("another failure is not one") {
        auto const other = error_of<cfdo::upload_script>(
            400, R"({"success":false,"errors":[{"code":10074,"message":"Cannot apply new-class migration"}]})");
        CHECK_FALSE(other.is_exports_reconciliation_failure());
        CHECK(other.errors[0].details.empty());
    }
    SECTION("another code's meta is not read: only 100402 documents one") {
        auto const other = error_of<cfdo::upload_script>(400, R"({"success":false,"errors":[
            {"code":10021,"message":"m","meta":{"details":[{"class":"A","scenario":"s","message":"x"}]}},
            {"code":10022,"message":"n","meta":"not an object"}]})");
        REQUIRE(other.errors.size() == 2);
        CHECK(other.errors[0].details.empty());
        CHECK(other.errors[1].details.empty());
        CHECK(other.detail.empty());
    }
}

TEST_CASE("a malformed meta never costs the 100402 itself", "[responses][errors][hostile]") {
    auto const failure = [](std::string_view meta) {
        return error_of<cfdo::upload_script>(400, R"({"success":false,"errors":[{"code":100402,"message":"failed",)" +
                                                      std::string(meta) + R"(},{"code":10021,"message":"next"}]})");
    };
    auto const codes_kept = [](cfdo::api_error const& error) {
        CHECK(error.is_exports_reconciliation_failure());
        CHECK(error.has_code(10021));
        CHECK(error.errors.size() == 2);
    };
    SECTION("meta that is not an object") {
        auto const error = failure(R"("meta":["details"])");
        codes_kept(error);
        CHECK(error.errors[0].details.empty());
        CHECK(error.detail == "malformed \"errors\": at /errors/0/meta: expected an object, got an array");
    }
    SECTION("details that are not an array") {
        auto const error = failure(R"("meta":{"details":{"class":"A","scenario":"s","message":"m"}})");
        codes_kept(error);
        CHECK(error.errors[0].details.empty());
        CHECK(error.detail == "malformed \"errors\": at /errors/0/meta/details: expected an array, got an object");
    }
    SECTION("malformed items are skipped, the well-formed ones kept, each problem at its pointer") {
        auto const error = failure(R"("meta":{"details":[
            {"class":"A","scenario":"invalid_export","message":"first"},
            {"class":"B","message":"no scenario"},
            "not an object",
            {"class":"C","scenario":"stale_tombstone","message":"m","referencing_scripts":"w"},
            {"class":"D","scenario":"stale_tombstone","message":"last","suggestion":"drop it"}]})");
        codes_kept(error);
        CHECK(error.errors[0].details ==
              std::vector<cfdo::reconciliation_detail>{
                  {.class_name = "A", .scenario = "invalid_export", .message = "first"},
                  {.class_name = "D", .scenario = "stale_tombstone", .message = "last", .suggestion = "drop it"}});
        CHECK(error.detail ==
              "malformed \"errors\": at /errors/0/meta/details/1/scenario: missing required field \"scenario\"; "
              "malformed \"errors\": at /errors/0/meta/details/2: expected an object, got a string; "
              "malformed \"errors\": at /errors/0/meta/details/3/referencing_scripts: expected an array, got a "
              "string");
        CHECK(error.what() == "HTTP 400: failure; failed [code: 100402]; A: invalid_export: first; "
                              "D: stale_tombstone: last [suggestion: drop it]; next [code: 10021]; " +
                                  error.detail);
    }
    SECTION("control bytes in the server's text are kept, and escaped in what()") {
        auto const error = failure(R"("meta":{"details":[{"class":"Counter\r\nFAKE: 1",
            "scenario":"storage_type_mismatch\u0007","message":"bad\n\u001b[2Jstorage",
            "referencing_scripts":["w\u001b]0;x\u0007"],"suggestion":"use \u007f sqlite"}]})");
        codes_kept(error);
        REQUIRE(error.errors[0].details.size() == 1);
        auto const& detail = error.errors[0].details[0];
        CHECK(detail.class_name == "Counter\r\nFAKE: 1");
        CHECK(detail.message == "bad\n\x1b[2Jstorage");
        CHECK(detail.what() == "Counter\\x0d\\x0aFAKE: 1: storage_type_mismatch\\x07: bad\\x0a\\x1b[2Jstorage "
                               "[suggestion: use \\x7f sqlite] [referencing scripts: w\\x1b]0;x\\x07]");
        auto const text = error.what();
        CHECK(text.find(detail.what()) != std::string::npos);
        CHECK(text.find_first_of("\r\n\x1b\x07\x7f") == std::string::npos);
    }
}

TEST_CASE("a version created with exports says how they were reconciled", "[responses]") {
    auto const version = result_of<cfdo::create_version>(envelope(R"({"id":"v",
        "exports_reconciliation":{
          "created":["Chat"],"updated":[],"deleted":["Old"],
          "renamed":[{"from":"Room","to":"ChatRoom"}],
          "transfer_pending":[{"class":"Inbox","from":"mail-worker"}],
          "transferred":[{"class":"Queue","phase":"committed","to":"queue-worker"}],
          "warnings":[{"class":"X","scenario":"a_new_warning","message":"w","namespace_id":"n1"}],
          "info":[{"class":"Room","scenario":"tombstone_class_still_in_code","message":"i",
                   "referencing_scripts":["lobby"]}],
          "removable_entries":["Old"]}})"));
    REQUIRE(version.exports_reconciliation);
    auto const& summary = *version.exports_reconciliation;
    CHECK(summary ==
          cfdo::exports_reconciliation_summary{
              .created = {"Chat"},
              .deleted = {"Old"},
              .renamed = {{.from = "Room", .to = "ChatRoom"}},
              .transferred = {{.class_name = "Queue", .phase = "committed", .to = "queue-worker"}},
              .transfer_pending = {{.class_name = "Inbox", .from = "mail-worker"}},
              .warnings = {{.class_name = "X", .scenario = "a_new_warning", .message = "w", .namespace_id = "n1"}},
              .info = {{.class_name = "Room",
                        .scenario = "tombstone_class_still_in_code",
                        .message = "i",
                        .referencing_scripts = {"lobby"}}},
              .removable_entries = {"Old"}});

    SECTION("absent without exports, arrays absent read as empty") {
        CHECK_FALSE(result_of<cfdo::create_version>(envelope(R"({"id":"v"})")).exports_reconciliation);
        CHECK(result_of<cfdo::create_version>(envelope(R"({"id":"v","exports_reconciliation":{}})"))
                  .exports_reconciliation == cfdo::exports_reconciliation_summary{});
    }
    SECTION("a summary of the wrong shape is a result of the wrong shape") {
        auto const error = error_of<cfdo::create_version>(
            200, envelope(R"({"id":"v","exports_reconciliation":{"info":[{"class":"A","message":"m"}]}})"));
        CHECK(error.kind == cfdo::api_error_kind::unexpected_result);
        CHECK(error.detail == "at /result/exports_reconciliation/info/0/scenario: missing required field \"scenario\"");
    }
}

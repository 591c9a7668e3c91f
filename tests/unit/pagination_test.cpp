// The pagination helpers drive a transport the caller owns. A scripted fake
// transport records every request and answers with canned responses, so
// that each test states exactly which requests are sent, in which order, and
// when the helpers must stop sending.
#include <cfdo/api/pagination.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

constexpr std::string_view namespaces_path = "/accounts/acc/workers/durable_objects/namespaces";
constexpr std::string_view objects_path = "/accounts/acc/workers/durable_objects/namespaces/ns/objects";

// Canned responses, and every request the helpers sent.
struct script {
    std::vector<cfdo::http_response> responses;
    std::vector<cfdo::request> sent;

    auto transport() {
        return [this](cfdo::request const& r) -> cfdo::http_response {
            sent.push_back(r);
            if (sent.size() > responses.size()) FAIL("unexpected request " << sent.size() << ": " << r.target());
            return responses[sent.size() - 1];
        };
    }

    // The targets sent, relative to `path` ("" for the path itself).
    std::vector<std::string> queries(std::string_view path) const {
        std::vector<std::string> out;
        for (auto const& r : sent) {
            CHECK(r.method == cfdo::http_method::get);
            CHECK(r.path == path);
            out.push_back(r.target().substr(path.size()));
        }
        return out;
    }
};

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

cfdo::http_response namespaces_page(std::vector<std::string> const& ids, std::optional<int> total_pages = {}) {
    std::string result = "[";
    for (auto const& id : ids) result += (result.size() > 1 ? "," : "") + std::string(R"({"id":)") + quoted(id) + "}";
    result += "]";
    std::string info = total_pages ? R"(,"result_info":{"total_pages":)" + std::to_string(*total_pages) + "}" : "";
    return {200, R"({"success":true,"errors":[],"messages":[],"result":)" + result + info + "}"};
}

// `cursor_json` is result_info's content, e.g. R"("cursor":"A")".
cfdo::http_response objects_page(std::vector<std::string> const& ids, std::string_view cursor_json = "") {
    std::string result = "[";
    for (auto const& id : ids) result += (result.size() > 1 ? "," : "") + std::string(R"({"id":)") + quoted(id) + "}";
    result += "]";
    return {200, R"({"success":true,"errors":[],"messages":[],"result":)" + result + R"(,"result_info":{)" +
                     std::string(cursor_json) + "}}"};
}

cfdo::http_response failure(int status, int code, std::string_view message) {
    return {status, R"({"success":false,"errors":[{"code":)" + std::to_string(code) + R"(,"message":)" +
                        quoted(message) + R"(}],"messages":[],"result":null})"};
}

std::vector<std::string> ids_of(std::vector<cfdo::namespace_info> const& namespaces) {
    std::vector<std::string> out;
    for (auto const& n : namespaces) out.push_back(n.id.value_or("?"));
    return out;
}

std::vector<std::string> ids_of(std::vector<cfdo::object_info> const& objects) {
    std::vector<std::string> out;
    for (auto const& o : objects) out.push_back(o.id.value_or("?"));
    return out;
}

using strings = std::vector<std::string>;

cfdo::list_namespaces account_namespaces(std::optional<std::uint32_t> page = {},
                                         std::optional<std::uint32_t> per_page = {}) {
    return {.account_id = "acc", .page = page, .per_page = per_page};
}

cfdo::list_objects namespace_objects(std::optional<cfdo::text> cursor = {}, std::optional<std::uint32_t> limit = {}) {
    return {.account_id = "acc", .namespace_id = "ns", .cursor = std::move(cursor), .limit = limit};
}

} // namespace

TEST_CASE("call sends one request and decodes its answer", "[pagination]") {
    script s{{namespaces_page({"a"})}, {}};
    auto const result = cfdo::call(s.transport(), account_namespaces({}, 5));
    REQUIRE(result.has_value());
    CHECK(ids_of(result->namespaces) == strings{"a"});
    CHECK(s.queries(namespaces_path) == strings{"?per_page=5"});

    SECTION("and returns Cloudflare's error") {
        script failing{{failure(403, 10000, "Authentication error")}, {}};
        auto const error = cfdo::call(failing.transport(), account_namespaces());
        REQUIRE_FALSE(error.has_value());
        CHECK(error.error().kind == cfdo::api_error_kind::failure);
        CHECK(error.error().has_code(10000));
    }
}

TEST_CASE("namespace pages are requested 1, 2, 3 until one comes back empty", "[pagination]") {
    script s{{namespaces_page({"a", "b"}), namespaces_page({"c"}), namespaces_page({"d"}), namespaces_page({})}, {}};
    std::vector<strings> pages;
    auto const error =
        cfdo::for_each_namespace_page(s.transport(), account_namespaces(), [&](cfdo::namespace_page const& page) {
            pages.push_back(ids_of(page.namespaces));
        });
    CHECK_FALSE(error.has_value());
    // The first request carries no page parameter, as the SDK sends it.
    CHECK(s.queries(namespaces_path) == strings{"", "?page=2", "?page=3", "?page=4"});
    CHECK(pages == std::vector<strings>{{"a", "b"}, {"c"}, {"d"}});
}

TEST_CASE("namespace paging starts at the given page and keeps per_page", "[pagination]") {
    script s{{namespaces_page({"a"}), namespaces_page({})}, {}};
    auto const all = cfdo::list_all_namespaces(s.transport(), account_namespaces(3, 50));
    REQUIRE(all.has_value());
    CHECK(ids_of(*all) == strings{"a"});
    CHECK(s.queries(namespaces_path) == strings{"?page=3&per_page=50", "?page=4&per_page=50"});
}

TEST_CASE("namespace paging stops when result_info.total_pages is reached", "[pagination]") {
    SECTION("without an empty page after the last") {
        script s{{namespaces_page({"a"}, 2), namespaces_page({"b"}, 2)}, {}};
        auto const all = cfdo::list_all_namespaces(s.transport(), account_namespaces());
        REQUIRE(all.has_value());
        CHECK(ids_of(*all) == strings{"a", "b"});
        CHECK(s.queries(namespaces_path) == strings{"", "?page=2"});
    }
    SECTION("a single page") {
        script s{{namespaces_page({"a"}, 1)}, {}};
        CHECK(cfdo::list_all_namespaces(s.transport(), account_namespaces()).has_value());
        CHECK(s.sent.size() == 1);
    }
    SECTION("counted from the page paging started at") {
        script s{{namespaces_page({"c"}, 3)}, {}};
        CHECK(cfdo::list_all_namespaces(s.transport(), account_namespaces(3)).has_value());
        CHECK(s.queries(namespaces_path) == strings{"?page=3"});
    }
}

TEST_CASE("a page callback returning false stops the paging", "[pagination]") {
    SECTION("namespaces") {
        script s{{namespaces_page({"a"}), namespaces_page({"b"}), namespaces_page({"c"})}, {}};
        int calls = 0;
        auto const error = cfdo::for_each_namespace_page(s.transport(), account_namespaces(),
                                                         [&](cfdo::namespace_page const&) { return ++calls < 2; });
        CHECK_FALSE(error.has_value());
        CHECK(calls == 2);
        CHECK(s.sent.size() == 2);
    }
    SECTION("objects") {
        script s{{objects_page({"o1"}, R"("cursor":"A")"), objects_page({"o2"}, R"("cursor":"B")")}, {}};
        int calls = 0;
        auto const stop = [&](cfdo::object_page const&) {
            ++calls;
            return false;
        };
        auto const error = cfdo::for_each_object_page(s.transport(), namespace_objects(), stop);
        CHECK_FALSE(error.has_value());
        CHECK(calls == 1);
        CHECK(s.sent.size() == 1);
    }
}

TEST_CASE("the first API error is returned and nothing more is sent", "[pagination]") {
    SECTION("namespaces") {
        script s{{namespaces_page({"a"}), failure(429, 10429, "rate limited"), namespaces_page({"c"})}, {}};
        strings seen;
        auto const error =
            cfdo::for_each_namespace_page(s.transport(), account_namespaces(), [&](cfdo::namespace_page const& page) {
                for (auto const& id : ids_of(page.namespaces)) seen.push_back(id);
            });
        REQUIRE(error.has_value());
        CHECK(error->kind == cfdo::api_error_kind::rate_limited);
        CHECK(error->http_status == 429);
        CHECK(error->has_code(10429));
        CHECK(seen == strings{"a"});
        CHECK(s.sent.size() == 2);
    }
    SECTION("list_all_namespaces gives the error, not a partial list") {
        script s{{namespaces_page({"a"}), {502, "<html>Bad gateway</html>"}}, {}};
        auto const all = cfdo::list_all_namespaces(s.transport(), account_namespaces());
        REQUIRE_FALSE(all.has_value());
        CHECK(all.error().kind == cfdo::api_error_kind::not_json);
        CHECK(all.error().http_status == 502);
        CHECK(s.sent.size() == 2);
    }
    SECTION("objects") {
        script s{{objects_page({"o1"}, R"("cursor":"A")"), failure(500, 10013, "internal"), objects_page({"o3"})}, {}};
        auto const all = cfdo::list_all_objects(s.transport(), namespace_objects());
        REQUIRE_FALSE(all.has_value());
        CHECK(all.error().has_code(10013));
        CHECK(s.sent.size() == 2);
    }
}

TEST_CASE("object pages follow the cursor until a page has none", "[pagination]") {
    SECTION("from either location of the cursor") {
        script s{{objects_page({"o1", "o2"}, R"("cursors":{"after":"A"})"), objects_page({"o3"}, R"("cursor":"B")"),
                  objects_page({"o4"}, R"("count":1)")},
                 {}};
        auto const all = cfdo::list_all_objects(s.transport(), namespace_objects({}, 100));
        REQUIRE(all.has_value());
        CHECK(ids_of(*all) == strings{"o1", "o2", "o3", "o4"});
        CHECK(s.queries(objects_path) == strings{"?limit=100", "?cursor=A&limit=100", "?cursor=B&limit=100"});
    }
    SECTION("an empty cursor ends the listing") {
        script s{{objects_page({"o1"}, R"("cursor":"","cursors":{"after":""})")}, {}};
        auto const all = cfdo::list_all_objects(s.transport(), namespace_objects());
        REQUIRE(all.has_value());
        CHECK(ids_of(*all) == strings{"o1"});
        CHECK(s.sent.size() == 1);
    }
    SECTION("starting from a given cursor") {
        script s{{objects_page({"o9"})}, {}};
        auto const all = cfdo::list_all_objects(s.transport(), namespace_objects("start"));
        REQUIRE(all.has_value());
        CHECK(s.queries(objects_path) == strings{"?cursor=start"});
    }
    SECTION("an empty page with a cursor is skipped, not the end") {
        script s{{objects_page({}, R"("cursor":"A")"), objects_page({"o1"})}, {}};
        int calls = 0;
        auto const error =
            cfdo::for_each_object_page(s.transport(), namespace_objects(), [&](cfdo::object_page const& page) {
                ++calls;
                CHECK(ids_of(page.objects) == strings{"o1"});
            });
        CHECK_FALSE(error.has_value());
        CHECK(calls == 1);
        CHECK(s.sent.size() == 2);
    }
}

TEST_CASE("a cursor seen twice is a pagination loop, not an endless listing", "[pagination]") {
    SECTION("A, B, A") {
        script s{{objects_page({"o1"}, R"("cursor":"A")"), objects_page({"o2"}, R"("cursor":"B")"),
                  objects_page({"o3"}, R"("cursor":"A")")},
                 {}};
        auto const all = cfdo::list_all_objects(s.transport(), namespace_objects());
        REQUIRE_FALSE(all.has_value());
        CHECK(all.error().kind == cfdo::api_error_kind::pagination_loop);
        CHECK(all.error().http_status == 200);
        CHECK(all.error().detail == "the cursor \"A\" was already followed");
        CHECK(s.queries(objects_path) == strings{"", "?cursor=A", "?cursor=B"});
    }
    SECTION("the starting cursor counts as followed") {
        script s{{objects_page({"o1"}, R"("cursors":{"after":"start"})")}, {}};
        auto const error =
            cfdo::for_each_object_page(s.transport(), namespace_objects("start"), [](cfdo::object_page const&) {});
        REQUIRE(error.has_value());
        CHECK(error->kind == cfdo::api_error_kind::pagination_loop);
        CHECK(s.sent.size() == 1);
    }
    SECTION("the cursor is quoted with its control bytes escaped") {
        script s{{objects_page({"o1"}, R"("cursor":"A\nB")"), objects_page({"o2"}, R"("cursor":"A\nB")")}, {}};
        auto const error =
            cfdo::for_each_object_page(s.transport(), namespace_objects(), [](cfdo::object_page const&) {});
        REQUIRE(error.has_value());
        CHECK(error->kind == cfdo::api_error_kind::pagination_loop);
        CHECK(error->detail == "the cursor \"A\\x0aB\" was already followed");
    }
    SECTION("a page that repeats its own cursor") {
        script s{{objects_page({}, R"("cursor":"A")"), objects_page({}, R"("cursor":"A")")}, {}};
        auto const error =
            cfdo::for_each_object_page(s.transport(), namespace_objects(), [](cfdo::object_page const&) {});
        REQUIRE(error.has_value());
        CHECK(error->kind == cfdo::api_error_kind::pagination_loop);
        CHECK(s.sent.size() == 2);
    }
}

TEST_CASE("a namespace page sent again is a pagination loop, not 2^32 requests", "[pagination]") {
    SECTION("a server that ignores page and omits total_pages") {
        script s{{namespaces_page({"a", "b"}), namespaces_page({"a", "b"}), namespaces_page({"a", "b"})}, {}};
        std::vector<strings> pages;
        auto const error =
            cfdo::for_each_namespace_page(s.transport(), account_namespaces(), [&](cfdo::namespace_page const& page) {
                pages.push_back(ids_of(page.namespaces));
            });
        REQUIRE(error.has_value());
        CHECK(error->kind == cfdo::api_error_kind::pagination_loop);
        CHECK(error->http_status == 200);
        CHECK(error->detail == "page 2 has the same items as page 1: the server ignores the page parameter");
        CHECK(pages == std::vector<strings>{{"a", "b"}});
        CHECK(s.queries(namespaces_path) == strings{"", "?page=2"});
    }
    SECTION("counted from the page paging started at") {
        script s{{namespaces_page({"c"}), namespaces_page({"d"}), namespaces_page({"d"})}, {}};
        auto const all = cfdo::list_all_namespaces(s.transport(), account_namespaces(7));
        REQUIRE_FALSE(all.has_value());
        CHECK(all.error().kind == cfdo::api_error_kind::pagination_loop);
        CHECK(all.error().detail == "page 9 has the same items as page 8: the server ignores the page parameter");
        CHECK(s.sent.size() == 3);
    }
    SECTION("pages that differ, even by one namespace, go on") {
        script s{{namespaces_page({"a", "b"}), namespaces_page({"a", "c"}), namespaces_page({})}, {}};
        auto const all = cfdo::list_all_namespaces(s.transport(), account_namespaces());
        REQUIRE(all.has_value());
        CHECK(ids_of(*all) == strings{"a", "b", "a", "c"});
    }
}

TEST_CASE("invalid parameters throw before any request is sent", "[pagination]") {
    script s{{namespaces_page({"a"}), objects_page({"o"})}, {}};
    SECTION("call") {
        CHECK_THROWS_AS(cfdo::call(s.transport(), cfdo::list_namespaces{.account_id = "a/b"}), cfdo::invalid_request);
    }
    SECTION("namespaces") {
        CHECK_THROWS_AS(
            cfdo::for_each_namespace_page(s.transport(), account_namespaces(0), [](cfdo::namespace_page const&) {}),
            cfdo::invalid_request);
        CHECK_THROWS_AS(cfdo::list_all_namespaces(s.transport(), account_namespaces({}, 101)), cfdo::invalid_request);
    }
    SECTION("objects") {
        CHECK_THROWS_AS(cfdo::list_all_objects(s.transport(), namespace_objects({}, 5)), cfdo::invalid_request);
        try {
            (void)cfdo::list_all_objects(s.transport(), cfdo::list_objects{.account_id = "acc", .namespace_id = ".."});
            FAIL("list_all_objects accepted a namespace_id of \"..\"");
        } catch (cfdo::invalid_request const& e) {
            REQUIRE(e.diagnostics().size() == 1);
            CHECK(e.diagnostics()[0].rule == "path-parameter-dot-segment");
        }
    }
    CHECK(s.sent.empty());
}

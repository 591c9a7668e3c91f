// cfdo::pretty_json: indented JSON for people and golden files. It must
// write the same value as Boost.JSON's serializer, and a value built in code
// may be nested far deeper than anything parse_json accepts.
#include <cfdo/json/parse.hpp>
#include <cfdo/json/pretty.hpp>
#include <cfdo/support/json_syntax.hpp>

#include <catch2/catch.hpp>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <string>
#include <utility>

namespace {

std::string without_whitespace(std::string const& text) {
    std::string out;
    for (char const c : text)
        if (c != ' ' && c != '\n') out += c;
    return out;
}

// `depth` arrays, each holding the next; the innermost is empty.
boost::json::value nested_arrays(std::size_t depth) {
    boost::json::value v = boost::json::array();
    for (std::size_t level = 1; level < depth; ++level) {
        boost::json::array outer;
        outer.push_back(std::move(v));
        v = std::move(outer);
    }
    return v;
}

} // namespace

TEST_CASE("pretty_json indents by two spaces and keeps the order of keys", "[json][pretty]") {
    auto const v = cfdo::parse_json(R"({"b":[1,{"c":null}],"a":{},"e":[],"s":"x y"})").value();
    CHECK(cfdo::pretty_json(v) == "{\n"
                                  "  \"b\": [\n"
                                  "    1,\n"
                                  "    {\n"
                                  "      \"c\": null\n"
                                  "    }\n"
                                  "  ],\n"
                                  "  \"a\": {},\n"
                                  "  \"e\": [],\n"
                                  "  \"s\": \"x y\"\n"
                                  "}");
}

TEST_CASE("pretty_json indents every level that parse_json accepts", "[json][pretty]") {
    auto const source = std::string(cfdo::json_max_depth, '[') + std::string(cfdo::json_max_depth, ']');
    auto const v = cfdo::parse_json(source).value();
    auto const pretty = cfdo::pretty_json(v);
    CHECK(pretty.find("[[") == std::string::npos);
    CHECK(without_whitespace(pretty) == source);
}

TEST_CASE("pretty_json writes levels beyond json_max_depth on one line", "[json][pretty]") {
    constexpr std::size_t depth = 10000;
    auto const v = nested_arrays(depth);
    auto const pretty = cfdo::pretty_json(v);

    std::string expected;
    for (std::size_t level = 0; level < cfdo::json_max_depth; ++level)
        expected += "[\n" + std::string(2 * (level + 1), ' ');
    expected += std::string(depth - cfdo::json_max_depth, '[') + std::string(depth - cfdo::json_max_depth, ']');
    for (std::size_t level = cfdo::json_max_depth; level-- > 0;) expected += "\n" + std::string(2 * level, ' ') + "]";
    // Compared as booleans: a failure would otherwise print megabytes.
    CHECK(pretty.size() == expected.size());
    CHECK((pretty == expected));
    CHECK((without_whitespace(pretty) == boost::json::serialize(v)));
}

TEST_CASE("pretty_json writes a non-finite number as null, as JSON.stringify does", "[json][pretty]") {
    // 1e400 parses to infinity; Boost.JSON alone would write `Infinity`, which
    // is not JSON (found by the responses fuzz target).
    auto const parsed = cfdo::parse_json(R"({"code": 1e400, "deep": [[-1e999]], "fine": 2.5})");
    REQUIRE(parsed);
    auto const written = cfdo::pretty_json(*parsed);
    CHECK(written == "{\n  \"code\": null,\n  \"deep\": [\n    [\n      null\n    ]\n  ],\n  \"fine\": 2.5E0\n}");
    CHECK(cfdo::parse_json(written));
}

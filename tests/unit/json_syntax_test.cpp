// cfdo::is_json (usable at compile time) must give Boost.JSON's answer on
// every input, since a `json` binding is checked by the former and
// serialized by the latter.
#include <cfdo/json/parse.hpp>
#include <cfdo/support/json_syntax.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

bool boost_json_accepts(std::string_view text) { return cfdo::parse_json(text).has_value(); }

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

} // namespace

TEST_CASE("is_json agrees with Boost.JSON on hand-picked inputs", "[json][syntax]") {
    std::vector<std::string> const inputs{
        // valid
        "null", "true", "false", "0", "-0", "12", "-1.5e+10", "1E3", "0.25", "\"\"", "\"a\\\"b\\\\c\\/\\b\\f\\n\\r\\t\"",
        "\"\\u00e9\\uD83D\\uDE00\"", "\"h\xc3\xa9llo \xe2\x98\x83 \xf0\x9f\x98\x80\"", "[]", "{}", " [1, 2 ,3] ",
        "{\"a\":{\"b\":[true,false,null]}}", "\n\t{ \"k\" : \"v\" }\r\n", nested(cfdo::json_max_depth),
        // invalid
        "", " ", "nul", "True", "01", "1.", ".5", "1e", "-", "+1", "0x10", "\"unterminated", "\"tab\there\"",
        "\"bad \\x escape\"", "\"\\u12G4\"", "[1,]", "[,1]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":}", "[1 2]",
        "[1]]", "[[1]", "{}{}", "1 2", "// comment\n1", "/* c */ 1", "NaN", "Infinity", "'single'",
        "\"\\uD800\"", "\"\\uDC00\"", "\"\\uD83D\\u0041\"", "\"\\uD83Dx\"", "\"\\uD83D\"",
        "\"\xc0\xaf\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xe2\x82\"", "\"\x80\"", "\"\xff\"",
        std::string("\"nul\0byte\"", 10), nested(cfdo::json_max_depth + 1),
    };
    for (auto const& input : inputs) {
        INFO("input: " << input);
        CHECK(cfdo::is_json(input) == boost_json_accepts(input));
    }
}

TEST_CASE("is_json agrees with Boost.JSON on mutated inputs", "[json][syntax]") {
    // Deterministic mutations (xorshift) of valid documents: deletions,
    // insertions and replacements with characters that matter to the grammar.
    std::vector<std::string> const seeds{
        R"({"name":"COUNTER","list":[1,-2.5e3,true,false,null],"nested":{"s":"\u00e9\n"}})",
        R"([{"a":[]},{"b":{}},"x",0.0,-0,1E+2])",
        "\"h\xc3\xa9llo \xf0\x9f\x98\x80\"",
        R"(["\uD83D\uDE00","\u00e9\/"])",
    };
    std::string_view const alphabet = "{}[]:,\"\\ -+.eE0123456789tfnulrDdCc\xc3\xa9\x80\xff";
    std::uint64_t state = 0x9e3779b97f4a7c15ull;
    auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    int disagreements = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string text = seeds[next() % seeds.size()];
        for (auto edits = next() % 3 + 1; edits > 0 && !text.empty(); --edits) {
            auto const at = static_cast<std::size_t>(next() % text.size());
            char const c = alphabet[next() % alphabet.size()];
            switch (next() % 3) {
            case 0: text.erase(at, 1); break;
            case 1: text.insert(at, 1, c); break;
            default: text[at] = c; break;
            }
        }
        if (cfdo::is_json(text) != boost_json_accepts(text)) {
            ++disagreements;
            FAIL_CHECK("disagreement on: " << text);
        }
    }
    CHECK(disagreements == 0);
}

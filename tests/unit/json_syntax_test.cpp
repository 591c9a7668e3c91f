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
    // A table of inputs, laid out by hand.
    // clang-format off
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
        // well-formed numbers at Boost.JSON's exponent limits (int): the
        // exponent itself, then shifted by the integer digits beyond 64 bits
        // or by the fraction digits kept
        "1e2147483647", "1e2147483648", "1e99999999999999999999", "[1e99999999999999999999]", "1E+2147483648",
        "1e02147483647", "1e-2147483647", "1e-2147483648", "0.5e-2147483647", "0.05e-2147483647",
        "0.00000000000000000000000000000000000001e-2147483610", "0.00000000000000000000000000000000000001e-2147483611",
        "18446744073709551615e2147483647", "18446744073709551616e2147483647", "18446744073709551616e2147483646",
        "-9223372036854775808e2147483647", "-9223372036854775809e2147483647", "-9223372036854775809e2147483646",
        "123456789012345678901234.5e2147483625", "123456789012345678901234.5e2147483626",
        "1.2345678901234567890123e-2147483631", "1.2345678901234567890123e-2147483632",
        // Boost keeps fraction digits differently when 33 bytes remain
        "9.9999999999999999e-2147483632", "9.9999999999999999e-2147483633", "9.9999999999999999e-2147483633   ",
        "[9.9999999999999999e-2147483633  ]", "-9.9999999999999999e-2147483633   ", "0.9999999999999999e-2147483632",
        "0.9999999999999999e-2147483632              ", "123.9999999999999999e-2147483631              ",
        "123.9999999999999999e-2147483632              ",
    };
    // clang-format on
    for (auto const& input : inputs) {
        INFO("input: " << input);
        CHECK(cfdo::is_json(input) == boost_json_accepts(input));
    }
}

TEST_CASE("is_json agrees with Boost.JSON on numbers around the exponent limits", "[json][syntax]") {
    std::vector<std::string> const mantissas{"1",
                                             "0",
                                             "-0",
                                             "9",
                                             "0.5",
                                             "0.05",
                                             "0.0000000000000000000001",
                                             "9.9999999999999999",
                                             "0.9999999999999999",
                                             "12.99999999999999999",
                                             "123.9999999999999999",
                                             "1234567890123456.7",
                                             "18446744073709551615",
                                             "18446744073709551616",
                                             "-9223372036854775808",
                                             "-9223372036854775809",
                                             "99999999999999999999999.5"};
    int disagreements = 0;
    for (auto const& mantissa : mantissas) {
        for (std::string_view const sign : {"", "+", "-"}) {
            for (long long exponent = 2147483600; exponent <= 2147483648; ++exponent) {
                auto const number = mantissa + "e" + std::string(sign) + std::to_string(exponent);
                // The bytes after the number decide which path Boost.JSON takes.
                std::vector<std::string> texts{"[" + number + "]"};
                for (std::size_t padding = 0; padding <= 36; padding += 3)
                    texts.push_back(number + std::string(padding, ' '));
                for (auto const& text : texts) {
                    if (cfdo::is_json(text) == boost_json_accepts(text)) continue;
                    ++disagreements;
                    FAIL_CHECK("disagreement on: \"" << text << "\"");
                }
            }
        }
    }
    CHECK(disagreements == 0);
}

// The check runs in constant expressions too.
static_assert(cfdo::is_json("1e2147483647"));
static_assert(!cfdo::is_json("1e99999999999999999999"));

TEST_CASE("is_json agrees with Boost.JSON on mutated inputs", "[json][syntax]") {
    // Deterministic mutations (xorshift) of valid documents: deletions,
    // insertions and replacements with characters that matter to the grammar.
    std::vector<std::string> const seeds{
        R"({"name":"COUNTER","list":[1,-2.5e3,true,false,null],"nested":{"s":"\u00e9\n"}})",
        R"([{"a":[]},{"b":{}},"x",0.0,-0,1E+2])",
        "\"h\xc3\xa9llo \xf0\x9f\x98\x80\"",
        R"(["\uD83D\uDE00","\u00e9\/"])",
        R"([1e2147483647,-0.5e-2147483647,18446744073709551615e2147483647,9.9999999999999999e-2147483632])",
        "9.9999999999999999e-2147483633",
    };
    // Single characters that matter to the grammar, and pieces that bring
    // numbers to Boost.JSON's exponent limits (long exponents, digits that
    // shift them, padding that decides Boost's fast path for numbers).
    std::vector<std::string_view> alphabet;
    std::string_view const characters = "{}[]:,\"\\ -+.eE0123456789tfnulrDdCc\xc3\xa9\x80\xff";
    for (std::size_t i = 0; i < characters.size(); ++i) alphabet.push_back(characters.substr(i, 1));
    for (std::string_view const piece : {"e2147483647", "e-2147483647", "e-2147483632", "2147483648", "99999999999",
                                         "0000000000000000", "                                "})
        alphabet.push_back(piece);
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
            auto const piece = alphabet[next() % alphabet.size()];
            switch (next() % 3) {
            case 0: text.erase(at, 1); break;
            case 1: text.insert(at, piece); break;
            default: text.replace(at, 1, piece); break;
            }
        }
        if (cfdo::is_json(text) != boost_json_accepts(text)) {
            ++disagreements;
            FAIL_CHECK("disagreement on: " << text);
        }
    }
    CHECK(disagreements == 0);
}

// Base64 as Cloudflare reads `content_base64`: RFC 4648 §4, padded, and
// canonical (a module given as text that does not decode is a request error).
#include <cfdo/support/base64.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace {

using namespace std::string_view_literals;

// An independent encoder, bit by bit, to check the table-driven one against.
std::string reference_base64(std::string_view bytes) {
    constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char const c : bytes) {
        buffer = (buffer << 8) | static_cast<unsigned char>(c);
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += alphabet[(buffer >> bits) & 63u];
        }
        buffer &= (1u << bits) - 1u;
    }
    if (bits > 0) out += alphabet[(buffer << (6 - bits)) & 63u];
    while (out.size() % 4 != 0) out += '=';
    return out;
}

std::string all_byte_values() {
    std::string bytes;
    for (int i = 0; i < 256; ++i) bytes += static_cast<char>(static_cast<unsigned char>(i));
    return bytes;
}

} // namespace

TEST_CASE("base64_encode matches the RFC 4648 test vectors", "[base64]") {
    CHECK(cfdo::base64_encode("") == "");
    CHECK(cfdo::base64_encode("f") == "Zg==");
    CHECK(cfdo::base64_encode("fo") == "Zm8=");
    CHECK(cfdo::base64_encode("foo") == "Zm9v");
    CHECK(cfdo::base64_encode("foob") == "Zm9vYg==");
    CHECK(cfdo::base64_encode("fooba") == "Zm9vYmE=");
    CHECK(cfdo::base64_encode("foobar") == "Zm9vYmFy");
}

TEST_CASE("base64_encoded_size is four characters per started group of three bytes", "[base64]") {
    CHECK(cfdo::base64_encoded_size(0) == 0);
    CHECK(cfdo::base64_encoded_size(1) == 4);
    CHECK(cfdo::base64_encoded_size(2) == 4);
    CHECK(cfdo::base64_encoded_size(3) == 4);
    CHECK(cfdo::base64_encoded_size(4) == 8);
    CHECK(cfdo::base64_encoded_size(6) == 8);
    CHECK(cfdo::base64_encoded_size(7) == 12);
}

TEST_CASE("base64_encode into a buffer returns one past the end", "[base64]") {
    char buffer[16] = {};
    char const* end = cfdo::base64_encode("fooba", buffer);
    CHECK(end == buffer + 8);
    CHECK(std::string_view(buffer, 8) == "Zm9vYmE=");
    CHECK(buffer[8] == '\0'); // nothing written past the end
}

TEST_CASE("base64 round-trips every byte value", "[base64]") {
    auto const bytes = all_byte_values();

    SECTION("all 256 values at once") {
        auto const encoded = cfdo::base64_encode(bytes);
        CHECK(encoded == reference_base64(bytes));
        CHECK(cfdo::is_base64(encoded));
        CHECK(cfdo::base64_decode(encoded) == bytes);
    }
    SECTION("each value alone and at each position of a group") {
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            for (std::string const& sample :
                 {std::string(1, bytes[i]), "x" + std::string(1, bytes[i]), "xy" + std::string(1, bytes[i])}) {
                auto const encoded = cfdo::base64_encode(sample);
                INFO("byte " << i << ", sample length " << sample.size());
                REQUIRE(encoded == reference_base64(sample));
                REQUIRE(cfdo::base64_decode(encoded) == sample);
            }
        }
    }
    SECTION("every length from 0 to 3 groups") {
        for (std::size_t length = 0; length <= 9; ++length) {
            auto const sample = bytes.substr(250 - length, length);
            INFO("length " << length);
            CHECK(cfdo::base64_encode(sample) == reference_base64(sample));
            CHECK(cfdo::base64_decode(cfdo::base64_encode(sample)) == sample);
        }
    }
}

TEST_CASE("base64 keeps NUL bytes in binary content", "[base64]") {
    std::string const binary("\0a\0\0b\0", 6);
    auto const encoded = cfdo::base64_encode(binary);
    CHECK(encoded == "AGEAAGIA");
    auto const decoded = cfdo::base64_decode(encoded);
    REQUIRE(decoded.has_value());
    CHECK(decoded->size() == 6);
    CHECK(*decoded == binary);
    CHECK(cfdo::base64_decode("AAEC") == std::string("\0\1\2", 3));
}

TEST_CASE("base64_decode reads canonical text", "[base64]") {
    CHECK(cfdo::base64_decode("") == std::string());
    CHECK(cfdo::base64_decode("Zg==") == "f");
    CHECK(cfdo::base64_decode("Zm8=") == "fo");
    CHECK(cfdo::base64_decode("Zm9v") == "foo");
    CHECK(cfdo::base64_decode("Zm9vYg==") == "foob");
    CHECK(cfdo::base64_decode("Zm9vYmE=") == "fooba");
    CHECK(cfdo::base64_decode("Zm9vYmFy") == "foobar");
    CHECK(cfdo::base64_decode("+/+/") == "\xfb\xff\xbf");
}

TEST_CASE("is_base64 accepts only padded base64 of the standard alphabet", "[base64]") {
    SECTION("valid") {
        for (auto const* valid : {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYmFy", "AAAA", "////", "+/+/AA=="}) {
            INFO(valid);
            CHECK(cfdo::is_base64(valid));
        }
    }

    auto const invalid = GENERATE(as<std::string>{},
                                  // length not a multiple of four
                                  "Z", "Zg", "Zg=", "Zm9vY", "Zm9vYg=",
                                  // outside the standard alphabet (URL-safe, spaces, line breaks)
                                  "Zm9-", "Zm9_", "Zm 9", "Zm9v\nYmFy", "Zm9\x80", "Zm9.",
                                  // '=' anywhere but the final padding
                                  "Z=9v", "Zg==Zg==", "=Zg=", "Zm=v", "====", "A===", "AB=C");
    INFO("text: \"" << invalid << "\"");
    CHECK_FALSE(cfdo::is_base64(invalid));
    CHECK(cfdo::base64_decode(invalid) == std::nullopt);
}

TEST_CASE("non-canonical padding decodes, but is not canonical", "[base64]") {
    // Padding that leaves non-zero bits: decoders such as Go's and Node's
    // accept it (the extra bits are dropped), so cfdo decodes it too and the
    // rules only warn.
    for (auto const& [text, bytes] : std::vector<std::pair<std::string, std::string>>{
             {"Zh==", "f"}, {"Zm9=", "fo"}, {"AB==", std::string(1, '\0')}, {"Zm9vYh==", "foob"}}) {
        INFO(text);
        CHECK(cfdo::is_base64(text));
        CHECK_FALSE(cfdo::is_canonical_base64(text));
        CHECK(cfdo::base64_decode(text) == bytes);
    }
    for (auto const* canonical : {"", "Zg==", "Zm8=", "Zm9v"}) CHECK(cfdo::is_canonical_base64(canonical));
}

TEST_CASE("is_base64 rejects an embedded NUL", "[base64]") {
    CHECK_FALSE(cfdo::is_base64(std::string_view("Zm9\0", 4)));
    CHECK_FALSE(cfdo::is_base64(std::string_view("Zg=\0", 4)));
    CHECK_FALSE(cfdo::base64_decode(std::string_view("\0\0\0\0", 4)).has_value());
}

TEST_CASE("is_base64 works in constant expressions", "[base64]") {
    STATIC_REQUIRE(cfdo::is_base64("Zm9vYmFy"));
    STATIC_REQUIRE_FALSE(cfdo::is_base64("Zh="));
    STATIC_REQUIRE_FALSE(cfdo::is_canonical_base64("Zh=="));
}

TEST_CASE("base64_encode's two-character table covers every 12-bit half of a group", "[base64]") {
    // Group i holds the 12-bit value i in its high half and 4095 - i in its
    // low half: every entry of the table is used in both positions.
    std::string bytes;
    for (std::uint32_t i = 0; i < 4096; ++i) {
        std::uint32_t const group = i << 12 | (4095 - i);
        bytes += static_cast<char>(group >> 16 & 0xff);
        bytes += static_cast<char>(group >> 8 & 0xff);
        bytes += static_cast<char>(group & 0xff);
    }
    CHECK(cfdo::base64_encode(bytes) == reference_base64(bytes));
    CHECK(cfdo::base64_decode(cfdo::base64_encode(bytes)) == bytes);
}

// The encoder stays usable in constant expressions (compile-time checked
// module content).
static_assert([] {
    char out[8] = {};
    cfdo::base64_encode("foobar", out);
    return std::string_view(out, 8) == "Zm9vYmFy";
}());

// cfdo::printable makes quoted input safe to print in error texts: control
// bytes become \xNN, everything else (UTF-8 included) stays as it was.
#include <cfdo/support/printable.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

TEST_CASE("printable escapes control bytes and keeps every other byte", "[printable]") {
    CHECK(cfdo::printable("") == "");
    CHECK(cfdo::printable("Counter v1 'x' \"y\" \\z") == "Counter v1 'x' \"y\" \\z");
    CHECK(cfdo::printable("line\nforged: ok\r\n") == "line\\x0aforged: ok\\x0d\\x0a");
    CHECK(cfdo::printable("\x1b[2Jcleared") == "\\x1b[2Jcleared");
    CHECK(cfdo::printable(std::string_view("nul\0tab\tdel\x7f", 12)) == "nul\\x00tab\\x09del\\x7f");
    CHECK(cfdo::printable("\x1f \x20 \x7e") == "\\x1f \x20 \x7e");
    CHECK(cfdo::printable("h\xc3\xa9llo \xe2\x98\x83 \x80\xff") == "h\xc3\xa9llo \xe2\x98\x83 \x80\xff");
}

TEST_CASE("printable applied twice changes nothing more", "[printable]") {
    std::string all_bytes;
    for (int byte = 0; byte < 256; ++byte) all_bytes += static_cast<char>(byte);
    auto const once = cfdo::printable(all_bytes);
    CHECK(once.size() == all_bytes.size() + 3 * 33);
    CHECK(cfdo::printable(once) == once);
}

// cfdo::printable makes quoted input safe to print in error texts: control
// bytes and bytes that are not well-formed UTF-8 become \xNN, everything else
// (UTF-8 included) stays as it was.
#include <cfdo/support/printable.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

TEST_CASE("printable escapes control bytes and stray bytes, and keeps UTF-8", "[printable]") {
    CHECK(cfdo::printable("") == "");
    CHECK(cfdo::printable("Counter v1 'x' \"y\" \\z") == "Counter v1 'x' \"y\" \\z");
    CHECK(cfdo::printable("line\nforged: ok\r\n") == "line\\x0aforged: ok\\x0d\\x0a");
    CHECK(cfdo::printable("\x1b[2Jcleared") == "\\x1b[2Jcleared");
    CHECK(cfdo::printable(std::string_view("nul\0tab\tdel\x7f", 12)) == "nul\\x00tab\\x09del\\x7f");
    CHECK(cfdo::printable("\x1f \x20 \x7e") == "\\x1f \x20 \x7e");
    CHECK(cfdo::printable("h\xc3\xa9llo \xe2\x98\x83 \xf0\x9f\x98\x80") ==
          "h\xc3\xa9llo \xe2\x98\x83 \xf0\x9f\x98\x80");
    // Not UTF-8: a lone continuation byte, 0xff, a truncated sequence, an
    // overlong form. Printed raw they would make a JSON report invalid.
    CHECK(cfdo::printable("\x80\xff \xe2\x98 \xc0\xaf") == "\\x80\\xff \\xe2\\x98 \\xc0\\xaf");
}

TEST_CASE("printable applied twice changes nothing more", "[printable]") {
    std::string all_bytes;
    for (int byte = 0; byte < 256; ++byte) all_bytes += static_cast<char>(byte);
    auto const once = cfdo::printable(all_bytes);
    // 33 control bytes, and 128 bytes from 0x80 that are no UTF-8 on their own.
    CHECK(once.size() == all_bytes.size() + 3 * (33 + 128));
    CHECK(cfdo::printable(once) == once);
}

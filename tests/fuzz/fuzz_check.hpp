// cfdo's fuzz targets: what every target checks besides "no crash".
#ifndef CFDO_TESTS_FUZZ_FUZZ_CHECK_HPP_INCLUDED
#define CFDO_TESTS_FUZZ_FUZZ_CHECK_HPP_INCLUDED

#include <cfdo/json/parse.hpp>
#include <cfdo/support/utf8.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace cfdo_fuzz {

// A broken promise is a crash for libFuzzer: it stops, saves the input and
// prints this message above the stack.
[[noreturn]] inline void broken_promise(std::string_view what, std::string_view detail = {}) {
    std::fprintf(stderr, "cfdo fuzz: broken promise: %.*s\n  %.*s\n", static_cast<int>(what.size()), what.data(),
                 static_cast<int>(detail.size()), detail.data());
    std::abort();
}

inline void require(bool holds, std::string_view what, std::string_view detail = {}) {
    if (!holds) broken_promise(what, detail);
}

// Messages for people (`api_error::what`, `decode_error::what`) escape what
// they quote: valid UTF-8 without control bytes, whatever the input was.
inline void require_printable(std::string_view text, std::string_view what) {
    require(cfdo::is_utf8(text), what, "is not UTF-8");
    for (char const c : text) {
        auto const byte = static_cast<unsigned char>(c);
        require(byte >= 0x20 && byte != 0x7f, what, "holds a control byte");
    }
}

// Multi-line messages (`invalid_request::what`): each line printable.
inline void require_printable_lines(std::string_view text, std::string_view what) {
    for (auto end = text.find('\n'); end != std::string_view::npos; end = text.find('\n')) {
        require_printable(text.substr(0, end), what);
        text.remove_prefix(end + 1);
    }
    require_printable(text, what);
}

// What cfdo writes as JSON is JSON: it parses back to the same value.
inline void require_json_round_trip(boost::json::value const& value, std::string_view what) {
    std::string const text = boost::json::serialize(value);
    auto reparsed = cfdo::parse_json(text);
    require(reparsed.has_value(), what, reparsed ? std::string_view() : std::string_view(reparsed.error().message));
    require(*reparsed == value, what, "does not read back as the same value");
}

} // namespace cfdo_fuzz

#endif

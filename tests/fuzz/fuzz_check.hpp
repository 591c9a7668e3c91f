// cfdo's fuzz targets: what every target checks besides "no crash".
#ifndef CFDO_TESTS_FUZZ_FUZZ_CHECK_HPP_INCLUDED
#define CFDO_TESTS_FUZZ_FUZZ_CHECK_HPP_INCLUDED

#include <cfdo/json/parse.hpp>
#include <cfdo/support/utf8.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <limits>
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

// Equal, but for doubles within a few units in the last place: Boost.JSON
// 1.81 parses decimal numbers to within an ulp, not always correctly rounded
// (`1E32` reads as 9.999999999999999E31; the precise mode came with 1.83), so
// a double written and read back can move by one ulp. Not a cfdo defect, and
// documented in docs/security.md; everything else must match exactly.
inline bool same_json(boost::json::value const& a, boost::json::value const& b) {
    if (a.is_double() && b.is_double()) {
        double const x = a.get_double();
        double const y = b.get_double();
        double const scale = std::max(std::fabs(x), std::fabs(y));
        return x == y || std::fabs(x - y) <= scale * 8 * std::numeric_limits<double>::epsilon();
    }
    // Integers compare by value whatever their kind (a uint32 written reads
    // back as an int64).
    if (a.is_number() || b.is_number()) return a == b;
    if (a.kind() != b.kind()) return false;
    if (auto const* array = a.if_array()) {
        auto const& other = b.get_array();
        if (array->size() != other.size()) return false;
        for (std::size_t i = 0; i < array->size(); ++i)
            if (!same_json((*array)[i], other[i])) return false;
        return true;
    }
    if (auto const* object = a.if_object()) {
        auto const& other = b.get_object();
        if (object->size() != other.size()) return false;
        for (auto const& entry : *object) {
            auto const* found = other.if_contains(entry.key());
            if (!found || !same_json(entry.value(), *found)) return false;
        }
        return true;
    }
    return a == b;
}

// What cfdo writes as JSON is JSON: it parses back to the same value.
inline void require_json_round_trip(boost::json::value const& value, std::string_view what) {
    std::string const text = boost::json::serialize(value);
    auto reparsed = cfdo::parse_json(text);
    require(reparsed.has_value(), what, reparsed ? std::string_view() : std::string_view(reparsed.error().message));
    require(same_json(*reparsed, value), what, "does not read back as the same value");
}

} // namespace cfdo_fuzz

#endif

// Fuzz target: what a network returns. Every input is a response body,
// decoded for every operation (with a success and an error status), and
// parsed as JSON on its own.
//
// Promises checked beyond "no crash, no sanitizer report":
// - a body parse_json accepts serializes to JSON that reads back equal, in
//   compact and in indented form (pretty_json), non-finite numbers as null;
// - a syntax error points inside the input;
// - every api_error reads as printable text.
#include <cfdo/api/responses.hpp>
#include <cfdo/json/finite_numbers.hpp>
#include <cfdo/json/pretty.hpp>
#include <cfdo/model/operations.hpp>

#include "fuzz_check.hpp"

#include <boost/mp11/algorithm.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

template <class Operation>
void decode_as(std::string const& body, int status) {
    auto const decoded = cfdo::decode_response<Operation>(cfdo::http_response{status, body});
    if (!decoded) cfdo_fuzz::require_printable(decoded.error().what(), "api_error::what()");
}

void parse_alone(std::string_view body) {
    auto const parsed = cfdo::parse_json(body);
    if (!parsed) {
        auto const& error = parsed.error();
        cfdo_fuzz::require(error.offset <= body.size(), "a syntax error's offset is inside the input");
        cfdo_fuzz::require(error.line >= 1 && error.column >= 1, "lines and columns count from 1");
        return;
    }
    // 1e400 parses to infinity, which JSON cannot write: cfdo writes it as
    // null, as JSON.stringify does (Boost.JSON's serializer would write
    // `Infinity`).
    auto finite = *parsed;
    cfdo::write_non_finite_numbers_as_null(finite);
    cfdo_fuzz::require_json_round_trip(finite, "a parsed body, serialized with non-finite numbers as null");
    auto const indented = cfdo::parse_json(cfdo::pretty_json(*parsed));
    cfdo_fuzz::require(indented.has_value() && cfdo_fuzz::same_json(*indented, finite),
                       "a parsed body, indented, reads back equal (non-finite numbers as null)");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string const body(reinterpret_cast<char const*>(data), size);
    parse_alone(body);
    for (int const status : {200, 404}) {
        boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, cfdo::operations>>(
            [&]<class Operation>(boost::mp11::mp_identity<Operation>) { decode_as<Operation>(body, status); });
    }
    return 0;
}

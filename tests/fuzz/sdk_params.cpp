// Fuzz target: the params reader `cfdo request` uses. Every input is read as
// the SDK params of every operation, then validated, built into a request and
// serialized, as the command does.
//
// Promises checked beyond "no crash, no sanitizer report":
// - errors (decode errors, invalid_request's summary) read as printable text;
// - an operation read from JSON writes back (to_json) to params that read
//   back and write the same JSON again;
// - a request that is built keeps each path parameter in its one segment
//   (the URL parses, with the route's number of segments, on Cloudflare's
//   host), has no CR, LF or NUL in any header, and serializes to valid JSON;
//   a JSON body reads back equal, a multipart body parses back into the
//   metadata and exactly the modules, named and filled as given.
#include <cfdo/api/make_request.hpp>
#include <cfdo/json/from_json.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/rules/request_rules.hpp>

#include "../support/parse_multipart.hpp"
#include "fuzz_check.hpp"

#include <boost/mp11/algorithm.hpp>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <iterator>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace {

using cfdo_fuzz::require;

template <class Operation>
void check_path(cfdo::request const& request) {
    // The url_view refers into the text: keep it alive.
    auto const url_text = request.url();
    auto const url = boost::urls::parse_uri(url_text);
    require(url.has_value(), "the request's URL parses", request.url());
    require(url->host() == "api.cloudflare.com", "the request goes to Cloudflare's host", request.url());
    std::string_view const route = Operation::endpoint.path;
    auto const route_segments = static_cast<std::size_t>(std::count(route.begin(), route.end(), '/'));
    // "/client/v4" comes before the route's segments.
    require(url->segments().size() == route_segments + 2, "each path parameter stays one segment", request.path);
    for (auto const segment : url->segments())
        require(!segment.empty() && segment != "." && segment != "..", "no empty or dot segment", request.path);
    // Each query parameter reads back as given, whatever it holds.
    auto const params = url->params();
    require(static_cast<std::size_t>(std::distance(params.begin(), params.end())) == request.query.size(),
            "the query has the request's parameters, no more", request.target());
    auto expected = request.query.begin();
    for (auto const param : params) {
        require(param.key == expected->name && param.value == expected->value, "a query parameter reads back",
                request.target());
        ++expected;
    }
    require(!url->has_fragment(), "no fragment", request.url());
}

void check_headers(cfdo::request const& request) {
    for (auto const& header : request.headers)
        for (std::string_view const part : {std::string_view(header.name), std::string_view(header.value)})
            require(part.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos,
                    "no CR, LF or NUL in a header", part);
}

template <class Operation>
void check_multipart(Operation const& op, cfdo::request const& request) {
    auto const& body = std::get<cfdo::multipart_body>(request.body);
    std::vector<cfdo_tests::parsed_part> parts;
    try {
        parts = cfdo_tests::parse_multipart(request.body_bytes(), body.boundary);
    } catch (std::exception const& e) {
        cfdo_fuzz::broken_promise("the multipart body parses back", e.what());
    }
    auto const& modules = cfdo::version_of(cfdo::body_of(op)).modules;
    require(parts.size() == modules.size() + 1, "the body holds the metadata and every module");
    require(parts[0].name == "metadata", "the metadata part comes first");
    for (std::size_t i = 0; i < modules.size(); ++i) {
        auto const& part = parts[i + 1];
        require(part.name == modules[i].name.view(), "a module's part is named after it", part.name);
        require(part.content == cfdo::detail::module_bytes_of(modules[i]), "a module's part holds its bytes");
    }
}

template <class Operation>
void check_request(Operation const& op, cfdo::request const& request) {
    check_path<Operation>(request);
    check_headers(request);
    cfdo_fuzz::require_json_round_trip(cfdo::to_json(request), "to_json(request)");
    if (auto const* json = std::get_if<cfdo::json_body>(&request.body)) {
        auto const reparsed = cfdo::parse_json(request.body_bytes());
        require(reparsed.has_value() && cfdo_fuzz::same_json(*reparsed, json->value), "the JSON body reads back equal");
    }
    if constexpr (Operation::endpoint.form == cfdo::body_form::multipart_upload) check_multipart(op, request);
}

template <class Operation>
void read_as(std::string_view params) {
    std::vector<std::string> unknown_fields;
    auto const read = cfdo::from_json<Operation>(params, {.unknown_fields = &unknown_fields});
    if (!read) return cfdo_fuzz::require_printable(read.error().what(), "decode_error::what()");
    Operation const& op = *read;

    auto const written = cfdo::to_json(op);
    cfdo_fuzz::require_json_round_trip(written, "to_json(operation)");
    // Read back, they write the same params: what is sent is stable. (Not
    // always the same C++ value: a multi-step migration without steps writes
    // as its tags alone, which read back as the single-step form; both send
    // the same bytes.)
    auto const reread = cfdo::from_json<Operation>(written);
    require(reread.has_value(), "an operation's params read back",
            reread ? std::string_view() : std::string_view(reread.error().message));
    require(cfdo_fuzz::same_json(cfdo::to_json(*reread), written), "params read back write the same JSON");

    auto built = cfdo::try_make_request(op);
    if (!built) {
        require(cfdo::has_errors(built.error()), "a refused request has an error diagnostic");
        cfdo_fuzz::require_printable_lines(cfdo::invalid_request(built.error()).what(), "invalid_request::what()");
        return;
    }
    check_request(op, *built);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view const params(reinterpret_cast<char const*>(data), size);
    // Every operation, as `cfdo request` reads them.
    boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, cfdo::operations>>(
        [&]<class Operation>(boost::mp11::mp_identity<Operation>) { read_as<Operation>(params); });
    return 0;
}

// What must follow when the model grows. Each operation and each binding
// kind is declared once, in the library; these tests find everything else
// that has to know about it — its SDK comparison case, its response test,
// its documentation, its wrangler section — and fail, naming it, where that
// is missing. docs/contributing.md walks through each step.
#include <cfdo/api/responses.hpp>
#include <cfdo/json/parse.hpp>
#include <cfdo/model/bindings.hpp>
#include <cfdo/model/exports.hpp>
#include <cfdo/model/members.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/wrangler/binding_sections.hpp>
#include <cfdo/wrangler/read_config.hpp>

#include "../support/type_name.hpp"

#include <catch2/catch.hpp>

#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>

namespace {

std::string source_file(std::string_view path) {
    std::string const full = std::string(CFDO_SOURCE_DIR) + "/" + std::string(path);
    std::ifstream file(full, std::ios::binary);
    if (!file) FAIL("cannot read " << full);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

boost::json::value source_json(std::string_view path) {
    auto parsed = cfdo::parse_json(source_file(path));
    if (!parsed) FAIL(path << ": " << parsed.error().what());
    return std::move(*parsed);
}

// The line of a Markdown table whose first cell holds `first_cell`.
std::string table_row(std::string const& document, std::string_view first_cell) {
    std::istringstream lines(document);
    for (std::string line; std::getline(lines, line);)
        if (line.starts_with("| " + std::string(first_cell))) return line;
    return {};
}

template <class List, class Visit>
void for_each_type(Visit&& visit) {
    boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, List>>(
        [&]<class T>(boost::mp11::mp_identity<T>) { visit.template operator()<T>(); });
}

std::set<std::string> binding_types_in(boost::json::array const& cases) {
    std::set<std::string> types;
    auto const collect = [&](boost::json::value const& version) {
        if (auto const* bindings = version.is_object() ? version.as_object().if_contains("bindings") : nullptr)
            for (auto const& binding : bindings->as_array()) types.insert(std::string(binding.at("type").as_string()));
    };
    for (auto const& entry : cases) {
        auto const& params = entry.at("params").as_object();
        collect(params);
        if (auto const* metadata = params.if_contains("metadata")) collect(*metadata);
    }
    return types;
}

// Each exports entry of the cases, as `<type>` or `<type>/<state>`.
std::set<std::string> export_kinds_in(boost::json::array const& cases) {
    std::set<std::string> kinds;
    for (auto const& entry : cases) {
        auto const* exports = entry.at("params").as_object().if_contains("exports");
        if (!exports) continue;
        for (auto const& member : exports->as_object()) {
            auto const& fields = member.value().as_object();
            std::string kind(fields.at("type").as_string());
            if (auto const* state = fields.if_contains("state")) kind += "/" + std::string(state->as_string());
            kinds.insert(kind);
        }
    }
    return kinds;
}

} // namespace

TEST_CASE("every exports entry kind is compared and documented", "[completeness][exports]") {
    auto const compared = export_kinds_in(source_json("tests/e2e/sdk/cases.json").as_array());
    auto const model_doc = source_file("docs/model.md");
    for_each_type<cfdo::export_entry::alternatives>([&]<class Kind>() {
        std::string kind(Kind::type);
        // (A tombstone's state is a constant; a live entry's, a member.)
        if constexpr (requires { requires std::is_same_v<std::remove_cv_t<decltype(Kind::state)>, std::string_view>; })
            kind += "/" + std::string(Kind::state);
        INFO("exports entry kind " << kind);
        if constexpr (cfdo::sdk_lists<Kind>) {
            INFO("add an entry of this kind to the exports of a case of tests/e2e/sdk/cases.json");
            CHECK(compared.count(kind) == 1);
        }
        auto const row =
            table_row(model_doc, "`" + std::string(cfdo_tests::type_name<Kind>()) + "` | `" + std::string(Kind::type));
        INFO("add its row, with every field, to the exports table of docs/model.md");
        REQUIRE_FALSE(row.empty());
        cfdo::for_each_member_of<Kind>([&](auto member) {
            INFO("field " << member.key);
            CHECK(row.find("`" + std::string(member.key) + "`") != std::string::npos);
        });
    });
}

TEST_CASE("every operation has its SDK case, response test and docs row", "[completeness][operations]") {
    auto const cases = source_json("tests/e2e/sdk/cases.json").as_array();
    std::set<std::string> compared;
    for (auto const& entry : cases) compared.insert(std::string(entry.at("operation").as_string()));
    auto const requests_doc = source_file("docs/requests.md");

    for_each_type<cfdo::operations>([&]<class Operation>() {
        constexpr auto const& declared = Operation::endpoint;
        std::string const name(cfdo_tests::type_name<Operation>());
        INFO("operation cfdo::" << name);

        if (declared.sdk_method.empty()) {
            // The npm SDK has no method for it: the declaration says why, and
            // its requests are compared with what wrangler sends instead.
            CHECK_FALSE(declared.not_in_sdk.empty());
        } else {
            INFO("add a case for " << declared.sdk_method << " to tests/e2e/sdk/cases.json");
            CHECK(compared.count(std::string(declared.sdk_method)) == 1);
        }

        // What it answers: a success body, which the responses fuzz target
        // also starts from.
        std::string const seed = "tests/fuzz/seeds/responses/" + name + ".json";
        INFO("add an example of its success response as " << seed);
        auto const decoded = cfdo::decode_response<Operation>({200, source_file(seed)});
        CHECK(decoded.has_value());

        // Its row in docs/requests.md: the type, the SDK method and the path.
        auto const row = table_row(requests_doc, "`" + name + "{");
        INFO("add its row to the table of docs/requests.md");
        REQUIRE_FALSE(row.empty());
        CHECK(row.find(std::string(declared.path)) != std::string::npos);
        if (!declared.sdk_method.empty()) CHECK(row.find(std::string(declared.sdk_method)) != std::string::npos);
    });
}

TEST_CASE("every binding kind is compared, documented and read from wrangler", "[completeness][bindings]") {
    auto const compared = binding_types_in(source_json("tests/e2e/sdk/cases.json").as_array());
    auto const model_doc = source_file("docs/model.md");

    // What the CLI fixture with every section gives: every kind a section reads.
    auto const reading = cfdo::wrangler::read_config(source_json("tests/cli/cases/valid_every_binding_kind.json"));
    REQUIRE(reading.worker);
    std::set<std::string_view> read_from_fixture;
    for (auto const& binding : reading.worker->deployment.version.bindings)
        read_from_fixture.insert(cfdo::type_of(binding));

    for_each_type<cfdo::binding::alternatives>([&]<class Kind>() {
        // The raw binding is any kind cfdo does not model: docs/model.md
        // describes it, the round-trip tests cover it.
        if constexpr (!cfdo::has_type_constant<Kind>) return;
        else {
            std::string const type(Kind::type);
            INFO("binding kind " << type);
            // (A kind the SDK does not list is held to wrangler's upload instead.)
            if constexpr (cfdo::sdk_lists<Kind>) {
                INFO("add a binding of this kind to a case of tests/e2e/sdk/cases.json");
                CHECK(compared.count(type) == 1);
            }
            {
                // Its row in docs/model.md, naming each of its fields.
                auto const row =
                    table_row(model_doc, "`" + std::string(cfdo_tests::type_name<Kind>()) + "` | `" + type);
                INFO("add its row, with every field, to the binding table of docs/model.md");
                REQUIRE_FALSE(row.empty());
                cfdo::for_each_member_of<Kind>([&](auto member) {
                    INFO("field " << member.key);
                    CHECK(row.find("`" + std::string(member.key) + "`") != std::string::npos);
                });
            }
            auto const section = std::find_if(
                cfdo::wrangler::binding_sections.begin(), cfdo::wrangler::binding_sections.end(),
                [&](auto const& s) { return std::find(s.types.begin(), s.types.end(), type) != s.types.end(); });
            auto const not_in_wrangler = std::find_if(cfdo::wrangler::binding_kinds_not_in_wrangler.begin(),
                                                      cfdo::wrangler::binding_kinds_not_in_wrangler.end(),
                                                      [&](auto const& k) { return k.type == type; });
            if (section == cfdo::wrangler::binding_sections.end()) {
                INFO("add its wrangler section to binding_sections (wrangler/binding_sections.hpp), or say in "
                     "binding_kinds_not_in_wrangler why wrangler has none");
                REQUIRE(not_in_wrangler != cfdo::wrangler::binding_kinds_not_in_wrangler.end());
                CHECK_FALSE(not_in_wrangler->reason.empty());
            } else {
                INFO("add an entry of section " << section->key
                                                << " to tests/cli/cases/valid_every_binding_kind "
                                                   "(.json and .toml)");
                CHECK(read_from_fixture.count(type) == 1);
            }
        }
    });
}

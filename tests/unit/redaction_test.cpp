// cfdo::redacted: the same request with its secret values replaced, for
// logs; the request itself stays byte-exact.
#include <cfdo/api/make_request.hpp>
#include <cfdo/api/redaction.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/request_rules.hpp>

#include "../support/parse_multipart.hpp"

#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include <string>
#include <variant>

namespace {

cfdo::worker_version version_with_secrets() {
    return {.main_module = "w.mjs",
            .bindings = {cfdo::secret_text_binding{.name = "TOKEN", .text = "s3cr3t-token"},
                         cfdo::secret_key_binding{.name = "KEY",
                                                  .algorithm = R"({"name":"HMAC","hash":"SHA-256"})",
                                                  .format = "raw",
                                                  .usages = {"sign"},
                                                  .key_base64 = "a2V5LW1hdGVyaWFs"},
                         cfdo::plain_text_binding{.name = "GREETING", .text = "hello"}},
            .modules = {{.name = "w.mjs",
                         .content_type = cfdo::content_type::javascript_module,
                         .content = cfdo::module_bytes{"export {};"}}},
            .assets = cfdo::version_assets{.jwt = "eyJhbGciOi.jwt-credential"}};
}

void check_redacted(boost::json::value const& fields) {
    auto const& bindings = fields.at("bindings").as_array();
    CHECK(bindings.at(0).at("text") == "(redacted)");
    CHECK(bindings.at(1).at("key_base64") == "(redacted)");
    CHECK(bindings.at(1).at("format") == "raw");
    CHECK(bindings.at(2).at("text") == "hello");
    CHECK(fields.at("assets").at("jwt") == "(redacted)");
}

} // namespace

TEST_CASE("a JSON request is redacted, the original kept byte-exact", "[redaction][request]") {
    auto const request = cfdo::make_request(
        cfdo::create_version{.account_id = "0123", .worker_id = "counter", .version = version_with_secrets()});
    auto const sent = request.body_bytes();
    auto const shown = cfdo::redacted(request);
    CHECK(request.body_bytes() == sent);
    CHECK(sent.find("s3cr3t-token") != std::string::npos);
    auto const shown_bytes = shown.body_bytes();
    for (auto const* secret : {"s3cr3t-token", "a2V5LW1hdGVyaWFs", "jwt-credential"})
        CHECK(shown_bytes.find(secret) == std::string::npos);
    check_redacted(boost::json::parse(shown_bytes));
    CHECK(shown.path == request.path);
    CHECK(shown.headers == request.headers);
}

TEST_CASE("a script upload's metadata is redacted, its modules kept", "[redaction][request]") {
    auto const request = cfdo::make_request(cfdo::upload_script{
        .account_id = "0123", .script_name = "counter", .metadata = {.version = version_with_secrets()}});
    auto const shown = cfdo::redacted(request);
    auto const bytes = shown.body_bytes();
    CHECK(bytes.find("s3cr3t-token") == std::string::npos);
    auto const& body = std::get<cfdo::multipart_body>(shown.body);
    CHECK(shown.header_value("Content-Type") == body.content_type());
    auto const parts = cfdo_tests::parse_multipart(bytes, body.boundary);
    REQUIRE(parts.size() == 2);
    check_redacted(boost::json::parse(parts.at(0).content));
    CHECK(parts.at(1).content == "export {};");
}

TEST_CASE("no diagnostic quotes a secret, however malformed", "[redaction][rules]") {
    std::string const secret = "s3cr3t\xff\x01\n-token";
    cfdo::worker_version const version{.bindings = {cfdo::secret_text_binding{.name = "TOKEN", .text = secret},
                                                    cfdo::secret_text_binding{.name = "TOKEN", .text = secret},
                                                    cfdo::secret_key_binding{.name = "KEY",
                                                                             .algorithm = R"({"name":"HMAC"})",
                                                                             .format = "raw",
                                                                             .usages = {"sign"},
                                                                             .key_base64 = secret}}};
    auto const diagnostics = cfdo::validate(version);
    REQUIRE_FALSE(diagnostics.empty());
    for (auto const& d : diagnostics) {
        INFO(d.rule);
        CHECK(d.subject.str().find("s3cr3t") == std::string::npos);
        CHECK(d.path.str().find("s3cr3t") == std::string::npos);
        CHECK(cfdo::message_of(d).find("s3cr3t") == std::string::npos);
    }
    try {
        (void)cfdo::make_request(cfdo::create_version{.account_id = "0123", .worker_id = "w", .version = version});
        FAIL("the duplicate name is an error");
    } catch (cfdo::invalid_request const& e) {
        CHECK(std::string(e.what()).find("s3cr3t") == std::string::npos);
    }
}

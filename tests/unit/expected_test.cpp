// cfdo::expected: value() checks, operator* does not, and each keeps the
// constness and value category of the expected it is called on.
#include <cfdo/support/expected.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <type_traits>
#include <utility>

namespace {

using result = cfdo::expected<std::string, int>;

} // namespace

TEST_CASE("expected::value gives the value or throws bad_expected_access", "[expected]") {
    SECTION("a value, through every overload") {
        result held(std::string(100, 'v'));
        result const& as_const = held;
        STATIC_REQUIRE(std::is_same_v<decltype(held.value()), std::string&>);
        STATIC_REQUIRE(std::is_same_v<decltype(as_const.value()), std::string const&>);
        STATIC_REQUIRE(std::is_same_v<decltype(std::move(held).value()), std::string&&>);
        CHECK(&as_const.value() == &held.value());
        CHECK(as_const.value() == std::string(100, 'v'));
        std::string const taken = std::move(held).value();
        CHECK(taken == std::string(100, 'v'));
    }
    SECTION("an error, through every overload") {
        result failed(cfdo::unexpected(7));
        result const& as_const = failed;
        CHECK_THROWS_AS(failed.value(), cfdo::bad_expected_access);
        CHECK_THROWS_AS(as_const.value(), cfdo::bad_expected_access);
        CHECK_THROWS_AS(std::move(failed).value(), cfdo::bad_expected_access);
        CHECK(as_const.error() == 7);
    }
    SECTION("a const expected object") {
        result const constant(std::string("c"));
        CHECK(constant.value() == "c");
        result const constant_error(cfdo::unexpected(1));
        CHECK_THROWS_AS(constant_error.value(), cfdo::bad_expected_access);
    }
}

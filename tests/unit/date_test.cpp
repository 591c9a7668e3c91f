// cfdo::date: Cloudflare's compatibility_date. The form (YYYY-MM-DD) is part
// of the type; whether the day exists is a separate check, so that both are
// tested apart here.
#include <cfdo/model/date.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

std::string spelled(cfdo::date const& d) {
    auto const chars = d.chars();
    return std::string(chars.data(), chars.size());
}

// The message of the exception the run-time constructor throws for `written`.
std::string rejection_of(std::string const& written) {
    try {
        cfdo::date const d(written);
        FAIL("\"" << written << "\" was accepted as " << d.str());
    } catch (std::invalid_argument const& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST_CASE("date::parse reads YYYY-MM-DD", "[date]") {
    auto const parsed = cfdo::date::parse("2024-03-01");
    REQUIRE(parsed.has_value());
    CHECK(parsed->year() == 2024);
    CHECK(parsed->month() == 3);
    CHECK(parsed->day() == 1);
    CHECK(*parsed == cfdo::date(2024, 3, 1));

    CHECK(cfdo::date::parse("0001-01-01") == cfdo::date(1, 1, 1));
    CHECK(cfdo::date::parse("9999-12-31") == cfdo::date(9999, 12, 31));

    SECTION("the form only: digits that name no day still parse") {
        CHECK(cfdo::date::parse("2023-02-30") == cfdo::date(2023, 2, 30));
        CHECK(cfdo::date::parse("2024-13-00") == cfdo::date(2024, 13, 0));
    }
}

TEST_CASE("date::parse rejects anything but YYYY-MM-DD", "[date]") {
    auto const written =
        GENERATE(as<std::string>{}, "2024-3-01", "2024-03-1", "24-03-01", " 2024-03-01", "2024-03-01 ", "2024/03/01",
                 "", "2024-03-01x", "2024-03-01T00:00:00Z", "2024_03_01", "20240301", "2024-0a-01", "+024-03-01",
                 "-024-03-01", "2024-03--1", "2024-03-+1", "２０２４-03-01");
    INFO("written: \"" << written << "\"");
    CHECK_FALSE(cfdo::date::parse(written).has_value());
}

TEST_CASE("date from a malformed run-time string throws std::invalid_argument quoting it", "[date]") {
    auto const written = GENERATE(as<std::string>{}, "2024-3-01", "2024/03/01", "", "tomorrow");
    CHECK(rejection_of(written) == "cfdo::date: \"" + written + "\" is not a date written YYYY-MM-DD");

    SECTION("the string_view and pointer constructors throw the same") {
        CHECK_THROWS_AS(cfdo::date(std::string_view(written)), std::invalid_argument);
        CHECK_THROWS_AS(cfdo::date(written.c_str()), std::invalid_argument);
    }
}

TEST_CASE("date's exception shows control bytes of the string escaped", "[date]") {
    CHECK(rejection_of("2024\n03-01") == "cfdo::date: \"2024\\x0a03-01\" is not a date written YYYY-MM-DD");
    CHECK(rejection_of("\x1b[2J") == "cfdo::date: \"\\x1b[2J\" is not a date written YYYY-MM-DD");
}

namespace {

// While compiling, the same text is kept rather than thrown, so that the
// rule compatibility-date-invalid can quote it (cfdo::valid prints it).
constexpr cfdo::date malformed_while_compiling("2024-3-1");

} // namespace

TEST_CASE("date from a malformed literal, while compiling, is no calendar day and keeps its text", "[date]") {
    STATIC_REQUIRE(malformed_while_compiling.malformed_text() == "2024-3-1");
    STATIC_REQUIRE_FALSE(malformed_while_compiling.is_calendar_date());
    STATIC_REQUIRE(malformed_while_compiling != cfdo::date(0, 0, 0));
    STATIC_REQUIRE(cfdo::date("2024-03-01").malformed_text().empty());
    // The same text at run time: thrown, as above.
    CHECK_THROWS_AS(cfdo::date(std::string_view(malformed_while_compiling.malformed_text())), std::invalid_argument);
}

TEST_CASE("date from a null char pointer throws std::invalid_argument", "[date]") {
    // What getenv returns for a variable that is not set.
    char const* const unset = nullptr;
    CHECK_THROWS_AS(cfdo::date(unset), std::invalid_argument);
    CHECK_THROWS_WITH(cfdo::date(unset), Catch::StartsWith("cfdo::date: the char const* is null"));
}

TEST_CASE("date from a well-formed run-time string", "[date]") {
    std::string const written = "2025-08-06";
    cfdo::date const d(written);
    CHECK(d == cfdo::date(2025, 8, 6));
    CHECK(d.str() == written);
}

TEST_CASE("date::is_calendar_date follows the Gregorian calendar", "[date]") {
    SECTION("leap years: every 4th, not every 100th, but every 400th") {
        CHECK(cfdo::date(2000, 2, 29).is_calendar_date());
        CHECK_FALSE(cfdo::date(1900, 2, 29).is_calendar_date());
        CHECK(cfdo::date(1900, 2, 28).is_calendar_date());
        CHECK(cfdo::date(2024, 2, 29).is_calendar_date());
        CHECK_FALSE(cfdo::date(2024, 2, 30).is_calendar_date());
        CHECK_FALSE(cfdo::date(2023, 2, 29).is_calendar_date());
        CHECK(cfdo::date(2023, 2, 28).is_calendar_date());
    }
    SECTION("months from 1 to 12") {
        CHECK_FALSE(cfdo::date(2024, 0, 1).is_calendar_date());
        CHECK_FALSE(cfdo::date(2024, 13, 1).is_calendar_date());
        CHECK(cfdo::date(2024, 1, 1).is_calendar_date());
        CHECK(cfdo::date(2024, 12, 31).is_calendar_date());
    }
    SECTION("days from 1 to the length of the month") {
        CHECK_FALSE(cfdo::date(2024, 1, 0).is_calendar_date());
        CHECK_FALSE(cfdo::date(2024, 1, 32).is_calendar_date());
        CHECK(cfdo::date(2024, 1, 31).is_calendar_date());
        CHECK_FALSE(cfdo::date(2024, 4, 31).is_calendar_date());
        CHECK(cfdo::date(2024, 4, 30).is_calendar_date());
        CHECK_FALSE(cfdo::date(2024, 6, 31).is_calendar_date());
        CHECK_FALSE(cfdo::date(2024, 9, 31).is_calendar_date());
        CHECK_FALSE(cfdo::date(2024, 11, 31).is_calendar_date());
        CHECK(cfdo::date(2024, 12, 31).is_calendar_date());
    }
    SECTION("years from 1 to 9999") {
        CHECK_FALSE(cfdo::date(0, 1, 1).is_calendar_date());
        CHECK(cfdo::date(1, 1, 1).is_calendar_date());
        CHECK(cfdo::date(9999, 12, 31).is_calendar_date());
        CHECK_FALSE(cfdo::date(10000, 1, 1).is_calendar_date());
        CHECK_FALSE(cfdo::date(-4, 2, 29).is_calendar_date());
    }
    SECTION("a negative month or day is no date") {
        CHECK_FALSE(cfdo::date(2024, -1, 1).is_calendar_date());
        CHECK_FALSE(cfdo::date(2024, 1, -1).is_calendar_date());
    }
}

TEST_CASE("date spells itself YYYY-MM-DD", "[date]") {
    CHECK(spelled(cfdo::date(2024, 3, 1)) == "2024-03-01");
    CHECK(cfdo::date(2024, 3, 1).str() == "2024-03-01");
    CHECK(cfdo::date(1, 2, 3).str() == "0001-02-03");
    CHECK(cfdo::date(2025, 12, 31).str() == "2025-12-31");
    CHECK(cfdo::date(-5, -1, -2).str() == "0000-00-00");

    SECTION("parse and str are inverses") {
        for (auto const* written : {"2024-02-29", "1999-12-31", "0042-07-04", "2024-13-45"}) {
            INFO(written);
            CHECK(cfdo::date(written).str() == written);
        }
    }
    SECTION("chars() works in constant expressions") {
        constexpr auto chars = cfdo::date(2024, 3, 1).chars();
        STATIC_REQUIRE(std::string_view(chars.data(), chars.size()) == "2024-03-01");
    }
}

TEST_CASE("dates are ordered by year, month, day", "[date]") {
    CHECK(cfdo::date(2024, 3, 1) < cfdo::date(2024, 3, 2));
    CHECK(cfdo::date(2024, 2, 28) < cfdo::date(2024, 3, 1));
    CHECK(cfdo::date(2023, 12, 31) < cfdo::date(2024, 1, 1));
    CHECK(cfdo::date("2024-03-01") == cfdo::date(2024, 3, 1));
    CHECK(cfdo::date("2024-03-01") != cfdo::date(2024, 1, 3));
}

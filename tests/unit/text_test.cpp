// cfdo::text: the owning string of the model. It must behave like a string
// at run time (bytes kept exactly, comparisons with every string spelling)
// because configurations read from files and environment variables use it.
#include <cfdo/json/pointer.hpp>
#include <cfdo/model/text.hpp>

#include <catch2/catch.hpp>

#include <compare>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

using namespace std::string_view_literals;

std::string decimal(std::size_t number, std::string prefix = {}) {
    cfdo::text out(prefix);
    cfdo::append_pointer_index(out, number);
    return out.str();
}

} // namespace

TEST_CASE("text is built from a literal, a string_view or a std::string", "[text]") {
    SECTION("default is empty") {
        cfdo::text const t;
        CHECK(t.empty());
        CHECK(t.size() == 0);
        CHECK(t.view().empty());
        CHECK(t.str().empty());
    }
    SECTION("literal") {
        cfdo::text const t("Counter");
        CHECK(t.size() == 7);
        CHECK_FALSE(t.empty());
        CHECK(t.view() == "Counter"sv);
        CHECK(t.str() == "Counter");
    }
    SECTION("string_view: exactly the viewed bytes, not up to a NUL") {
        std::string_view const whole = "CounterRoom";
        cfdo::text const t(whole.substr(0, 7));
        CHECK(t.str() == "Counter");
    }
    SECTION("std::string: a copy, which does not follow later changes") {
        std::string source = "Counter";
        cfdo::text const t(source);
        source[0] = 'X';
        source += " and more bytes than the small-string buffer holds";
        CHECK(t.str() == "Counter");
    }
    SECTION("converts to std::string_view over its own bytes") {
        cfdo::text const t("abc");
        std::string_view const view = t;
        CHECK(view == "abc");
        CHECK(view.data() == t.data());
    }
    SECTION("iterates over its bytes") {
        cfdo::text const t("abc");
        CHECK(std::string(t.begin(), t.end()) == "abc");
    }
    SECTION("copies are independent") {
        cfdo::text original("one");
        cfdo::text copy = original;
        original += "two";
        CHECK(copy.str() == "one");
        CHECK(original.str() == "onetwo");
    }
}

TEST_CASE("text from a null char pointer throws std::invalid_argument", "[text]") {
    // What getenv returns for a variable that is not set.
    char const* const unset = nullptr;
    CHECK_THROWS_AS(cfdo::text(unset), std::invalid_argument);
    CHECK_THROWS_WITH(cfdo::text(unset), Catch::StartsWith("cfdo::text: the char const* is null"));
}

TEST_CASE("text keeps embedded NUL bytes", "[text]") {
    std::string_view const bytes("a\0b\0", 4);

    SECTION("from a string_view") {
        cfdo::text const t(bytes);
        CHECK(t.size() == 4);
        CHECK(t.view() == bytes);
        CHECK(t.str() == std::string(bytes));
    }
    SECTION("from a std::string") {
        std::string const source(bytes);
        cfdo::text const t(source);
        CHECK(t.size() == 4);
        CHECK(t == source);
    }
    SECTION("appended") {
        cfdo::text t("x");
        t += std::string_view("\0", 1);
        t += "y";
        CHECK(t.size() == 3);
        CHECK(t.view() == std::string_view("x\0y", 3));
    }
    SECTION("a NUL byte takes part in comparisons") {
        cfdo::text const with_nul(std::string_view("a\0", 2));
        CHECK(with_nul != cfdo::text("a"));
        CHECK(cfdo::text("a") < with_nul);
        CHECK(cfdo::text(std::string_view("a\0b", 3)) < cfdo::text(std::string_view("a\0c", 3)));
    }
    SECTION("a char pointer ends at its first NUL, like any C string") {
        cfdo::text const t("a\0b");
        CHECK(t.size() == 1);
    }
}

TEST_CASE("text compares with text, literals, std::string and std::string_view", "[text]") {
    cfdo::text const apple("apple");
    cfdo::text const banana("banana");

    SECTION("equality, both operand orders") {
        CHECK(apple == cfdo::text("apple"));
        CHECK(apple != banana);

        CHECK(apple == "apple");
        CHECK("apple" == apple);
        CHECK(apple != "apples");
        CHECK("appl" != apple);

        CHECK(apple == std::string("apple"));
        CHECK(std::string("apple") == apple);
        CHECK(apple != std::string("Apple"));

        CHECK(apple == "apple"sv);
        CHECK("apple"sv == apple);
        CHECK(apple != "banana"sv);
    }
    SECTION("three-way comparison is a strong ordering, lexicographic by byte") {
        static_assert(std::is_same_v<decltype(apple <=> banana), std::strong_ordering>);
        static_assert(std::is_same_v<decltype(apple <=> "x"), std::strong_ordering>);
        static_assert(std::is_same_v<decltype(apple <=> std::string()), std::strong_ordering>);

        CHECK((apple <=> banana) == std::strong_ordering::less);
        CHECK((banana <=> apple) == std::strong_ordering::greater);
        CHECK((apple <=> cfdo::text("apple")) == std::strong_ordering::equal);

        CHECK((apple <=> "apple") == std::strong_ordering::equal);
        CHECK((apple <=> "apples") == std::strong_ordering::less);
        CHECK(("b" <=> apple) == std::strong_ordering::greater);

        CHECK((apple <=> std::string("apricot")) == std::strong_ordering::less);
        CHECK((std::string("apricot") <=> apple) == std::strong_ordering::greater);

        CHECK((banana <=> "apple"sv) == std::strong_ordering::greater);
        CHECK(("banana"sv <=> banana) == std::strong_ordering::equal);
    }
    SECTION("relational operators follow from <=>") {
        CHECK(apple < banana);
        CHECK(banana > apple);
        CHECK(apple <= "apple");
        CHECK(apple >= "apple");
        CHECK(cfdo::text("app") < "apple");
        CHECK(cfdo::text("Zebra") < "apple"); // byte order: 'Z' < 'a'
        CHECK(apple < std::string("b"));
        CHECK("apple"sv < banana);
        CHECK(cfdo::text() < "a");
    }
}

TEST_CASE("append_pointer_index writes the decimal digits of an index", "[text][pointer]") {
    CHECK(decimal(0) == "0");
    CHECK(decimal(7) == "7");
    CHECK(decimal(10) == "10");
    CHECK(decimal(100) == "100");
    CHECK(decimal(1234567890) == "1234567890");
    CHECK(decimal(std::numeric_limits<std::size_t>::max()) == std::to_string(std::numeric_limits<std::size_t>::max()));

    SECTION("appends to what is there, as JSON pointers are built") {
        CHECK(decimal(0, "/modules/") == "/modules/0");
        CHECK(decimal(12, "/bindings/") == "/bindings/12");
    }
    SECTION("works in constant expressions") {
        static_assert([] {
            cfdo::text out("/steps/");
            cfdo::append_pointer_index(out, 305);
            return out == "/steps/305";
        }());
    }
}

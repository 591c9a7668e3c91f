// cfdo::one_of is a hand-written union: every special member manages object
// lifetimes itself. These tests move heap-owning values (strings longer than
// any small-string buffer) between alternatives at run time, so that a
// double destruction, a missed destruction or a read of a dead member shows
// up as a wrong value here and as an error under a sanitizer.
#include <cfdo/model/bindings.hpp>
#include <cfdo/model/one_of.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

using value = cfdo::one_of<std::string, std::vector<std::string>, int>;

// Long enough to live on the heap whatever the standard library's SSO size.
std::string long_string(char fill, std::size_t size = 100) { return std::string(size, fill); }

std::vector<std::string> long_strings() { return {long_string('a'), long_string('b'), long_string('c')}; }

// What the value holds, spelled out, to compare whole states at once.
std::string describe(value const& v) {
    struct describer {
        std::string operator()(std::string const& s) const { return "string:" + s; }
        std::string operator()(std::vector<std::string> const& items) const {
            std::string out = "vector:";
            for (auto const& item : items) out += item + ",";
            return out;
        }
        std::string operator()(int i) const { return "int:" + std::to_string(i); }
    };
    return v.visit(describer{});
}

} // namespace

TEST_CASE("one_of converts implicitly from each alternative", "[one_of]") {
    SECTION("first alternative") {
        value const v = long_string('s');
        CHECK(v.index() == 0);
        CHECK(v.holds<std::string>());
        CHECK_FALSE(v.holds<int>());
        REQUIRE(v.get_if<std::string>() != nullptr);
        CHECK(v.get<std::string>() == long_string('s'));
        CHECK(v.get_if<int>() == nullptr);
        CHECK(v.get_if<std::vector<std::string>>() == nullptr);
    }
    SECTION("middle alternative") {
        value const v = long_strings();
        CHECK(v.index() == 1);
        CHECK(v.holds<std::vector<std::string>>());
        REQUIRE(v.get_if<std::vector<std::string>>() != nullptr);
        CHECK(v.get<std::vector<std::string>>() == long_strings());
        CHECK(v.get_if<std::string>() == nullptr);
    }
    SECTION("last alternative") {
        value const v = 42;
        CHECK(v.index() == 2);
        CHECK(v.holds<int>());
        REQUIRE(v.get_if<int>() != nullptr);
        CHECK(v.get<int>() == 42);
    }
    SECTION("from an lvalue, which is copied") {
        std::string source = long_string('l');
        value const v = source;
        source.clear();
        CHECK(describe(v) == "string:" + long_string('l'));
    }
    SECTION("a braced list of binding kinds") {
        std::vector<cfdo::binding> const bindings{
            cfdo::durable_object_binding{.name = "COUNTER", .class_name = "Counter"},
            cfdo::plain_text_binding{.name = "GREETING", .text = "hello"},
            cfdo::queue_binding{.name = "JOBS", .queue_name = "jobs"},
        };
        CHECK(bindings[0].index() == 0);
        CHECK(bindings[1].index() == 1);
        CHECK(bindings[2].index() == 8);
        CHECK(cfdo::name_of(bindings[1]) == "GREETING");
        CHECK(cfdo::type_of(bindings[2]) == "queue");
    }
}

TEST_CASE("one_of is never valueless and knows its alternatives", "[one_of]") {
    STATIC_REQUIRE_FALSE(std::is_default_constructible_v<value>);
    STATIC_REQUIRE(value::holds_alternative<int>);
    STATIC_REQUIRE(value::holds_alternative<std::string const&>);
    STATIC_REQUIRE_FALSE(value::holds_alternative<double>);
    STATIC_REQUIRE(std::is_convertible_v<int, value>);
    STATIC_REQUIRE_FALSE(std::is_convertible_v<double*, value>);
}

TEST_CASE("one_of moves without throwing, so assignment always ends holding a value", "[one_of]") {
    // Alternatives whose move may throw do not compile (compile_fail.
    // one_of_alternative_with_throwing_move); the model's all qualify.
    STATIC_REQUIRE(std::is_nothrow_move_constructible_v<value>);
    STATIC_REQUIRE(std::is_nothrow_move_assignable_v<value>);
    STATIC_REQUIRE(std::is_nothrow_move_constructible_v<cfdo::binding>);
    STATIC_REQUIRE(std::is_nothrow_move_assignable_v<cfdo::binding>);
}

TEST_CASE("one_of::visit calls the function with the held alternative", "[one_of]") {
    SECTION("const visit returns the function's result") {
        CHECK(describe(value(long_string('x'))) == "string:" + long_string('x'));
        CHECK(describe(value(std::vector<std::string>{"p", "q"})) == "vector:p,q,");
        CHECK(describe(value(-3)) == "int:-3");
    }
    SECTION("mutable visit changes the held value in place") {
        value v = long_string('m');
        v.visit([](auto& held) {
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(held)>, std::string>) held += "!";
        });
        CHECK(describe(v) == "string:" + long_string('m') + "!");
        CHECK(v.index() == 0);
    }
    SECTION("get_if on a mutable value gives write access") {
        value v = 1;
        v.get<int>() = 5;
        CHECK(describe(v) == "int:5");
    }
    SECTION("binding helpers visit every kind") {
        cfdo::binding const d1 = cfdo::d1_binding{.name = "DB", .database_id = "id"};
        cfdo::binding const json = cfdo::json_binding{.name = "SETTINGS", .json = "{}"};
        CHECK(cfdo::type_of(d1) == "d1");
        CHECK(cfdo::name_of(d1) == "DB");
        CHECK(cfdo::type_of(json) == "json");
        CHECK(cfdo::name_of(json) == "SETTINGS");
    }
}

TEST_CASE("one_of copies and moves between different alternatives", "[one_of]") {
    SECTION("copy construction is deep") {
        value original = long_strings();
        value copy = original;
        original.get<std::vector<std::string>>().push_back(long_string('z'));
        CHECK(describe(copy) == describe(value(long_strings())));
        CHECK(copy.get<std::vector<std::string>>().size() == 3);
    }
    SECTION("move construction takes the value") {
        value original = long_string('m');
        value moved = std::move(original);
        CHECK(describe(moved) == "string:" + long_string('m'));
        CHECK(original.index() == 0); // moved-from keeps its alternative
    }
    SECTION("copy assignment from another alternative") {
        value target = long_string('t');
        value const source = long_strings();
        target = source;
        CHECK(target.index() == 1);
        CHECK(describe(target) == describe(source));
        CHECK(source.get<std::vector<std::string>>() == long_strings());
    }
    SECTION("copy assignment from the same alternative") {
        value target = long_string('t');
        value const source = long_string('s', 200);
        target = source;
        CHECK(describe(target) == "string:" + long_string('s', 200));
        CHECK(describe(source) == "string:" + long_string('s', 200));
    }
    SECTION("move assignment from another alternative, every direction") {
        value a = long_string('a');
        value b = long_strings();
        value c = 7;

        a = std::move(b); // string <- vector
        CHECK(describe(a) == describe(value(long_strings())));
        b = std::move(c); // vector (moved-from) <- int
        CHECK(describe(b) == "int:7");
        c = value(long_string('c')); // int (moved-from) <- string
        CHECK(describe(c) == "string:" + long_string('c'));
        a = std::move(c); // vector <- string
        CHECK(describe(a) == "string:" + long_string('c'));
    }
    SECTION("assignment of an alternative") {
        value v = long_strings();
        v = 3;
        CHECK(describe(v) == "int:3");
        v = long_string('n');
        CHECK(describe(v) == "string:" + long_string('n'));
        v = long_strings();
        CHECK(describe(v) == describe(value(long_strings())));
    }
    SECTION("self-assignment keeps the value") {
        value v = long_string('s');
        value& same = v;
        v = same;
        CHECK(describe(v) == "string:" + long_string('s'));
        v = std::move(same);
        CHECK(describe(v) == "string:" + long_string('s'));
    }
    SECTION("swap exchanges alternatives") {
        value a = long_string('a');
        value b = long_strings();
        std::swap(a, b);
        CHECK(describe(a) == describe(value(long_strings())));
        CHECK(describe(b) == "string:" + long_string('a'));
    }
    SECTION("a growing vector relocates its values") {
        auto item = [](int i) -> value {
            if (i % 3 == 0) return long_string(static_cast<char>('a' + i % 26));
            if (i % 3 == 1) return std::vector<std::string>{long_string('v'), std::to_string(i)};
            return i;
        };
        std::vector<value> values;
        for (int i = 0; i < 100; ++i) values.push_back(item(i));
        values.erase(values.begin(), values.begin() + 50); // move-assigns across alternatives
        REQUIRE(values.size() == 50);
        for (int i = 50; i < 100; ++i) {
            INFO("item " << i);
            CHECK(describe(values[static_cast<std::size_t>(i - 50)]) == describe(item(i)));
        }
    }
    SECTION("model values with many strings survive reassignment") {
        std::vector<cfdo::binding> bindings{
            cfdo::durable_object_binding{
                .name = long_string('N'), .class_name = long_string('C'), .script_name = long_string('S')},
            cfdo::service_binding{
                .name = long_string('A'), .service = long_string('s'), .entrypoint = long_string('e')},
        };
        bindings[0] = bindings[1];
        bindings[1] = cfdo::r2_bucket_binding{.name = "ASSETS", .bucket_name = long_string('b')};
        REQUIRE(bindings[0].holds<cfdo::service_binding>());
        CHECK(bindings[0].get_if<cfdo::service_binding>()->entrypoint == long_string('e'));
        REQUIRE(bindings[1].holds<cfdo::r2_bucket_binding>());
        CHECK(bindings[1].get_if<cfdo::r2_bucket_binding>()->bucket_name == long_string('b'));
    }
}

TEST_CASE("one_of equality compares the alternative, then the value", "[one_of]") {
    CHECK(value(long_string('a')) == value(long_string('a')));
    CHECK_FALSE(value(long_string('a')) == value(long_string('b')));
    CHECK(value(long_strings()) == value(long_strings()));
    CHECK(value(1) == value(1));
    CHECK(value(1) != value(2));

    SECTION("different alternatives are never equal") {
        CHECK(value(std::string()) != value(std::vector<std::string>{}));
        CHECK(value(0) != value(std::string()));
    }
    SECTION("binding kinds with the same fields are different bindings") {
        cfdo::binding const plain = cfdo::plain_text_binding{.name = "KEY", .text = "value"};
        cfdo::binding const secret = cfdo::secret_text_binding{.name = "KEY", .text = "value"};
        CHECK(plain != secret);
        CHECK(plain == cfdo::binding(cfdo::plain_text_binding{.name = "KEY", .text = "value"}));
        CHECK(plain != cfdo::binding(cfdo::plain_text_binding{.name = "KEY", .text = "other"}));
    }
}

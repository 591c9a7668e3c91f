// The unqualified name of a type, for tests that find a fixture per type
// (tests/fuzz/seeds/responses/list_namespaces.json) and for their messages.
#ifndef CFDO_TESTS_TYPE_NAME_HPP_INCLUDED
#define CFDO_TESTS_TYPE_NAME_HPP_INCLUDED

#include <string_view>

namespace cfdo_tests {

/// `list_namespaces` for `cfdo::list_namespaces`, read from the function
/// signature GCC and Clang spell ("... [with T = cfdo::list_namespaces; ...]"
/// and "... [T = cfdo::list_namespaces]").
template <class T>
constexpr std::string_view type_name() {
    std::string_view const signature = __PRETTY_FUNCTION__;
    auto const start = signature.find("T = ") + 4;
    auto name = signature.substr(start, signature.find_first_of(";]", start) - start);
    if (auto const scope = name.rfind("::"); scope != std::string_view::npos) name.remove_prefix(scope + 2);
    return name;
}

} // namespace cfdo_tests

#endif

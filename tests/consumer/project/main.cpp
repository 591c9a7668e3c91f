// A consumer of cfdo: checks a request at compile time, builds it at run
// time and prints its method and target.
#include <cfdo.hpp>

#include <iostream>

namespace {
// Configurations that own memory are written as constexpr factories: a
// constant expression may build and inspect them, not keep them.
constexpr cfdo::list_namespaces listing() { return {.account_id = "0123"}; }
static_assert(cfdo::valid<listing>()); // names the rule, the subject and the pointer when it fails
} // namespace

int main() {
    auto const request = cfdo::make_request(listing());
    std::cout << cfdo::to_string(request.method) << ' ' << request.target() << '\n';
}

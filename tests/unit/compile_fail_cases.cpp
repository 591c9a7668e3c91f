// Compile-time refusals of the vocabulary types, run by the compile-fail
// harness of tests/compile_fail (see tests/unit/CMakeLists.txt): each case
// must fail to compile with the expected first error, and its twin (with
// -DCFDO_TWIN) must compile cleanly.
#include <cfdo/model/date.hpp>
#include <cfdo/model/text.hpp>

#include <cstddef>

namespace {

#if defined(CFDO_CASE_text_from_null_pointer_constant)
// A null char pointer is no text, in constant expressions too.
#if defined(CFDO_TWIN)
constexpr char const* unset = "COUNTER";
#else
constexpr char const* unset = nullptr;
#endif
constexpr std::size_t size = cfdo::text(unset).size();
static_assert(size == 7);
#endif

#if defined(CFDO_CASE_date_from_null_pointer_constant)
#if defined(CFDO_TWIN)
constexpr char const* unset = "2024-03-01";
#else
constexpr char const* unset = nullptr;
#endif
constexpr cfdo::date compatibility_date = unset;
static_assert(compatibility_date.year() == 2024);
#endif

} // namespace

// Compile-time refusals of the vocabulary types (text, date, one_of): each
// case must fail to compile with the expected first error, and its twin
// (with -DCFDO_TWIN) must compile cleanly.
#include <cfdo/model/date.hpp>
#include <cfdo/model/one_of.hpp>
#include <cfdo/model/text.hpp>

#include <cstddef>

namespace {

#if defined(CFDO_CASE_text_from_null_pointer_constant)
namespace text_from_null_pointer_constant {
// A null char pointer is no text, in constant expressions too.
#if defined(CFDO_TWIN)
constexpr char const* unset = "COUNTER";
#else
constexpr char const* unset = nullptr;
#endif
constexpr std::size_t size = cfdo::text(unset).size();
static_assert(size == 7);
} // namespace text_from_null_pointer_constant
#endif

#if defined(CFDO_CASE_date_from_null_pointer_constant)
namespace date_from_null_pointer_constant {
#if defined(CFDO_TWIN)
constexpr char const* unset = "2024-03-01";
#else
constexpr char const* unset = nullptr;
#endif
constexpr cfdo::date compatibility_date = unset;
static_assert(compatibility_date.year() == 2024);
} // namespace date_from_null_pointer_constant
#endif

#if defined(CFDO_CASE_one_of_alternative_with_throwing_move)
namespace one_of_alternative_with_throwing_move {
// Assignment destroys the held alternative before moving the new one in,
// which is safe only if that move cannot throw.
struct draft {
    constexpr draft() = default;
    constexpr draft(draft const&) = default;
#if defined(CFDO_TWIN)
    constexpr draft(draft&&) noexcept {}
#else
    constexpr draft(draft&&) noexcept(false) {}
#endif
};
constexpr std::size_t held = cfdo::one_of<int, draft>(draft{}).index();
static_assert(held == 1);
} // namespace one_of_alternative_with_throwing_move
#endif

} // namespace

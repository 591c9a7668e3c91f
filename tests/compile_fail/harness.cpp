// The harness's sanity pair: this case must fail with the message below, and
// its twin must compile. If either test breaks, the harness itself is broken.
#include <type_traits>

#if defined(CFDO_CASE_harness_sanity)
namespace harness_sanity {
template <class T>
constexpr bool fails_unless_twin =
#if defined(CFDO_TWIN)
    true;
#else
    !std::is_same_v<T, T>;
#endif
static_assert(fails_unless_twin<int>, "cfdo compile-fail harness sanity check");
} // namespace harness_sanity
#endif

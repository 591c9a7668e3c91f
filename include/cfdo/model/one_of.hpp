// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_ONE_OF_HPP_INCLUDED
#define CFDO_MODEL_ONE_OF_HPP_INCLUDED

#include <cfdo/config.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <concepts>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace cfdo {

namespace detail {

// Union storage, as a balanced tree of unions: a plain union is the only
// storage whose active member may change inside a constant expression on
// GCC 12 and Clang 16 alike (`std::variant` of non-trivial types is refused
// by Clang 16 with libstdc++ 12). Each level starts empty; `emplace`
// activates exactly one path with `std::construct_at`, which both compilers
// accept in constant evaluation. A tree rather than a list: reaching
// alternative I takes log2(N) steps, not I, so that the forty-odd binding
// kinds cost O(N log N) instantiations, not O(N^2).
template <class... Ts>
union union_storage;

template <class T>
union union_storage<T> {
    struct empty_t {};

    empty_t empty;
    T value;

    constexpr union_storage() noexcept : empty{} {}
    constexpr ~union_storage() {}

    template <std::size_t>
    constexpr T& get() noexcept {
        return value;
    }

    template <std::size_t>
    constexpr T const& get() const noexcept {
        return value;
    }

    template <std::size_t, class... Args>
    constexpr void emplace(Args&&... args) {
        std::construct_at(std::addressof(value), std::forward<Args>(args)...);
    }

    template <std::size_t>
    constexpr void destroy() noexcept {
        std::destroy_at(std::addressof(value));
    }
};

template <class List>
struct union_storage_of;
template <class... Ts>
struct union_storage_of<boost::mp11::mp_list<Ts...>> {
    using type = union_storage<Ts...>;
};

template <class T0, class T1, class... Ts>
union union_storage<T0, T1, Ts...> {
    static constexpr std::size_t half = (2 + sizeof...(Ts)) / 2;
    using all = boost::mp11::mp_list<T0, T1, Ts...>;
    using left_t = typename union_storage_of<boost::mp11::mp_take_c<all, half>>::type;
    using right_t = typename union_storage_of<boost::mp11::mp_drop_c<all, half>>::type;

    struct empty_t {};

    empty_t empty;
    left_t left;
    right_t right;

    constexpr union_storage() noexcept : empty{} {}
    constexpr ~union_storage() {}

    template <std::size_t I>
    constexpr auto& get() noexcept {
        if constexpr (I < half) return left.template get<I>();
        else return right.template get<I - half>();
    }

    template <std::size_t I>
    constexpr auto const& get() const noexcept {
        if constexpr (I < half) return left.template get<I>();
        else return right.template get<I - half>();
    }

    template <std::size_t I, class... Args>
    constexpr void emplace(Args&&... args) {
        if constexpr (I < half) {
            std::construct_at(std::addressof(left));
            left.template emplace<I>(std::forward<Args>(args)...);
        } else {
            std::construct_at(std::addressof(right));
            right.template emplace<I - half>(std::forward<Args>(args)...);
        }
    }

    template <std::size_t I>
    constexpr void destroy() noexcept {
        if constexpr (I < half) left.template destroy<I>();
        else right.template destroy<I - half>();
    }
};

// Deliberately not constexpr: reaching it stops constant evaluation with this
// name, and at run time it throws.
[[noreturn]] inline void one_of_does_not_hold_the_alternative_asked_for() {
    throw std::logic_error("cfdo::one_of::get: another alternative is held");
}

} // namespace detail

/// A value that is exactly one of `Alternatives...` — the sum type of the
/// model (binding kinds, migration forms, module contents).
///
/// Unlike `std::variant` it is usable in constant expressions on Clang 16 with
/// libstdc++ 12, and it is never valueless: it has no default constructor, so
/// a binding is always some concrete kind. An alternative converts implicitly,
/// which lets `std::vector<binding>` be written as a braced list of kinds.
template <class... Alternatives>
class one_of {
    static_assert(sizeof...(Alternatives) > 0, "cfdo::one_of needs at least one alternative");
    // Assignment destroys the held alternative before it moves the new one
    // in: a move that threw there would leave no alternative alive, and the
    // destructor would then destroy a dead one. With moves that cannot throw,
    // that sequence always ends holding a whole value.
    static_assert((std::is_nothrow_move_constructible_v<Alternatives> && ...),
                  "every alternative of cfdo::one_of must be nothrow move constructible");

public:
    /// The alternatives, as an mp11 list.
    using alternatives = boost::mp11::mp_list<Alternatives...>;

private:
    static constexpr std::size_t count = sizeof...(Alternatives);

    template <class T>
    static constexpr std::size_t index_of = boost::mp11::mp_find<alternatives, T>::value;

public:
    /// True when `T` is one of the alternatives.
    template <class T>
    static constexpr bool holds_alternative = index_of<std::remove_cvref_t<T>> < count;

    template <class T>
        requires holds_alternative<T>
    constexpr one_of(T&& value) : index_(index_of<std::remove_cvref_t<T>>) {
        storage_.template emplace<index_of<std::remove_cvref_t<T>>>(std::forward<T>(value));
    }

    constexpr one_of(one_of const& other) : index_(other.index_) {
        with_index(index_, [&](auto i) { storage_.template emplace<i>(other.storage_.template get<i>()); });
    }

    constexpr one_of(one_of&& other) noexcept : index_(other.index_) {
        with_index(index_, [&](auto i) { storage_.template emplace<i>(std::move(other.storage_.template get<i>())); });
    }

    constexpr one_of& operator=(one_of const& other) {
        if (this != &other) {
            one_of copy(other);
            *this = std::move(copy);
        }
        return *this;
    }

    constexpr one_of& operator=(one_of&& other) noexcept {
        if (this != &other) {
            destroy();
            index_ = other.index_;
            with_index(index_,
                       [&](auto i) { storage_.template emplace<i>(std::move(other.storage_.template get<i>())); });
        }
        return *this;
    }

    constexpr ~one_of() { destroy(); }

    /// Zero-based position of the held alternative in `Alternatives...`.
    [[nodiscard]] constexpr std::size_t index() const noexcept { return index_; }

    template <class T>
    [[nodiscard]] constexpr bool holds() const noexcept {
        static_assert(holds_alternative<T>, "T is not an alternative of this cfdo::one_of");
        return index_ == index_of<T>;
    }

    /// The held `T`; holding another alternative is a precondition violation
    /// (a compile error in a constant expression, `std::logic_error` at run
    /// time). Prefer `holds<T>()` then `get<T>()` over testing `get_if` for
    /// null in constexpr code: GCC 12 cannot compare the address of a
    /// temporary's member with null in a constant expression.
    template <class T>
    [[nodiscard]] constexpr T const& get() const {
        if (!holds<T>()) detail::one_of_does_not_hold_the_alternative_asked_for();
        return storage_.template get<index_of<T>>();
    }

    template <class T>
    [[nodiscard]] constexpr T& get() {
        if (!holds<T>()) detail::one_of_does_not_hold_the_alternative_asked_for();
        return storage_.template get<index_of<T>>();
    }

    /// The held `T`, or a null pointer when another alternative is held.
    template <class T>
    [[nodiscard]] constexpr T const* get_if() const noexcept {
        static_assert(holds_alternative<T>, "T is not an alternative of this cfdo::one_of");
        return holds<T>() ? std::addressof(storage_.template get<index_of<T>>()) : nullptr;
    }

    template <class T>
    [[nodiscard]] constexpr T* get_if() noexcept {
        static_assert(holds_alternative<T>, "T is not an alternative of this cfdo::one_of");
        return holds<T>() ? std::addressof(storage_.template get<index_of<T>>()) : nullptr;
    }

    /// Calls `f` with the held alternative; every alternative must give `f`
    /// the same return type.
    template <class F>
    constexpr decltype(auto) visit(F&& f) const {
        return with_index(index_, [&](auto i) -> decltype(auto) { return f(storage_.template get<i>()); });
    }

    template <class F>
    constexpr decltype(auto) visit(F&& f) {
        return with_index(index_, [&](auto i) -> decltype(auto) { return f(storage_.template get<i>()); });
    }

    friend constexpr bool operator==(one_of const& a, one_of const& b)
        requires(std::equality_comparable<Alternatives> && ...)
    {
        return a.index_ == b.index_ &&
               a.visit([&](auto const& held) { return held == b.template get<std::remove_cvref_t<decltype(held)>>(); });
    }

private:
    template <class F>
    static constexpr decltype(auto) with_index(std::size_t i, F&& f) {
        return boost::mp11::mp_with_index<count>(i, std::forward<F>(f));
    }

    constexpr void destroy() noexcept {
        with_index(index_, [&](auto i) { storage_.template destroy<i>(); });
    }

    std::size_t index_;
    detail::union_storage<Alternatives...> storage_;
};

template <class T>
inline constexpr bool is_one_of_v = false;
template <class... Alternatives>
inline constexpr bool is_one_of_v<one_of<Alternatives...>> = true;

/// How a JSON reader tells which alternative of `OneOf` a JSON object holds.
/// Left as it is, every alternative must be a kind with a `type` constant
/// (a binding kind), and the object's `type` says which (and its `state`,
/// for kinds that also have a `state` constant); `noun`, when given, names
/// the alternatives in errors (`"an exports entry"`; `"a binding"` otherwise).
/// Otherwise specialize it beside the `one_of` with either
///
///   static constexpr std::size_t always = I;   // always alternative I
///
/// or, for two alternatives,
///
///   static constexpr std::string_view marker = "steps";     // alternative 1 has this key, 0 has not
///   static constexpr std::string_view conflict = "...";     // the error when the object has the marker
///                                                            // and keys that only alternative 0 knows
template <class OneOf>
struct json_alternatives {};

} // namespace cfdo

#endif

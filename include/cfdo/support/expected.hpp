// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_SUPPORT_EXPECTED_HPP_INCLUDED
#define CFDO_SUPPORT_EXPECTED_HPP_INCLUDED

#include <cfdo/config.hpp>

#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

namespace cfdo {

/// Wraps an error so that it converts to an `expected`, as `std::unexpected`.
template <class E>
struct unexpected {
    E error;
};

template <class E>
unexpected(E) -> unexpected<E>;

/// Thrown by `expected::value()` when it holds an error.
class bad_expected_access : public std::logic_error {
public:
    bad_expected_access() : std::logic_error("cfdo::expected holds an error, not a value") {}
};

/// A value or the reason there is none: the run-time results of cfdo
/// (decoded responses, decoded JSON, built requests). A small subset of
/// C++23's `std::expected`, spelled the same, so that code written against it
/// reads the same once the standard one is available.
template <class T, class E>
class expected {
public:
    using value_type = T;
    using error_type = E;

    expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}

    template <class G>
        requires std::is_constructible_v<E, G>
    expected(unexpected<G> failure) : state_(std::in_place_index<1>, std::move(failure.error)) {}

    [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    [[nodiscard]] T& value() & { return checked(*this); }
    [[nodiscard]] T const& value() const& { return checked(*this); }
    [[nodiscard]] T&& value() && { return std::move(checked(*this)); }

    [[nodiscard]] T& operator*() & noexcept { return std::get<0>(state_); }
    [[nodiscard]] T const& operator*() const& noexcept { return std::get<0>(state_); }
    [[nodiscard]] T&& operator*() && noexcept { return std::get<0>(std::move(state_)); }
    [[nodiscard]] T* operator->() noexcept { return &std::get<0>(state_); }
    [[nodiscard]] T const* operator->() const noexcept { return &std::get<0>(state_); }

    [[nodiscard]] E& error() & noexcept { return std::get<1>(state_); }
    [[nodiscard]] E const& error() const& noexcept { return std::get<1>(state_); }
    [[nodiscard]] E&& error() && noexcept { return std::get<1>(std::move(state_)); }

private:
    // One body for the const and non-const value(), each keeping its own
    // constness.
    template <class Self>
    static auto& checked(Self& self) {
        if (!self.has_value()) throw bad_expected_access();
        return std::get<0>(self.state_);
    }

    std::variant<T, E> state_;
};

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_TEXT_HPP_INCLUDED
#define CFDO_MODEL_TEXT_HPP_INCLUDED

#include <cfdo/config.hpp>

#include <compare>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace cfdo {

namespace detail {

// Deliberately not constexpr: reaching it during constant evaluation stops
// compilation with this function's name as the error, and at run time it
// throws. A null `char const*` is no text (getenv returns one for a variable
// that is not set); reading it would be undefined behaviour.
[[noreturn]] inline void text_cannot_be_read_from_a_null_pointer() {
    throw std::invalid_argument("cfdo::text: the char const* is null, not text (an unset environment variable?)");
}

constexpr std::string_view chars_of(char const* chars) {
    if (chars == nullptr) text_cannot_be_read_from_a_null_pointer();
    return chars;
}

} // namespace detail

/// An owning string that works inside constant expressions on every
/// supported toolchain.
///
/// `std::string` cannot be used in a constant expression by Clang 16 with
/// libstdc++ 12 (its small-string union trips Clang's evaluator). `text` owns
/// exactly its characters in storage from `std::allocator<char>`, which GCC 12
/// and Clang 16 both evaluate, and converts to and from `std::string_view`
/// and `std::string`, so that one configuration type serves literals checked
/// at compile time and values read at run time.
///
/// It is deliberately not a `std::vector<char>`: in a constant expression
/// every statement the evaluator runs counts against its limit (Clang's
/// default is about a million), and building a vector runs about twice as
/// many as this — which decides whether a history of 500 classes can be
/// checked while compiling.
///
/// The bytes are stored as given; no terminating NUL is kept and embedded NULs
/// are allowed (module contents may be binary).
class text {
public:
    using value_type = char;
    using const_iterator = char const*;

    constexpr text() noexcept = default;

    constexpr text(std::string_view chars) { assign(chars); }

    /// Throws `std::invalid_argument` when `chars` is null.
    constexpr text(char const* chars) : text(detail::chars_of(chars)) {}

    constexpr text(std::string const& chars) : text(std::string_view(chars)) {}

    text(std::nullptr_t) = delete;

    constexpr text(text const& other) { assign(other.view()); }

    constexpr text(text&& other) noexcept
        : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

    constexpr text& operator=(text const& other) {
        if (this != &other) {
            text copy(other);
            swap(copy);
        }
        return *this;
    }

    constexpr text& operator=(text&& other) noexcept {
        text taken(std::move(other));
        swap(taken);
        return *this;
    }

    constexpr ~text() { release(); }

    [[nodiscard]] constexpr std::string_view view() const noexcept { return {data_, size_}; }

    constexpr operator std::string_view() const noexcept { return view(); }

    [[nodiscard]] std::string str() const { return std::string(view()); }

    [[nodiscard]] constexpr char const* data() const noexcept { return data_; }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
    [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
    [[nodiscard]] constexpr const_iterator begin() const noexcept { return data_; }
    [[nodiscard]] constexpr const_iterator end() const noexcept { return data_ + size_; }

    constexpr text& operator+=(std::string_view more) {
        if (more.empty()) return *this;
        text joined;
        joined.size_ = size_ + more.size();
        joined.data_ = std::allocator<char>().allocate(joined.size_);
        for (std::size_t i = 0; i < size_; ++i) std::construct_at(joined.data_ + i, data_[i]);
        for (std::size_t i = 0; i < more.size(); ++i) std::construct_at(joined.data_ + size_ + i, more[i]);
        swap(joined);
        return *this;
    }

    constexpr void swap(text& other) noexcept {
        std::swap(data_, other.data_);
        std::swap(size_, other.size_);
    }

    friend constexpr bool operator==(text const& a, text const& b) noexcept { return a.view() == b.view(); }

    friend constexpr std::strong_ordering operator<=>(text const& a, text const& b) noexcept {
        return a.view() <=> b.view();
    }

    // Comparisons with anything that reads as a string_view ("literal",
    // std::string, std::string_view). A template, so that comparing two texts
    // prefers the exact overload above instead of being ambiguous with it.
    template <class String>
        requires(std::is_convertible_v<String const&, std::string_view> && !std::is_base_of_v<text, String>)
    friend constexpr bool operator==(text const& a, String const& b) noexcept {
        return a.view() == std::string_view(b);
    }

    template <class String>
        requires(std::is_convertible_v<String const&, std::string_view> && !std::is_base_of_v<text, String>)
    friend constexpr std::strong_ordering operator<=>(text const& a, String const& b) noexcept {
        return a.view() <=> std::string_view(b);
    }

private:
    constexpr void assign(std::string_view chars) {
        if (chars.empty()) return;
        data_ = std::allocator<char>().allocate(chars.size());
        size_ = chars.size();
        for (std::size_t i = 0; i < size_; ++i) std::construct_at(data_ + i, chars[i]);
    }

    constexpr void release() noexcept {
        if (data_) std::allocator<char>().deallocate(data_, size_);
        data_ = nullptr;
        size_ = 0;
    }

    char* data_ = nullptr;
    std::size_t size_ = 0;
};

} // namespace cfdo

#endif

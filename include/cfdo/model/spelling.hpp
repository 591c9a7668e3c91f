// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_SPELLING_HPP_INCLUDED
#define CFDO_MODEL_SPELLING_HPP_INCLUDED

#include <cfdo/config.hpp>

namespace cfdo {

/// How a value that is no string in C++ is spelled as one in JSON (a date,
/// a module's content). Specialize it beside the type, with
///
///   static constexpr std::string_view expected;   // for errors: "a date written YYYY-MM-DD"
///   static constexpr std::size_t size(T const&);   // characters of the spelling
///   static constexpr char* write(T const&, char*); // writes them, returns one past the last
///   static constexpr std::optional<T> read(std::string_view);  // nothing if not spelled so
///
/// and, when no spelling ever holds a character JSON escapes (`"`, `\`, a
/// control character), `static constexpr bool json_safe = true;`: writers
/// then copy it without looking (a module's base64 is most of a payload).
///
/// Every JSON writer and reader of cfdo then treats the type alike (its
/// category is `model_category::spelled`).
template <class T>
struct spelling;

/// True when `spelling<T>` says its text never needs JSON escaping.
template <class T>
inline constexpr bool spelling_is_json_safe = false;
template <class T>
    requires(spelling<T>::json_safe)
inline constexpr bool spelling_is_json_safe<T> = true;

} // namespace cfdo

#endif

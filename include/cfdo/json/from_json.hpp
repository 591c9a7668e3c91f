// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_JSON_FROM_JSON_HPP_INCLUDED
#define CFDO_JSON_FROM_JSON_HPP_INCLUDED

#include <cfdo/json/concepts.hpp>
#include <cfdo/json/finite_numbers.hpp>
#include <cfdo/json/parse.hpp>
#include <cfdo/json/pointer.hpp>
#include <cfdo/model/bindings.hpp>
#include <cfdo/model/date.hpp>
#include <cfdo/model/json_names.hpp>
#include <cfdo/model/migrations.hpp>
#include <cfdo/model/modules.hpp>
#include <cfdo/model/one_of.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/support/expected.hpp>
#include <cfdo/support/printable.hpp>

#include <boost/describe/members.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/bind.hpp>
#include <boost/mp11/utility.hpp>
#include <boost/mp11/list.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

// Reading the model (and Cloudflare's responses) back from JSON.
//
// Boost.JSON 1.81's own `value_to` for described structs fails on a missing
// optional key and on any unknown key, so cfdo decodes described structs
// itself: unknown keys are ignored (the API grows), absent optional members
// stay empty, a missing required member or a value of the wrong type is an
// error that names the JSON pointer of the offending value.

namespace cfdo {

/// Why a JSON value could not be read as a cfdo type.
struct decode_error {
    /// JSON pointer (RFC 6901) of the offending value; empty for the root.
    std::string path;
    std::string message;

    /// Both, for people: the message may quote the input, so control bytes
    /// are escaped (`printable`).
    [[nodiscard]] std::string what() const {
        return (path.empty() ? std::string("at the top level") : "at " + printable(path)) + ": " + printable(message);
    }

    friend bool operator==(decode_error const&, decode_error const&) = default;
};

/// Options of `from_json`.
struct decode_options {
    /// When set, receives the JSON pointer of every object key that the
    /// target type does not know (they are otherwise ignored).
    std::vector<std::string>* unknown_fields = nullptr;
};

namespace detail {

template <class T>
struct type_tag {};

// Where the decoder is, as the keys and indices leading there. The JSON
// pointer is spelled out only when an error or an unknown key is reported:
// building it for every member costs more than decoding the member.
struct path_segment {
    std::string_view key;   // into the JSON value decoded, or a literal
    std::size_t index = 0;
    bool is_index = false;
};

// A segment pushed for the guard's lifetime. Neither copyable nor movable:
// returned as a prvalue, it is the one object whose destruction pops the
// segment (guaranteed elision), where a copy's destructor would pop early.
class path_guard {
public:
    path_guard(std::vector<path_segment>& location, path_segment segment) : location_(location) {
        location_.push_back(segment);
    }
    path_guard(path_guard const&) = delete;
    path_guard& operator=(path_guard const&) = delete;
    ~path_guard() { location_.pop_back(); }

private:
    std::vector<path_segment>& location_;
};

struct decoding {
    decode_options options;
    std::vector<path_segment> location;
    std::optional<decode_error> error;

    /// The JSON pointer of where the decoder is.
    [[nodiscard]] std::string path() const {
        std::string pointer;
        for (auto const& segment : location) {
            if (segment.is_index) pointer += '/' + std::to_string(segment.index);
            else append_pointer_token(pointer, segment.key);
        }
        return pointer;
    }

    template <class T = std::nullptr_t>
    std::optional<T> fail(std::string message) {
        if (!error) error = decode_error{path(), std::move(message)};
        return std::nullopt;
    }

    [[nodiscard]] path_guard enter(std::string_view key) { return path_guard(location, {key}); }
    [[nodiscard]] path_guard enter(std::size_t index) { return path_guard(location, {{}, index, true}); }
};

inline std::string_view kind_name(boost::json::value const& v) noexcept {
    switch (v.kind()) {
    case boost::json::kind::null: return "null";
    case boost::json::kind::bool_: return "a boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_: return "a number";
    case boost::json::kind::string: return "a string";
    case boost::json::kind::array: return "an array";
    case boost::json::kind::object: return "an object";
    }
    return "an unknown kind of value";
}

inline std::string expected_but_got(std::string_view expected, boost::json::value const& got) {
    return "expected " + std::string(expected) + ", got " + std::string(kind_name(got));
}

// The `decode` overloads below are found by argument-dependent lookup on
// `type_tag<T>` when a template instantiates them, so their order does not
// matter.

inline std::optional<std::string> decode(boost::json::value const& v, decoding& ctx, type_tag<std::string>) {
    if (auto const* s = v.if_string()) return std::string(s->data(), s->size());
    return ctx.fail<std::string>(expected_but_got("a string", v));
}

inline std::optional<text> decode(boost::json::value const& v, decoding& ctx, type_tag<text>) {
    if (auto const* s = v.if_string()) return text(std::string_view(s->data(), s->size()));
    return ctx.fail<text>(expected_but_got("a string", v));
}

inline std::optional<json_text> decode(boost::json::value const& v, decoding&, type_tag<json_text>) {
    // As JSON.stringify would: 1e400, parsed to infinity, is kept as null
    // rather than serialized as the non-JSON `Infinity`.
    boost::json::value finite = v;
    write_non_finite_numbers_as_null(finite);
    return json_text(boost::json::serialize(finite));
}

inline std::optional<bool> decode(boost::json::value const& v, decoding& ctx, type_tag<bool>) {
    if (auto const* b = v.if_bool()) return *b;
    return ctx.fail<bool>(expected_but_got("a boolean", v));
}

template <class Integer>
    requires(std::is_integral_v<Integer> && !std::is_same_v<Integer, bool>)
std::optional<Integer> decode(boost::json::value const& v, decoding& ctx, type_tag<Integer>) {
    using limits = std::numeric_limits<Integer>;
    auto const out_of_range = [&] {
        return ctx.fail<Integer>("expected an integer from " + std::to_string(limits::min()) + " to " +
                                 std::to_string(limits::max()) + ", got " + boost::json::serialize(v));
    };
    if (auto const* i = v.if_int64()) {
        if (!std::in_range<Integer>(*i)) return out_of_range();
        return static_cast<Integer>(*i);
    }
    if (auto const* u = v.if_uint64()) {
        if (!std::in_range<Integer>(*u)) return out_of_range();
        return static_cast<Integer>(*u);
    }
    if (auto const* d = v.if_double()) {
        // JSON has one number type; an integral double (1.0, 1e3) is an integer.
        // The upper bound is the exclusive power of two 2^digits: max() itself
        // rounds up to it as a double for 64-bit types, and converting it back
        // would be undefined.
        if (!std::isfinite(*d) || std::trunc(*d) != *d || *d < static_cast<double>(limits::min()) ||
            *d >= std::ldexp(1.0, limits::digits))
            return out_of_range();
        return static_cast<Integer>(*d);
    }
    return ctx.fail<Integer>(expected_but_got("an integer", v));
}

inline std::optional<double> decode(boost::json::value const& v, decoding& ctx, type_tag<double>) {
    if (v.is_number()) return v.to_number<double>();
    return ctx.fail<double>(expected_but_got("a number", v));
}

inline std::optional<date> decode(boost::json::value const& v, decoding& ctx, type_tag<date>) {
    auto const* s = v.if_string();
    if (!s) return ctx.fail<date>(expected_but_got("a date written YYYY-MM-DD", v));
    if (auto parsed = date::parse(std::string_view(s->data(), s->size()))) return parsed;
    return ctx.fail<date>("expected a date written YYYY-MM-DD, got \"" + std::string(s->data(), s->size()) + "\"");
}

template <field_name Field, class T>
std::optional<required<Field, T>> decode(boost::json::value const& v, decoding& ctx, type_tag<required<Field, T>>) {
    auto inner = decode(v, ctx, type_tag<T>{});
    if (!inner) return std::nullopt;
    return required<Field, T>(std::move(*inner));
}

template <class T>
std::optional<std::optional<T>> decode(boost::json::value const& v, decoding& ctx, type_tag<std::optional<T>>) {
    // Built in place: GCC 12 at -O2 warns that a returned optional<optional<T>>
    // "may be used uninitialized" when built from a temporary optional.
    std::optional<std::optional<T>> decoded(std::in_place);
    if (v.is_null()) return decoded;
    auto inner = decode(v, ctx, type_tag<T>{});
    if (!inner) return std::nullopt;
    decoded->emplace(std::move(*inner));
    return decoded;
}

template <class T>
std::optional<std::vector<T>> decode(boost::json::value const& v, decoding& ctx, type_tag<std::vector<T>>) {
    auto const* array = v.if_array();
    if (!array) return ctx.fail<std::vector<T>>(expected_but_got("an array", v));
    std::vector<T> items;
    items.reserve(array->size());
    for (std::size_t i = 0; i < array->size(); ++i) {
        auto inside = ctx.enter(i);
        auto item = decode((*array)[i], ctx, type_tag<T>{});
        if (!item) return std::nullopt;
        items.push_back(std::move(*item));
    }
    return items;
}

// Only optional and array members may be left out of a JSON object; any
// other member (`required<...>`, or a plain field of a response type) must
// be present.
template <class T>
inline constexpr bool may_be_absent = false;

template <class T>
inline constexpr bool may_be_absent<std::optional<T>> = true;

template <class T>
inline constexpr bool may_be_absent<std::vector<T>> = true;

template <class T, class Descriptor>
using member_type = std::remove_cvref_t<decltype(std::declval<T&>().*Descriptor::pointer)>;

template <class T>
using described_members = boost::describe::describe_members<T, boost::describe::mod_public>;

// Reports, when asked to, each key of `object` that `is_known` refuses.
template <class IsKnown>
void report_unknown_keys(boost::json::object const& object, IsKnown is_known, decoding& ctx) {
    if (!ctx.options.unknown_fields) return;
    for (auto const& entry : object) {
        std::string_view const key(entry.key().data(), entry.key().size());
        if (is_known(key)) continue;
        auto inside = ctx.enter(key);
        ctx.options.unknown_fields->push_back(ctx.path());
    }
}

template <class T>
bool is_known_key(std::string_view key) {
    if constexpr (has_type_constant<T>)
        if (key == "type") return true;
    bool known = false;
    boost::mp11::mp_for_each<described_members<T>>([&](auto member) {
        known = known || json_key<T>(member.name) == key;
    });
    return known;
}

template <described_model T>
    requires(!has_own_json_conversion<T>)
std::optional<T> decode(boost::json::value const& v, decoding& ctx, type_tag<T>) {
    auto const* object = v.if_object();
    if (!object) return ctx.fail<T>(expected_but_got("an object", v));

    using members = described_members<T>;
    using member_values =
        boost::mp11::mp_rename<boost::mp11::mp_transform_q<boost::mp11::mp_bind_front<member_type, T>, members>,
                               std::tuple>;
    // Each member is decoded into an optional first, because required members
    // have no default constructor; the struct is then built in one aggregate
    // initialization, in declaration order.
    using decoded_members = boost::mp11::mp_transform<std::optional, member_values>;
    decoded_members decoded;

    boost::mp11::mp_for_each<boost::mp11::mp_iota<boost::mp11::mp_size<members>>>([&](auto index) {
        if (ctx.error) return;
        using descriptor = boost::mp11::mp_at<members, decltype(index)>;
        using member = member_type<T, descriptor>;
        auto const key = json_key<T>(descriptor::name);
        auto& slot = std::get<decltype(index)::value>(decoded);
        if (auto const* found = object->if_contains(key)) {
            auto inside = ctx.enter(key);
            slot = decode(*found, ctx, type_tag<member>{});
        } else if constexpr (may_be_absent<member>) {
            slot.emplace();
        } else {
            auto inside = ctx.enter(key);
            ctx.fail("missing required field \"" + std::string(key) + "\"");
        }
    });
    if (ctx.error) return std::nullopt;

    report_unknown_keys(*object, is_known_key<T>, ctx);
    return std::apply([](auto&&... values) { return T{std::move(*values)...}; }, std::move(decoded));
}

/// Chosen only when the conversion of its own that `T` declares is not
/// visible: says which header provides it.
template <described_model T>
    requires has_own_json_conversion<T>
std::optional<T> decode(boost::json::value const&, decoding&, type_tag<T>) {
    static_assert(!has_own_json_conversion<T>,
                  "cfdo: operations are read from their SDK params; include <cfdo/api/sdk_params.hpp>");
    return std::nullopt;
}

/// A binding: the kind is chosen by `type`.
inline std::optional<binding> decode(boost::json::value const& v, decoding& ctx, type_tag<binding>) {
    auto const* object = v.if_object();
    if (!object) return ctx.fail<binding>(expected_but_got("a binding object", v));
    auto const* type = object->if_contains("type");
    if (!type) {
        auto inside = ctx.enter("type");
        return ctx.fail<binding>("missing required field \"type\"");
    }
    auto const* type_string = type->if_string();
    if (!type_string) {
        auto inside = ctx.enter("type");
        return ctx.fail<binding>(expected_but_got("a string", *type));
    }
    std::string_view const kind(type_string->data(), type_string->size());
    std::optional<binding> result;
    bool matched = false;
    boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, binding::alternatives>>(
        [&](auto alternative) {
        using kind_type = typename decltype(alternative)::type;
        if (matched || kind != kind_type::type) return;
        matched = true;
        if (auto decoded = decode(v, ctx, type_tag<kind_type>{})) result.emplace(std::move(*decoded));
    });
    if (!matched) {
        auto inside = ctx.enter("type");
        return ctx.fail<binding>("cfdo does not model bindings of type \"" + std::string(kind) + "\"");
    }
    return result;
}

/// Migrations: the multi-step form is recognised by `steps`, as Cloudflare
/// does.
inline std::optional<migrations> decode(boost::json::value const& v, decoding& ctx, type_tag<migrations>) {
    auto const* object = v.if_object();
    if (!object) return ctx.fail<migrations>(expected_but_got("an object", v));
    if (object->contains("steps")) {
        for (auto const* directive :
             {"new_classes", "new_sqlite_classes", "renamed_classes", "deleted_classes", "transferred_classes"}) {
            if (object->contains(directive)) {
                auto inside = ctx.enter(directive);
                return ctx.fail<migrations>(
                    "a migration has either \"steps\" or top-level class directives, not both");
            }
        }
        if (auto multi = decode(v, ctx, type_tag<multi_step_migration>{})) return migrations(std::move(*multi));
        return std::nullopt;
    }
    if (auto single = decode(v, ctx, type_tag<single_step_migration>{})) return migrations(std::move(*single));
    return std::nullopt;
}

/// Module content arrives as Cloudflare's `content_base64` text.
inline std::optional<module_content> decode(boost::json::value const& v, decoding& ctx, type_tag<module_content>) {
    auto base64 = decode(v, ctx, type_tag<text>{});
    if (!base64) return std::nullopt;
    return module_content(module_base64{std::move(*base64)});
}

} // namespace detail

/// Reads a `T` from a JSON value.
template <class T>
[[nodiscard]] expected<T, decode_error> from_json(boost::json::value const& v, decode_options options = {}) {
    detail::decoding ctx{options, {}, {}};
    // Unqualified, so that argument-dependent lookup also finds the decode
    // overloads of headers included after this one (api/sdk_params.hpp).
    auto decoded = decode(v, ctx, detail::type_tag<T>{});
    if (!decoded) return unexpected(std::move(*ctx.error));
    return std::move(*decoded);
}

/// Parses `json` (at most `json_max_depth` levels deep) and reads a `T` from
/// it.
template <class T>
[[nodiscard]] expected<T, decode_error> from_json(std::string_view json, decode_options options = {}) {
    auto parsed = parse_json(json);
    if (!parsed) return unexpected(decode_error{{}, "not JSON: " + parsed.error().what()});
    return from_json<T>(*parsed, options);
}

/// Like the `std::string_view` overload; a null `json` (getenv's answer for
/// a variable that is not set) is an error, not undefined behaviour.
template <class T>
[[nodiscard]] expected<T, decode_error> from_json(char const* json, decode_options options = {}) {
    if (json == nullptr) return unexpected(decode_error{{}, "not JSON: the char const* is null"});
    return from_json<T>(std::string_view(json), options);
}

} // namespace cfdo

#endif

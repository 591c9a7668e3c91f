// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_JSON_FROM_JSON_HPP_INCLUDED
#define CFDO_JSON_FROM_JSON_HPP_INCLUDED

#include <cfdo/json/finite_numbers.hpp>
#include <cfdo/json/parse.hpp>
#include <cfdo/json/pointer.hpp>
#include <cfdo/model/category.hpp>
#include <cfdo/model/members.hpp>
#include <cfdo/model/one_of.hpp>
#include <cfdo/model/operation.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/spelling.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/support/expected.hpp>
#include <cfdo/support/printable.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>
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

// Reading the model (and Cloudflare's responses, and the SDK's params of an
// operation) back from JSON, by the categories of model/category.hpp.
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
    std::string_view key; // into the JSON value decoded, or a literal
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

// Only optional and array members may be left out of a JSON object; any
// other member (`required<...>`, or a plain field of a response type) must
// be present.
template <class T>
inline constexpr bool may_be_absent =
    category_of<T> == model_category::optional || category_of<T> == model_category::sequence ||
    category_of<T> == model_category::keyed_object;

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
std::optional<T> decode(boost::json::value const& v, decoding& ctx);

template <class T>
std::optional<T> decode_key(boost::json::object const& object, std::string_view key, decoding& ctx) {
    if (auto const* found = object.if_contains(key)) {
        auto inside = ctx.enter(key);
        return decode<T>(*found, ctx);
    }
    if constexpr (may_be_absent<T>) {
        return T{};
    } else {
        auto inside = ctx.enter(key);
        return ctx.fail<T>("missing required field \"" + std::string(key) + "\"");
    }
}

inline boost::json::object without_keys(boost::json::object const& object, auto const& is_removed) {
    boost::json::object rest;
    for (auto const& entry : object)
        if (!is_removed(std::string_view(entry.key()))) rest.emplace(entry.key(), entry.value());
    return rest;
}

// The members of `T` from `object`, each under its key, except those
// `decode_other(member, slot)` decodes itself (returning true); then `T`,
// built in one aggregate initialization. Each member is decoded into an
// optional first, because required members have no default constructor.
template <described_model T, class DecodeOther>
std::optional<T> decode_members(boost::json::object const& object, decoding& ctx, DecodeOther decode_other) {
    boost::mp11::mp_rename<boost::mp11::mp_transform<std::optional, member_types<T>>, std::tuple> decoded;
    for_each_member_of<T>([&](auto member) {
        if (ctx.error) return;
        auto& slot = std::get<member.index>(decoded);
        if constexpr (member.is_extra) {
            // What `T` does not model is kept, not reported; as JSON text,
            // so 1e400 is kept as null, as for `json_text` below.
            boost::json::value unknown = without_keys(object, is_member_key<T>);
            write_non_finite_numbers_as_null(unknown);
            slot = unknown.get_object().empty() ? extra_fields() : extra_fields(boost::json::serialize(unknown));
        } else if constexpr (member.is_inlined) {
            // From the same object, less the keys of `T`'s own members.
            auto const is_own_key = [](std::string_view key) {
                bool own = false;
                for_each_member_of<T>([&](auto other) { own = own || (!other.is_inlined && other.key == key); });
                return own;
            };
            slot = decode<typename decltype(member)::type>(without_keys(object, is_own_key), ctx);
        } else if (!decode_other(member, slot)) {
            slot = decode_key<typename decltype(member)::type>(object, member.key, ctx);
        }
    });
    if (ctx.error) return std::nullopt;
    return std::apply([](auto&&... values) { return T{std::move(*values)...}; }, std::move(decoded));
}

template <described_model T>
std::optional<T> decode_described(boost::json::value const& v, decoding& ctx) {
    auto const* object = v.if_object();
    if (!object) return ctx.fail<T>(expected_but_got("an object", v));
    auto decoded = decode_members<T>(*object, ctx, [](auto, auto&) { return false; });
    // (A member written inline has reported the keys neither knows.)
    if constexpr (!keeps_unknown_fields<T> && !has_inlined_member<T>)
        if (decoded) report_unknown_keys(*object, is_member_key<T>, ctx);
    return decoded;
}

// An operation from the SDK's params: its parameters under their keys, and
// its body as the endpoint's form has the SDK carry it — its fields beside
// the parameters, or `metadata` (the version) and `files` (its modules).
template <operation Operation>
std::optional<Operation> decode_operation(boost::json::value const& v, decoding& ctx) {
    auto const* object = v.if_object();
    if (!object) return ctx.fail<Operation>(expected_but_got("an object", v));
    constexpr auto const& declared = Operation::endpoint;
    auto const is_parameter = [](std::string_view key) {
        bool parameter = false;
        for_each_member_of<Operation>(
            [&](auto member) { parameter = parameter || (member.name != declared.body && member.key == key); });
        return parameter;
    };
    auto decoded = decode_members<Operation>(*object, ctx, [&](auto member, auto& slot) {
        if constexpr (decltype(member)::name != declared.body) {
            return false;
        } else if constexpr (declared.form == body_form::json) {
            // The body's fields sit beside the parameters, as the SDK flattens them.
            slot = decode<typename decltype(member)::type>(without_keys(*object, is_parameter), ctx);
            return true;
        } else { // body_form::multipart_upload
            using body = typename decltype(member)::type;
            auto metadata = decode_key<body>(*object, "metadata", ctx);
            // (`version_of`, found by argument-dependent lookup, is the
            // version the upload's metadata carries.)
            using modules_type = std::remove_cvref_t<decltype(version_of(std::declval<body&>()).modules)>;
            auto files = decode_key<modules_type>(*object, "files", ctx);
            if (ctx.error) return true;
            auto& modules = version_of(*metadata).modules;
            if (!modules.empty()) {
                auto inside = ctx.enter("metadata");
                auto at_modules = ctx.enter("modules");
                ctx.fail("the script upload sends modules as \"files\", not in the metadata");
                return true;
            }
            modules = std::move(*files);
            slot = std::move(metadata);
            return true;
        }
    });
    // (With the body's fields beside the parameters, the body's reader has
    // reported the keys neither knows.)
    if (decoded && declared.form != body_form::json) {
        report_unknown_keys(
            *object,
            [&](std::string_view key) {
                return is_parameter(key) ||
                       (declared.form == body_form::multipart_upload && (key == "metadata" || key == "files"));
            },
            ctx);
    }
    return decoded;
}

// A binding kind whose `type` is a member (`raw_binding`): it takes the
// types no other alternative has.
template <class Kind>
concept accepts_any_type = Kind::accepts_any_type;

template <class List>
inline constexpr bool all_have_type_constants = false;
template <class... Kinds>
inline constexpr bool all_have_type_constants<boost::mp11::mp_list<Kinds...>> =
    ((has_type_constant<Kinds> || accepts_any_type<Kinds>)&&...);

// What an alternative of `OneOf` is called in an error: "a binding", unless
// `json_alternatives<OneOf>::noun` says otherwise.
template <class OneOf>
inline constexpr std::string_view alternatives_noun = [] {
    if constexpr (requires { json_alternatives<OneOf>::noun; }) return std::string_view(json_alternatives<OneOf>::noun);
    else return std::string_view("a binding");
}();

template <class OneOf>
std::optional<OneOf> decode_alternatives(boost::json::value const& v, decoding& ctx) {
    using alternatives = typename OneOf::alternatives;
    using rule = json_alternatives<OneOf>;
    if constexpr (requires { rule::always; }) {
        auto held = decode<boost::mp11::mp_at_c<alternatives, rule::always>>(v, ctx);
        if (!held) return std::nullopt;
        return OneOf(std::move(*held));
    } else if constexpr (requires { rule::marker; }) {
        // Two forms, told apart by the marker key, as Cloudflare tells them.
        using unmarked = boost::mp11::mp_at_c<alternatives, 0>;
        using marked = boost::mp11::mp_at_c<alternatives, 1>;
        auto const* object = v.if_object();
        if (!object) return ctx.fail<OneOf>(expected_but_got("an object", v));
        if (!object->contains(rule::marker)) {
            auto held = decode<unmarked>(v, ctx);
            if (!held) return std::nullopt;
            return OneOf(std::move(*held));
        }
        for (auto const& entry : *object) {
            std::string_view const key = entry.key();
            if (is_member_key<unmarked>(key) && !is_member_key<marked>(key)) {
                auto inside = ctx.enter(key);
                return ctx.fail<OneOf>(std::string(rule::conflict));
            }
        }
        auto held = decode<marked>(v, ctx);
        if (!held) return std::nullopt;
        return OneOf(std::move(*held));
    } else {
        // Binding kinds: the object's `type` names the alternative.
        static_assert(all_have_type_constants<alternatives>,
                      "cfdo: say how JSON tells the alternatives of this one_of apart (cfdo::json_alternatives)");
        auto const* object = v.if_object();
        if (!object) return ctx.fail<OneOf>(expected_but_got(std::string(alternatives_noun<OneOf>) + " object", v));
        auto const* type = object->if_contains("type");
        if (!type) {
            auto inside = ctx.enter("type");
            return ctx.fail<OneOf>("missing required field \"type\"");
        }
        auto const* type_string = type->if_string();
        if (!type_string) {
            auto inside = ctx.enter("type");
            return ctx.fail<OneOf>(expected_but_got("a string", *type));
        }
        std::string_view const kind(type_string->data(), type_string->size());
        // The `state`, for the kinds that share a `type` and differ by it
        // (an `exports` entry's tombstones).
        std::string_view state;
        if (auto const* state_value = object->if_contains("state"))
            if (auto const* state_string = state_value->if_string())
                state = std::string_view(state_string->data(), state_string->size());
        std::optional<OneOf> result;
        bool matched = false;
        // The first alternative `takes` accepts, most specific first: the
        // type and the state, then the type alone, then any type.
        auto const decode_first = [&](auto takes) {
            boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, alternatives>>(
                [&](auto alternative) {
                    using kind_type = typename decltype(alternative)::type;
                    if (matched || !takes(alternative)) return;
                    matched = true;
                    if (auto decoded = decode<kind_type>(v, ctx)) result.emplace(std::move(*decoded));
                });
        };
        decode_first([&]<class Kind>(boost::mp11::mp_identity<Kind>) {
            if constexpr (has_state_constant<Kind>) return kind == Kind::type && state == Kind::state;
            else return false;
        });
        decode_first([&]<class Kind>(boost::mp11::mp_identity<Kind>) {
            if constexpr (has_type_constant<Kind> && !has_state_constant<Kind>) return kind == Kind::type;
            else return false;
        });
        decode_first([]<class Kind>(boost::mp11::mp_identity<Kind>) { return accepts_any_type<Kind>; });
        if (!matched) {
            auto inside = ctx.enter("type");
            return ctx.fail<OneOf>("cfdo does not model " + std::string(alternatives_noun<OneOf>) + " of type \"" +
                                   std::string(kind) + "\"");
        }
        return result;
    }
}

template <class Integer>
std::optional<Integer> decode_integer(boost::json::value const& v, decoding& ctx) {
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

template <class T>
std::optional<T> decode(boost::json::value const& v, decoding& ctx) {
    constexpr auto category = category_of<T>;
    if constexpr (category == model_category::string) {
        if (auto const* s = v.if_string()) return T(std::string_view(s->data(), s->size()));
        return ctx.fail<T>(expected_but_got("a string", v));
    } else if constexpr (category == model_category::spelled) {
        auto const* s = v.if_string();
        if (!s) return ctx.fail<T>(expected_but_got(spelling<T>::expected, v));
        if (auto read = spelling<T>::read(std::string_view(s->data(), s->size()))) return read;
        return ctx.fail<T>("expected " + std::string(spelling<T>::expected) + ", got \"" +
                           std::string(s->data(), s->size()) + "\"");
    } else if constexpr (category == model_category::extra) {
        // Read by the enclosing object, from the keys it does not model.
        static_assert(no_json_form<T>, "cfdo::from_json: extra_fields is read with its enclosing object");
        return std::nullopt;
    } else if constexpr (category == model_category::embedded_json) {
        // As JSON.stringify would: 1e400, parsed to infinity, is kept as null
        // rather than serialized as the non-JSON `Infinity`.
        boost::json::value finite = v;
        write_non_finite_numbers_as_null(finite);
        return T(boost::json::serialize(finite));
    } else if constexpr (category == model_category::boolean) {
        if (auto const* b = v.if_bool()) return *b;
        return ctx.fail<T>(expected_but_got("a boolean", v));
    } else if constexpr (category == model_category::integer) {
        return decode_integer<T>(v, ctx);
    } else if constexpr (category == model_category::floating_point) {
        if (v.is_number()) return v.to_number<T>();
        return ctx.fail<T>(expected_but_got("a number", v));
    } else if constexpr (category == model_category::required) {
        auto inner = decode<typename detail::is_required<T>::wrapped>(v, ctx);
        if (!inner) return std::nullopt;
        return T(std::move(*inner));
    } else if constexpr (category == model_category::optional) {
        // Built in place: GCC 12 at -O2 warns that a returned optional<optional<U>>
        // "may be used uninitialized" when built from a temporary optional.
        std::optional<T> decoded(std::in_place);
        if (v.is_null()) return decoded;
        auto inner = decode<typename T::value_type>(v, ctx);
        if (!inner) return std::nullopt;
        decoded->emplace(std::move(*inner));
        return decoded;
    } else if constexpr (category == model_category::sequence) {
        auto const* array = v.if_array();
        if (!array) return ctx.fail<T>(expected_but_got("an array", v));
        T items;
        items.reserve(array->size());
        for (std::size_t i = 0; i < array->size(); ++i) {
            auto inside = ctx.enter(i);
            auto item = decode<typename T::value_type>((*array)[i], ctx);
            if (!item) return std::nullopt;
            items.push_back(std::move(*item));
        }
        return items;
    } else if constexpr (category == model_category::keyed_object) {
        auto const* object = v.if_object();
        if (!object) return ctx.fail<T>(expected_but_got("an object", v));
        T members;
        members.reserve(object->size());
        for (auto const& entry : *object) {
            std::string_view const key(entry.key().data(), entry.key().size());
            auto inside = ctx.enter(key);
            auto member = decode<typename T::value_type::mapped_type>(entry.value(), ctx);
            if (!member) return std::nullopt;
            members.push_back({text(key), std::move(*member)});
        }
        return members;
    } else if constexpr (category == model_category::alternatives) {
        return decode_alternatives<T>(v, ctx);
    } else if constexpr (category == model_category::operation) {
        return decode_operation<T>(v, ctx);
    } else if constexpr (category == model_category::described) {
        return decode_described<T>(v, ctx);
    } else {
        static_assert(no_json_form<T>, "cfdo::from_json: this type has no JSON form");
        return std::nullopt;
    }
}

} // namespace detail

/// Reads a `T` from a JSON value.
template <class T>
[[nodiscard]] expected<T, decode_error> from_json(boost::json::value const& v, decode_options options = {}) {
    detail::decoding ctx{options, {}, {}};
    auto decoded = detail::decode<T>(v, ctx);
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

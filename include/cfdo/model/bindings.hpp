// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_BINDINGS_HPP_INCLUDED
#define CFDO_MODEL_BINDINGS_HPP_INCLUDED

#include <cfdo/model/json_text.hpp>
#include <cfdo/model/one_of.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/text.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string_view>
#include <utility>

namespace cfdo {

// Each binding kind is its own type, and its Cloudflare `type` string is a
// constant of that type: a binding cannot carry the wrong `type`, and the
// serializer writes it. Field names are Cloudflare's (the `bindings[]` items
// of the Workers API). Only the fields Cloudflare requires are `required`.

/// `durable_object_namespace`: a Durable Object namespace, by class name
/// (defined in this Worker, or in `script_name` when given) or by
/// `namespace_id`.
struct durable_object_binding {
    static constexpr std::string_view type = "durable_object_namespace";

    required<"name"> name;
    /// The exported Durable Object class.
    std::optional<text> class_name{};
    /// The Worker that defines the class, when it is not this one.
    std::optional<text> script_name{};
    /// The (legacy service) environment of `script_name`.
    std::optional<text> environment{};
    std::optional<text> namespace_id{};
    /// The dispatch namespace (Workers for Platforms) of `script_name`.
    std::optional<text> dispatch_namespace{};

    friend constexpr bool operator==(durable_object_binding const&, durable_object_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(durable_object_binding, (),
                      (name, class_name, script_name, environment, namespace_id, dispatch_namespace))

/// `plain_text`: a string visible in the Worker's configuration.
struct plain_text_binding {
    static constexpr std::string_view type = "plain_text";

    required<"name"> name;
    required<"text"> text;

    friend constexpr bool operator==(plain_text_binding const&, plain_text_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(plain_text_binding, (), (name, text))

/// `secret_text`: a string Cloudflare stores encrypted and never shows again.
struct secret_text_binding {
    static constexpr std::string_view type = "secret_text";

    required<"name"> name;
    required<"text"> text;

    friend constexpr bool operator==(secret_text_binding const&, secret_text_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(secret_text_binding, (), (name, text))

/// `json`: an arbitrary JSON value exposed to the Worker.
struct json_binding {
    static constexpr std::string_view type = "json";

    required<"name"> name;
    required<"json", json_text> json;

    friend constexpr bool operator==(json_binding const&, json_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(json_binding, (), (name, json))

/// `kv_namespace`: a Workers KV namespace.
struct kv_namespace_binding {
    static constexpr std::string_view type = "kv_namespace";

    required<"name"> name;
    required<"namespace_id"> namespace_id;

    friend constexpr bool operator==(kv_namespace_binding const&, kv_namespace_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(kv_namespace_binding, (), (name, namespace_id))

/// `r2_bucket`: an R2 bucket.
struct r2_bucket_binding {
    static constexpr std::string_view type = "r2_bucket";

    required<"name"> name;
    required<"bucket_name"> bucket_name;
    /// `eu`, `fedramp` or `fedramp-high` when the bucket is not global.
    std::optional<text> jurisdiction{};

    friend constexpr bool operator==(r2_bucket_binding const&, r2_bucket_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(r2_bucket_binding, (), (name, bucket_name, jurisdiction))

/// `service`: another Worker (a service binding).
struct service_binding {
    static constexpr std::string_view type = "service";

    required<"name"> name;
    required<"service"> service;
    /// A named entrypoint exported by `service`.
    std::optional<text> entrypoint{};
    std::optional<text> environment{};

    friend constexpr bool operator==(service_binding const&, service_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(service_binding, (), (name, service, entrypoint, environment))

/// `d1`: a D1 database.
struct d1_binding {
    static constexpr std::string_view type = "d1";

    required<"name"> name;
    required<"database_id"> database_id;

    friend constexpr bool operator==(d1_binding const&, d1_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(d1_binding, (), (name, database_id))

/// `queue`: a Queue the Worker produces to.
struct queue_binding {
    static constexpr std::string_view type = "queue";

    required<"name"> name;
    required<"queue_name"> queue_name;

    friend constexpr bool operator==(queue_binding const&, queue_binding const&) = default;
};
BOOST_DESCRIBE_STRUCT(queue_binding, (), (name, queue_name))

/// One item of a Worker version's `bindings`.
using binding = one_of<durable_object_binding, plain_text_binding, secret_text_binding, json_binding,
                       kv_namespace_binding, r2_bucket_binding, service_binding, d1_binding, queue_binding>;

/// The binding's `name` (its variable name in the Worker's `env`).
[[nodiscard]] constexpr std::string_view name_of(binding const& b) noexcept {
    return b.visit([](auto const& kind) -> std::string_view { return kind.name; });
}

/// The binding's Cloudflare `type` string.
[[nodiscard]] constexpr std::string_view type_of(binding const& b) noexcept {
    return b.visit([](auto const& kind) -> std::string_view { return kind.type; });
}

} // namespace cfdo

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_WRANGLER_CONFIG_SHAPE_HPP_INCLUDED
#define CFDO_WRANGLER_CONFIG_SHAPE_HPP_INCLUDED

#include <cfdo/model/members.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/wrangler/config_path.hpp>

#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

// Reading a parsed wrangler configuration's values with their expected
// shapes. A value of the wrong shape is reported as wrangler's validation
// (validation.ts) reports it, as a `config-*` diagnostic that names the
// field, and is left out of what is read.

namespace cfdo::wrangler {

/// Reads values of a configuration, reporting shape errors into `found`.
class config_reader {
public:
    explicit config_reader(std::vector<diagnostic>& found) : found_(found) {}

    void report(std::string_view rule, config_path const& where) {
        found_.push_back(make_diagnostic(rule, text(where.dotted), text(where.pointer)));
    }

    /// Reports a diagnostic that is not about a shape.
    void report(diagnostic d) { found_.push_back(std::move(d)); }

    /// How many errors were reported so far.
    [[nodiscard]] std::size_t error_count() const {
        return static_cast<std::size_t>(std::count_if(found_.begin(), found_.end(),
                                                      [](diagnostic const& d) { return d.level == severity::error; }));
    }

    /// The object at `where`, or null (reported) when `v` is something else.
    boost::json::object const* object_at(boost::json::value const& v, config_path const& where) {
        if (auto const* object = v.if_object()) return object;
        report("config-not-an-object", where);
        return nullptr;
    }

    boost::json::array const* array_at(boost::json::value const& v, config_path const& where) {
        if (auto const* array = v.if_array()) return array;
        report("config-not-an-array", where);
        return nullptr;
    }

    /// `object[key]` when it is a string; nothing when it is absent (or, reported, not a string).
    std::optional<text> optional_string(boost::json::object const& object, std::string_view key,
                                        config_path const& parent) {
        auto const* v = object.if_contains(key);
        if (!v) return std::nullopt;
        if (auto const* s = v->if_string()) return text(std::string_view(*s));
        report("config-not-a-string", parent / key);
        return std::nullopt;
    }

    std::optional<text> required_string(boost::json::object const& object, std::string_view key,
                                        config_path const& parent) {
        if (!object.contains(key)) {
            report("config-field-missing", parent / key);
            return std::nullopt;
        }
        return optional_string(object, key, parent);
    }

    void optional_boolean(boost::json::object const& object, std::string_view key, config_path const& parent) {
        if (auto const* v = object.if_contains(key); v && !v->is_bool()) report("config-not-a-boolean", parent / key);
    }

    std::vector<text> strings_at(boost::json::value const& v, config_path const& where) {
        std::vector<text> out;
        auto const* array = array_at(v, where);
        if (!array) return out;
        out.reserve(array->size());
        for (std::size_t i = 0; i < array->size(); ++i) {
            if (auto const* s = (*array)[i].if_string()) out.emplace_back(std::string_view(*s));
            else report("config-not-a-string", where / i);
        }
        return out;
    }

    std::vector<text> optional_strings(boost::json::object const& object, std::string_view key,
                                       config_path const& parent) {
        if (auto const* v = object.if_contains(key)) return strings_at(*v, parent / key);
        return {};
    }

    /// An array of `Record`s, each an object whose members are all strings
    /// (`{from, to}`); an entry that is anything else is reported as `rule`
    /// and left out.
    template <described_model Record>
    std::vector<Record> string_records(boost::json::value const& v, config_path const& where, std::string_view rule) {
        std::vector<Record> out;
        auto const* array = array_at(v, where);
        if (!array) return out;
        constexpr std::size_t field_count = boost::mp11::mp_size<described_members<Record>>::value;
        for (std::size_t i = 0; i < array->size(); ++i) {
            auto const* entry = (*array)[i].if_object();
            std::array<text, field_count> fields;
            bool whole = entry != nullptr;
            for_each_member_of<Record>([&](auto member) {
                auto const* field = entry ? entry->if_contains(member.key) : nullptr;
                if (field && field->is_string()) fields[member.index] = text(std::string_view(field->get_string()));
                else whole = false;
            });
            if (!whole) {
                report(rule, where / i);
                continue;
            }
            out.push_back([&]<std::size_t... Index>(std::index_sequence<Index...>) {
                return Record{std::move(fields[Index])...};
            }(std::make_index_sequence<field_count>()));
        }
        return out;
    }

    /// Wrangler warns about keys it does not know in a Durable Object binding
    /// and in a migration (validateAdditionalProperties), and ignores them.
    template <class IsKnown>
    void warn_unknown_keys(boost::json::object const& object, IsKnown is_known, config_path const& where) {
        for (auto const& entry : object)
            if (!is_known(std::string_view(entry.key()))) report("config-field-unknown", where / entry.key());
    }

private:
    std::vector<diagnostic>& found_;
};

} // namespace cfdo::wrangler

#endif

// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_WRANGLER_MIGRATION_SECTION_HPP_INCLUDED
#define CFDO_WRANGLER_MIGRATION_SECTION_HPP_INCLUDED

#include <cfdo/model/members.hpp>
#include <cfdo/model/migrations.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/wrangler/config_path.hpp>
#include <cfdo/wrangler/config_shape.hpp>

#include <boost/json/value.hpp>

#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

// The imperative Durable Object lifecycle of a wrangler configuration:
// `migrations`, read into a history (`exports`, the declarative one, is
// exports_section.hpp's).

namespace cfdo::wrangler {

/// `migrations`: each entry a tag and the class directives, read as the
/// model describes them (so a directive added there is read here too).
inline migration_history read_migrations(config_reader& reader, boost::json::value const& v, config_path const& where) {
    migration_history history;
    auto const* entries = reader.array_at(v, where);
    if (!entries) return history;
    history.reserve(entries->size());
    for (std::size_t i = 0; i < entries->size(); ++i) {
        auto const at = where / i;
        auto const* entry = reader.object_at((*entries)[i], at);
        if (!entry) continue;
        auto tag = reader.required_string(*entry, "tag", at);
        tagged_migration migration{.tag = tag ? std::move(*tag) : text()};
        for_each_member_of<tagged_migration>([&](auto member) {
            using field = typename decltype(member)::type;
            if constexpr (!is_required_v<field>) { // a directive (the tag is read above)
                auto const* value = entry->if_contains(member.key);
                if (!value) return;
                auto const directive_at = at / member.key;
                if constexpr (std::is_same_v<field, std::vector<text>>)
                    member.of(migration) = reader.strings_at(*value, directive_at);
                else if constexpr (std::is_same_v<field, std::vector<renamed_class>>)
                    member.of(migration) =
                        reader.string_records<renamed_class>(*value, directive_at, "config-rename-not-from-to");
                else
                    member.of(migration) =
                        reader.string_records<transferred_class>(*value, directive_at, "config-transfer-not-from-to");
            }
        });
        reader.warn_unknown_keys(*entry, is_member_key<tagged_migration>, at);
        history.push_back(std::move(migration));
    }
    return history;
}

} // namespace cfdo::wrangler

#endif

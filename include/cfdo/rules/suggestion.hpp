// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_RULES_SUGGESTION_HPP_INCLUDED
#define CFDO_RULES_SUGGESTION_HPP_INCLUDED

#include <cfdo/config.hpp>

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

// "Did you mean 'Counter'?": the name a mistyped one was probably meant to
// be. Run only when a diagnostic is reported, at compile time too.

namespace cfdo::detail {

/// The edit distance of `a` and `b` (insertions, deletions, substitutions
/// and swaps of neighbours each count one), or `limit + 1` once it exceeds
/// `limit`.
constexpr std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
    // Rows filled by push_back: Clang 16 cannot constant-evaluate libstdc++
    // 12's vector(n) of a trivial type (it fills storage not yet alive).
    std::vector<std::size_t> before_previous, previous, current;
    for (std::size_t j = 0; j <= b.size(); ++j) {
        before_previous.push_back(0);
        previous.push_back(j);
        current.push_back(0);
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        std::size_t row_minimum = current[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t const substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before_previous[j - 2] + 1);
            row_minimum = std::min(row_minimum, current[j]);
        }
        if (row_minimum > limit) return limit + 1;
        before_previous.swap(previous);
        previous.swap(current);
    }
    return std::min(previous[b.size()], limit + 1);
}

/// The candidate closest to `name` — at most two edits away, and fewer than
/// half of `name`'s characters — or an empty view when none is.
template <class Candidates>
constexpr std::string_view closest_name(std::string_view name, Candidates const& candidates) {
    std::size_t const limit = std::min<std::size_t>(2, name.empty() ? 0 : (name.size() - 1) / 2);
    std::string_view best;
    std::size_t best_distance = limit + 1;
    for (std::string_view const candidate : candidates) {
        if (candidate == name) continue;
        auto const distance = edit_distance(name, candidate, limit);
        if (distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

} // namespace cfdo::detail

#endif

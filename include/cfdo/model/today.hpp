// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_MODEL_TODAY_HPP_INCLUDED
#define CFDO_MODEL_TODAY_HPP_INCLUDED

#include <cfdo/model/date.hpp>

#include <chrono>

namespace cfdo {

/// Today's date in UTC, as Cloudflare compares compatibility dates.
[[nodiscard]] inline date today_utc() {
    auto const day =
        std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    return date(static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())),
                static_cast<int>(static_cast<unsigned>(day.day())));
}

} // namespace cfdo

#endif

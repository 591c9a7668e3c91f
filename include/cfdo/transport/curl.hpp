// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_TRANSPORT_CURL_HPP_INCLUDED
#define CFDO_TRANSPORT_CURL_HPP_INCLUDED

// A transport over libcurl — the optional CMake target cfdo::curl, which
// links it; the library itself does no I/O. It sends a cfdo::request below a
// base URL (Cloudflare's v4 API by default) with the API token as a Bearer
// header, and returns the status, the body and the headers. When no answer
// comes back it throws cfdo::transport_error with curl's message.
//
//   cfdo::curl_transport send{{.token = api_token}};
//   auto namespaces = cfdo::list_all_namespaces(send, {.account_id = account});

#include <cfdo/api/request.hpp>
#include <cfdo/api/transport.hpp>

#include <curl/curl.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cfdo {

class curl_transport {
public:
    struct options {
        /// Sent as `Authorization: Bearer <token>`; none when empty.
        std::string token;
        /// What `request::path` is relative to.
        std::string base_url = std::string(api_base_url);
        /// For the whole exchange: a server that never answers is an error, not a hang.
        std::chrono::seconds timeout{60};
    };

    explicit curl_transport(options settings) : settings_(std::move(settings)) {
        // curl_global_init is not thread-safe; doing it once here, before any
        // handle exists, keeps curl_easy_init from doing it implicitly.
        static CURLcode const global_init = curl_global_init(CURL_GLOBAL_DEFAULT);
        if (global_init != CURLE_OK) throw transport_error(std::string("curl: ") + curl_easy_strerror(global_init));
    }

    http_response operator()(request const& request) const {
        std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> const handle(curl_easy_init(), &curl_easy_cleanup);
        if (!handle) throw transport_error("curl: cannot create a handle");
        CURL* const curl = handle.get();

        std::string const url = request.url(settings_.base_url);
        std::string const body = request.body_bytes();
        std::string const method(to_string(request.method));
        header_list const headers = headers_for(request);
        http_response response;
        char error[CURL_ERROR_SIZE] = {};

        set(curl, CURLOPT_ERRORBUFFER, static_cast<char*>(error));
        set(curl, CURLOPT_URL, url.c_str());
        set(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
        if (request.method == http_method::get) {
            set(curl, CURLOPT_HTTPGET, 1L);
        } else {
            // POSTFIELDS sends exactly these bytes, binary ones included;
            // CUSTOMREQUEST above keeps PUT, PATCH and DELETE as they are.
            set(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
            set(curl, CURLOPT_POSTFIELDS, body.c_str());
        }
        set(curl, CURLOPT_HTTPHEADER, headers.get());
        set(curl, CURLOPT_WRITEFUNCTION, &append_to_string);
        set(curl, CURLOPT_WRITEDATA, &response.body);
        set(curl, CURLOPT_HEADERFUNCTION, &append_header);
        set(curl, CURLOPT_HEADERDATA, &response.headers);
        set(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(std::chrono::milliseconds(settings_.timeout).count()));
        set(curl, CURLOPT_NOSIGNAL, 1L);
        set(curl, CURLOPT_PROTOCOLS_STR, "http,https");
        set(curl, CURLOPT_USERAGENT, "cfdo/0.1");

        if (CURLcode const code = curl_easy_perform(curl); code != CURLE_OK)
            throw transport_error("curl: " + std::string(method) + ' ' + url + ": " +
                                  (error[0] != '\0' ? std::string(error) : curl_easy_strerror(code)));
        long status = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        response.status = static_cast<int>(status);
        return response;
    }

private:
    using header_list = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

    header_list headers_for(request const& request) const {
        header_list list(nullptr, &curl_slist_free_all);
        auto const add = [&](std::string const& line) {
            curl_slist* const longer = curl_slist_append(list.get(), line.c_str());
            if (longer == nullptr) throw transport_error("curl: out of memory for headers");
            static_cast<void>(list.release());
            list.reset(longer);
        };
        for (auto const& h : request.headers) add(h.name + ": " + h.value);
        if (!settings_.token.empty()) add("Authorization: Bearer " + settings_.token);
        // curl would otherwise add `Expect: 100-continue` to larger uploads.
        add("Expect:");
        return list;
    }

    template <class Value>
    static void set(CURL* curl, CURLoption option, Value value) {
        if (CURLcode const code = curl_easy_setopt(curl, option, value); code != CURLE_OK)
            throw transport_error(std::string("curl: setting an option: ") + curl_easy_strerror(code));
    }

    static std::size_t append_to_string(char* data, std::size_t size, std::size_t count, void* body) {
        static_cast<std::string*>(body)->append(data, size * count);
        return size * count;
    }

    // One header line ("Name: value\r\n"); the status line and the blank
    // line are not headers. A redirect or an interim response starts a new
    // list.
    static std::size_t append_header(char* data, std::size_t size, std::size_t count, void* headers) {
        auto& list = *static_cast<std::vector<header>*>(headers);
        std::string_view line(data, size * count);
        while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
        if (line.starts_with("HTTP/")) list.clear();
        auto const colon = line.find(':');
        if (colon == std::string_view::npos) return size * count;
        auto value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
        list.push_back({std::string(line.substr(0, colon)), std::string(value)});
        return size * count;
    }

    options settings_;
};

static_assert(transport<curl_transport>);

} // namespace cfdo

#endif

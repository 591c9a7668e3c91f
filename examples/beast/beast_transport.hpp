// A cfdo transport over Boost.Beast: HTTP/1.1, one connection per request,
// TLS through OpenSSL (peer and host name verified) when the URL is https.
// It sends a cfdo::request below a base URL (Cloudflare's v4 API by default)
// with the API token as a Bearer header, and returns the status and the body.
// When no answer comes back it throws cfdo::transport_error.
//
//   cfdo_examples::beast_transport send{{.token = api_token}};
//   auto namespaces = cfdo::list_all_namespaces(send, {.account_id = account});
#pragma once

#include <cfdo/api/request.hpp>
#include <cfdo/api/transport.hpp>

// GCC 12 at -O2 sees a "potential null pointer dereference" in Asio's
// scheduler once inlined here (a false positive: the pointer is the
// io_context's own); the warning is located in Asio's lines, so it is turned
// off for them alone.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#endif
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/version.hpp>
#include <boost/url/parse.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include <openssl/ssl.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace cfdo_examples {

class beast_transport {
public:
    struct options {
        /// Sent as `Authorization: Bearer <token>`; none when empty.
        std::string token;
        /// What `request::path` is relative to.
        std::string base_url = std::string(cfdo::api_base_url);
        /// For each step (resolve, connect, handshake, write, read): a
        /// server that never answers is an error, not a hang.
        std::chrono::seconds timeout{60};
        /// The longest body accepted.
        std::uint64_t body_limit = 64 * 1024 * 1024;
    };

    explicit beast_transport(options settings) : settings_(std::move(settings)) {}

    cfdo::http_response operator()(cfdo::request const& request) const {
        namespace asio = boost::asio;
        namespace http = boost::beast::http;

        std::string const url_text = request.url(settings_.base_url);
        auto const parsed = boost::urls::parse_uri(url_text);
        if (!parsed) throw cfdo::transport_error("beast: not a URL: " + url_text + ": " + parsed.error().message());
        boost::urls::url_view const url = *parsed;
        bool const tls = url.scheme_id() == boost::urls::scheme::https;
        if (!tls && url.scheme_id() != boost::urls::scheme::http)
            throw cfdo::transport_error("beast: only http and https URLs are supported: " + url_text);
        endpoint const server{url.host_address(),
                              url.has_port() ? std::string(url.port())
                              : tls          ? "443"
                                             : "80",
                              url_text};

        http::request<http::string_body> message{http::string_to_verb(cfdo::to_string(request.method)),
                                                 std::string(url.encoded_target()), 11};
        message.set(http::field::host, std::string(url.encoded_host_and_port()));
        message.set(http::field::user_agent, "cfdo-examples-beast/0.1 " BOOST_BEAST_VERSION_STRING);
        for (auto const& h : request.headers) message.set(h.name, h.value);
        if (!settings_.token.empty()) message.set(http::field::authorization, "Bearer " + settings_.token);
        message.body() = request.body_bytes();
        message.prepare_payload();

        asio::io_context io;
        if (!tls) {
            boost::beast::tcp_stream stream(io);
            connect(stream, server);
            auto response = exchange(stream, message, server);
            boost::beast::error_code ignored;
            stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
            return response;
        }
        asio::ssl::context context(asio::ssl::context::tls_client);
        context.set_default_verify_paths();
        context.set_verify_mode(asio::ssl::verify_peer);
        boost::beast::ssl_stream<boost::beast::tcp_stream> stream(io, context);
        // SNI, and the certificate must name the host.
        // (SSL_set_tlsext_host_name is a macro over this call with a C cast.)
        if (SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                     const_cast<char*>(server.host.c_str())) != 1)
            throw cfdo::transport_error("beast: cannot set the TLS server name for " + url_text);
        stream.set_verify_callback(asio::ssl::host_name_verification(server.host));
        connect(boost::beast::get_lowest_layer(stream), server);
        boost::beast::error_code error;
        stream.handshake(asio::ssl::stream_base::client, error);
        check(error, "TLS handshake", server);
        auto response = exchange(stream, message, server);
        // Many servers close without a TLS close_notify; the answer is complete.
        stream.shutdown(error);
        return response;
    }

private:
    struct endpoint {
        std::string host;
        std::string port;
        std::string url;
    };

    static void check(boost::beast::error_code const& error, std::string_view step, endpoint const& server) {
        if (error)
            throw cfdo::transport_error("beast: " + std::string(step) + " " + server.url + ": " + error.message());
    }

    void connect(boost::beast::tcp_stream& stream, endpoint const& server) const {
        boost::asio::ip::tcp::resolver resolver(stream.get_executor());
        boost::beast::error_code error;
        auto const addresses = resolver.resolve(server.host, server.port, error);
        check(error, "resolving", server);
        stream.expires_after(settings_.timeout);
        stream.connect(addresses, error);
        check(error, "connecting to", server);
    }

    template <class Stream>
    cfdo::http_response exchange(Stream& stream,
                                 boost::beast::http::request<boost::beast::http::string_body> const& message,
                                 endpoint const& server) const {
        namespace http = boost::beast::http;
        boost::beast::error_code error;
        boost::beast::get_lowest_layer(stream).expires_after(settings_.timeout);
        http::write(stream, message, error);
        check(error, "sending to", server);
        boost::beast::flat_buffer buffer;
        http::response_parser<http::string_body> parser;
        parser.body_limit(settings_.body_limit);
        boost::beast::get_lowest_layer(stream).expires_after(settings_.timeout);
        http::read(stream, buffer, parser, error);
        check(error, "reading the answer of", server);
        auto response = parser.release();
        return {static_cast<int>(response.result_int()), std::move(response.body())};
    }

    options settings_;
};

static_assert(cfdo::transport<beast_transport>);

} // namespace cfdo_examples

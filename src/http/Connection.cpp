// One client connection on Boost.Beast: reads a request within the size limits and the read
// deadline, runs the handler on the worker pool (so neither a slow client nor a slow handler
// holds an I/O thread), writes the response, keeps the connection alive when asked, and answers
// the requests the transport refuses itself (400, 413, 431, 503).
#include "http/Connection.h"

#include <algorithm>
#include <array>
#include <optional>
#include <type_traits>

#include <spdlog/spdlog.h>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

namespace http::detail {
namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using Parser = bhttp::request_parser<bhttp::string_body>;
using Response = bhttp::response<bhttp::string_body>;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// Lingering close and the refusal of connections over the cap never wait longer than this.
constexpr std::chrono::milliseconds kShortWait{5000};

enum class Phase { Handshake, Idle, Reading, Handling, Writing, Closing };

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool is_parse_error(const beast::error_code& ec) {
    return &ec.category() == &bhttp::make_error_code(bhttp::error::bad_target).category();
}

core::WebRequest to_web_request(bhttp::request<bhttp::string_body>&& req) {
    core::WebRequest web;
    web.method = std::string(req.method_string());
    std::string_view target = req.target();
    auto question = target.find('?');
    web.path = std::string(target.substr(0, question));
    if (question != std::string_view::npos) web.query = std::string(target.substr(question + 1));
    web.content_type = std::string(req[bhttp::field::content_type]);
    for (const auto& field : req) {
        web.headers.emplace_back(lower(field.name_string()), std::string(field.value()));
    }
    web.body = std::move(req.body());
    return web;
}

template <class Stream>
class Session : public Connection, public std::enable_shared_from_this<Session<Stream>> {
  public:
    static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

    template <class... StreamArgs>
    Session(std::shared_ptr<Shared> shared, const char* refusal, StreamArgs&&... args)
        : shared_(std::move(shared)),
          stream_(std::forward<StreamArgs>(args)...),
          strand_(stream_.get_executor()),
          handler_timer_(strand_),
          over_capacity_(refusal != nullptr),
          refusal_(refusal ? refusal : "") {
        if (over_capacity_) ++shared_->refusing;
        beast::error_code ec;
        auto peer = lowest().socket().remote_endpoint(ec);
        client_ip_ = ec ? "?" : peer.address().to_string();
    }

    ~Session() override {
        if (over_capacity_) --shared_->refusing;
        if (key_ != 0) shared_->remove(key_);
    }

    void start() {
        if (!over_capacity_) key_ = shared_->add(this->weak_from_this(), client_ip_);
        net::dispatch(strand_, [self = this->shared_from_this()] { self->begin(); });
    }

    void begin_shutdown() override {
        net::post(strand_, [self = this->shared_from_this()] {
            self->shutting_down_ = true;
            if (self->phase_ == Phase::Idle || self->phase_ == Phase::Handshake) self->close_now();
        });
    }

    void force_close() override {
        net::post(strand_, [self = this->shared_from_this()] { self->close_now(); });
    }

  private:
    beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }
    const ServerSettings& settings() const { return shared_->settings; }
    std::chrono::milliseconds read_deadline() const {
        return over_capacity_ ? std::min(settings().read_timeout, kShortWait)
                              : settings().read_timeout;
    }

    void begin() {
        if constexpr (kTls) {
            phase_ = Phase::Handshake;
            lowest().expires_after(read_deadline());
            stream_.async_handshake(net::ssl::stream_base::server,
                                    [self = this->shared_from_this()](beast::error_code ec) {
                                        if (ec) return self->drop("TLS handshake", ec);
                                        self->read_next(true);
                                    });
        } else {
            read_next(true);
        }
    }

    // Waits for the next request. The first one must arrive whole within the read deadline;
    // on a kept-alive connection the wait for its first byte is the idle timeout, and the read
    // deadline starts when that byte arrives (a slow client is cut off either way).
    void read_next(bool first) {
        if (shutting_down_ || shared_->stopping) return close_gracefully();
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(settings().header_limit));
        parser_->body_limit(settings().body_limit);
        request_id_.clear();
        phase_ = Phase::Idle;
        lowest().expires_after(first ? read_deadline() : settings().idle_timeout);
        auto self = this->shared_from_this();
        if (buffer_.size() > 0) return read_rest(first);  // pipelined request already here
        bhttp::async_read_some(stream_, buffer_, *parser_,
                               [self, first](beast::error_code ec, std::size_t) {
                                   if (ec) return self->on_read_error(ec);
                                   if (self->parser_->is_done()) return self->on_request();
                                   self->read_rest(first);
                               });
    }

    void read_rest(bool first) {
        phase_ = Phase::Reading;
        if (!first) lowest().expires_after(read_deadline());
        if (parser_->is_header_done()) return after_header();
        bhttp::async_read_header(
            stream_, buffer_, *parser_,
            [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                if (ec) return self->on_read_error(ec);
                self->after_header();
            });
    }

    // PHP's curl (BaseLinker's client) sends "Expect: 100-continue" with bodies over 1 KB and
    // waits a second for the go-ahead before sending the body; a body over the limit has
    // already been refused by now (Beast checks Content-Length with the fields).
    void after_header() {
        if (parser_->is_done()) return on_request();
        if (!beast::iequals(parser_->get()[bhttp::field::expect], "100-continue"))
            return read_body();
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                         [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec) return self->drop("100-continue", ec);
                             self->read_body();
                         });
    }

    void read_body() {
        bhttp::async_read(stream_, buffer_, *parser_,
                          [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) return self->on_read_error(ec);
                              self->on_request();
                          });
    }

    void on_read_error(const beast::error_code& ec) {
        if (closed_) return;
        if (ec == bhttp::error::body_limit) {
            return refuse(413, "request body too large", header_path());
        }
        if (ec == bhttp::error::header_limit) return refuse(431, "request header too large", "");
        if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) {
            return close_now();  // the client went away
        }
        if (is_parse_error(ec)) return refuse(400, "malformed HTTP request", "");
        if (ec == beast::error::timeout && phase_ == Phase::Reading) {
            spdlog::info("{} read timeout, connection dropped", client_ip_);
        }
        close_now();
    }

    // The request line is parsed before any limit can trip (Beast checks Content-Length against
    // the body limit while reading the fields), so the path is known for a 413.
    std::string header_path() const {
        if (!parser_) return "";
        std::string_view target = parser_->get().target();
        return std::string(target.substr(0, target.find('?')));
    }

    void note_request_line() {
        if (request_id_.empty()) request_id_ = shared_->next_request_id();
        started_ = Clock::now();
        method_ = "-";
        request_client_.clear();
        path_ = "-";
        if (!parser_) return;
        const auto& req = parser_->get();
        if (!req.method_string().empty()) method_ = std::string(req.method_string());
        if (!req.target().empty()) path_ = header_path();
        if (parser_->is_header_done()) {
            version_ = req.version();
            keep_alive_ = req.keep_alive();
        }
    }

    void on_request() {
        note_request_line();
        if (over_capacity_) return refuse(503, refusal_, path_);
        core::WebRequest request = to_web_request(parser_->release());
        request.client_ip = shared_->client_address().resolve(client_ip_, request.headers);
        request_client_ = request.client_ip;
        request.request_id = request_id_;
        phase_ = Phase::Handling;
        const std::uint64_t generation = ++generation_;
        auto self = this->shared_from_this();
        handler_timer_.expires_after(settings().handler_timeout);
        handler_timer_.async_wait([self, generation](beast::error_code ec) {
            if (!ec) self->on_handler_timeout(generation);
        });
        net::post(*shared_->workers, [self, generation, request = std::move(request)] {
            core::WebResponse response = self->run_handler(request);
            net::post(self->strand_, [self, generation, response = std::move(response)]() mutable {
                self->on_handled(generation, std::move(response));
            });
        });
    }

    // Runs on a worker thread; touches only the request and the immutable shared settings.
    core::WebResponse run_handler(const core::WebRequest& request) {
        try {
            return shared_->handler(request);
        } catch (const std::exception& e) {
            spdlog::error("{} handler failed: {}", request.request_id, e.what());
        } catch (...) {
            spdlog::error("{} handler failed with an unknown exception", request.request_id);
        }
        return refusal(500, "internal error", request.path);
    }

    void on_handled(std::uint64_t generation, core::WebResponse response) {
        if (generation != generation_ || phase_ != Phase::Handling) {
            spdlog::warn("{} late handler result dropped", request_id_);
            return;
        }
        handler_timer_.cancel();
        respond(std::move(response), false, false);
    }

    void on_handler_timeout(std::uint64_t generation) {
        if (generation != generation_ || phase_ != Phase::Handling) return;
        spdlog::warn("{} handler exceeded {} ms", request_id_, settings().handler_timeout.count());
        // The handler keeps its worker until it returns, so the connection is not reused.
        respond(refusal(503, "server busy", path_), true, false);
    }

    // The refusal handler builds the body; a failure there must not take the connection down.
    core::WebResponse refusal(int status, const std::string& reason, const std::string& path) {
        try {
            return shared_->refusal(status, reason, path);
        } catch (...) {
            core::WebResponse response;
            response.status = status;
            response.content_type = "text/plain; charset=utf-8";
            response.body = reason;
            return response;
        }
    }

    void refuse(int status, const std::string& reason, const std::string& path) {
        note_request_line();
        // The rest of the request is unread: close with lingering so the client sees the answer.
        respond(refusal(status, reason, path), true, true);
    }

    void respond(core::WebResponse web, bool close, bool linger) {
        response_ = {};
        response_.version(version_);
        response_.result(static_cast<unsigned>(web.status));
        response_.set(bhttp::field::server, "blconnect");
        response_.set(bhttp::field::content_type, web.content_type);
        response_.set("X-Request-Id", request_id_);
        for (auto& [name, value] : web.headers) response_.set(name, value);
        response_.body() = std::move(web.body);
        response_.keep_alive(keep_alive_ && !close && !shutting_down_ && !shared_->stopping);
        response_.prepare_payload();
        linger_ = linger;
        phase_ = Phase::Writing;
        lowest().expires_after(settings().write_timeout);
        bhttp::async_write(stream_, response_,
                           [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                               self->on_written(ec);
                           });
    }

    void on_written(const beast::error_code& ec) {
        log_request(ec);
        if (ec) return close_now();
        if (!response_.keep_alive()) return linger_ ? close_lingering() : close_gracefully();
        read_next(false);
    }

    // One line per request; never the body (it holds the password).
    void log_request(const beast::error_code& ec) {
        auto micros =
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_).count();
        const auto& client = request_client_.empty() ? client_ip_ : request_client_;
        spdlog::info("{} {} {} {} {} {}B {:.1f}ms{}", request_id_, client, method_, path_,
                     response_.result_int(), response_.body().size(), micros / 1000.0,
                     ec ? " write failed: " + ec.message() : std::string());
    }

    void close_gracefully() {
        phase_ = Phase::Closing;
        if constexpr (kTls) {
            lowest().expires_after(std::min(settings().write_timeout, kShortWait));
            stream_.async_shutdown(
                [self = this->shared_from_this()](beast::error_code) { self->close_now(); });
        } else {
            beast::error_code ignored;
            lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
            close_now();
        }
    }

    // Half-close, then read and discard what the client still sends (a body over the limit):
    // closing with unread data would reset the connection and the client might lose our answer.
    void close_lingering() {
        if constexpr (kTls) {
            close_gracefully();
        } else {
            phase_ = Phase::Closing;
            beast::error_code ignored;
            lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
            lowest().expires_after(std::min(settings().read_timeout, kShortWait));
            drain();
        }
    }

    void drain() {
        lowest().async_read_some(
            net::buffer(drain_buffer_),
            [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                if (ec) return self->close_now();
                self->drain();
            });
    }

    void drop(const char* what, const beast::error_code& ec) {
        spdlog::debug("{} {} failed: {}", client_ip_, what, ec.message());
        close_now();
    }

    void close_now() {
        if (closed_) return;
        closed_ = true;
        phase_ = Phase::Closing;
        handler_timer_.cancel();
        beast::error_code ignored;
        lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
        lowest().close();
    }

    std::shared_ptr<Shared> shared_;
    Stream stream_;
    net::any_io_executor strand_;  // the connection's strand: every member runs on it
    net::steady_timer handler_timer_;
    const bool over_capacity_;
    const std::string refusal_;  // why an over-capacity connection is refused
    std::uint64_t key_ = 0;
    std::string client_ip_;       // the peer
    std::string request_client_;  // the current request's client (X-Forwarded-For via a proxy)
    beast::flat_buffer buffer_;
    std::optional<Parser> parser_;
    Response response_;
    std::array<char, 8192> drain_buffer_{};
    Phase phase_ = Phase::Idle;
    bool shutting_down_ = false, closed_ = false, linger_ = false, keep_alive_ = false;
    std::uint64_t generation_ =
        0;  // requests served; a late handler result of an old one is dropped
    std::string request_id_, method_, path_;
    unsigned version_ = 11;
    Clock::time_point started_ = Clock::now();
};

}  // namespace

void start_connection(std::shared_ptr<Shared> shared, tcp::socket socket, const char* refusal) {
    // Even the 503 answers are bounded: past that, excess connections are simply closed.
    if (refusal && shared->refusing >= std::max(1, shared->settings.max_connections)) {
        beast::error_code ignored;
        socket.close(ignored);
        return;
    }
    if (shared->tls != nullptr) {
        auto& context = *shared->tls;
        std::make_shared<Session<TlsStream>>(std::move(shared), refusal, std::move(socket), context)
            ->start();
    } else {
        std::make_shared<Session<beast::tcp_stream>>(std::move(shared), refusal, std::move(socket))
            ->start();
    }
}

}  // namespace http::detail

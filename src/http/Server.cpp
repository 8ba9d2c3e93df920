// The listening side of http::Server: binds, accepts, runs the I/O threads and the worker pool,
// and shuts down gracefully. Per-connection work is in Connection.cpp.
#include "http/Server.h"

#include <csignal>
#include <future>
#include <optional>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "http/Connection.h"

namespace http {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

// ---- detail::Shared ----

std::uint32_t detail::Shared::random_start() {
    return std::random_device{}();
}

std::string detail::Shared::next_request_id() {
    return fmt::format("{:08x}", request_base_ + request_counter_.fetch_add(1));
}

std::uint64_t detail::Shared::add(std::weak_ptr<Connection> connection,
                                  const std::string& address) {
    std::lock_guard lock(mutex_);
    open_.emplace(++next_key_, Open{std::move(connection), address});
    ++per_address_[address];
    return next_key_;
}

void detail::Shared::remove(std::uint64_t key) {
    std::lock_guard lock(mutex_);
    if (auto it = open_.find(key); it != open_.end()) {
        if (auto count = per_address_.find(it->second.address);
            count != per_address_.end() && --count->second == 0)
            per_address_.erase(count);
        open_.erase(it);
    }
    closed_.notify_all();
}

int detail::Shared::open_from(const std::string& address) {
    std::lock_guard lock(mutex_);
    auto it = per_address_.find(address);
    return it == per_address_.end() ? 0 : it->second;
}

int detail::Shared::open_count() {
    std::lock_guard lock(mutex_);
    return static_cast<int>(open_.size());
}

void detail::Shared::for_each(void (Connection::*member)()) {
    std::vector<std::shared_ptr<Connection>> alive;
    {
        std::lock_guard lock(mutex_);
        for (auto& [key, open] : open_) {
            if (auto connection = open.connection.lock()) alive.push_back(std::move(connection));
        }
    }
    // Called outside the lock: a connection may be destroyed (and deregister) meanwhile.
    for (auto& connection : alive) ((*connection).*member)();
}

bool detail::Shared::wait_all_closed(Clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    return closed_.wait_until(lock, deadline, [this] { return open_.empty(); });
}

// ---- Server ----

struct Server::Impl {
    explicit Impl(ServerSettings s, Handler handler, RefusalHandler refusal)
        : settings(s), shared(std::make_shared<detail::Shared>()), ioc(std::max(1, s.io_threads)) {
        shared->settings = std::move(s);
        shared->handler = std::move(handler);
        shared->refusal = std::move(refusal);
    }

    // Declaration order is destruction order in reverse: the I/O context (and the connections
    // queued in it) goes after the acceptor and the workers, before the TLS context.
    ServerSettings settings;
    std::shared_ptr<detail::Shared> shared;
    std::optional<net::ssl::context> tls;
    net::io_context ioc;
    std::optional<tcp::acceptor> acceptor;
    std::optional<net::steady_timer> accept_retry;
    std::optional<net::thread_pool> workers;
    std::optional<net::executor_work_guard<net::io_context::executor_type>> guard;
    std::vector<std::thread> threads;
    std::uint16_t port = 0;
    std::mutex lifecycle;
    bool started = false, finished = false;

    void load_tls();
    void bind();
    void accept();
    void run_io();
    void stop(std::chrono::milliseconds grace);
};

void Server::Impl::load_tls() {
    if (settings.tls_cert_file.empty() && settings.tls_key_file.empty()) return;
    if (settings.tls_cert_file.empty() || settings.tls_key_file.empty()) {
        throw std::runtime_error("TLS needs both a certificate and a key file");
    }
    tls.emplace(net::ssl::context::tls_server);
    tls->set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                     net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 |
                     net::ssl::context::no_tlsv1_1 | net::ssl::context::single_dh_use);
    try {
        tls->use_certificate_chain_file(settings.tls_cert_file);
    } catch (const boost::system::system_error& e) {
        throw std::runtime_error("cannot load TLS certificate " + settings.tls_cert_file + ": " +
                                 e.code().message());
    }
    try {
        tls->use_private_key_file(settings.tls_key_file, net::ssl::context::pem);
    } catch (const boost::system::system_error& e) {
        throw std::runtime_error("cannot load TLS key " + settings.tls_key_file + ": " +
                                 e.code().message());
    }
    shared->tls = &*tls;
}

void Server::Impl::bind() {
    boost::system::error_code ec;
    auto address = net::ip::make_address(settings.listen_address, ec);
    if (ec) throw std::runtime_error("invalid listen address: " + settings.listen_address);
    tcp::endpoint endpoint(address, settings.port);
    acceptor.emplace(ioc);
    auto fail = [&](const char* step) {
        throw std::runtime_error(fmt::format("cannot listen on {}:{} ({}: {})",
                                             settings.listen_address, settings.port, step,
                                             ec.message()));
    };
    acceptor->open(endpoint.protocol(), ec);
    if (ec) fail("open");
    acceptor->set_option(net::socket_base::reuse_address(true), ec);
    if (ec) fail("reuse_address");
    acceptor->bind(endpoint, ec);
    if (ec) fail("bind");
    acceptor->listen(net::socket_base::max_listen_connections, ec);
    if (ec) fail("listen");
    port = acceptor->local_endpoint().port();
    accept_retry.emplace(ioc);
}

void Server::Impl::accept() {
    acceptor->async_accept(
        net::make_strand(ioc), [this](boost::system::error_code ec, tcp::socket socket) {
            if (ec == net::error::operation_aborted || shared->stopping) return;
            if (ec) {
                // Typically out of file descriptors: back off instead of spinning.
                spdlog::warn("accept failed: {}", ec.message());
                accept_retry->expires_after(std::chrono::milliseconds(100));
                accept_retry->async_wait([this](boost::system::error_code wait_ec) {
                    if (!wait_ec && !shared->stopping) accept();
                });
                return;
            }
            boost::system::error_code peer_ec;
            const auto peer = socket.remote_endpoint(peer_ec);
            const std::string address = peer_ec ? "?" : peer.address().to_string();
            const char* refusal = nullptr;
            if (shared->open_count() >= settings.max_connections)
                refusal = "too many connections";
            else if (settings.max_connections_per_address > 0 &&
                     shared->open_from(address) >= settings.max_connections_per_address)
                refusal = "too many connections from this address";
            detail::start_connection(shared, std::move(socket), refusal);
            accept();
        });
}

void Server::Impl::run_io() {
    for (;;) {
        try {
            ioc.run();
            return;
        } catch (const std::exception& e) {
            spdlog::error("I/O thread: {}", e.what());
        }
    }
}

void Server::Impl::stop(std::chrono::milliseconds grace) {
    shared->stopping = true;
    std::promise<void> closed;
    net::post(ioc, [this, &closed] {
        boost::system::error_code ignored;
        acceptor->close(ignored);
        accept_retry->cancel();
        closed.set_value();
    });
    closed.get_future().wait();
    shared->for_each(&detail::Connection::begin_shutdown);
    if (!shared->wait_all_closed(Clock::now() + grace)) {
        spdlog::warn("grace period over, closing {} connection(s)", shared->open_count());
        shared->for_each(&detail::Connection::force_close);
        // Lets the posted closes run; a connection whose handler still runs stays counted.
        shared->wait_all_closed(Clock::now() + std::chrono::milliseconds(200));
    }
    guard.reset();
    ioc.stop();
    for (auto& thread : threads) thread.join();
    threads.clear();
    // Waits for handlers still running: they use objects the caller is about to destroy.
    workers->join();
}

Server::Server(ServerSettings settings, Handler handler, RefusalHandler refusal)
    : impl_(std::make_unique<Impl>(std::move(settings), std::move(handler), std::move(refusal))) {}

Server::~Server() {
    shutdown(std::chrono::milliseconds(0));
}

void Server::start() {
    std::lock_guard lock(impl_->lifecycle);
    if (impl_->started) throw std::runtime_error("server already started");
    impl_->load_tls();
    impl_->bind();
    impl_->started = true;
    impl_->workers.emplace(static_cast<std::size_t>(std::max(1, impl_->settings.worker_threads)));
    impl_->shared->workers = &*impl_->workers;
    impl_->guard.emplace(net::make_work_guard(impl_->ioc));
    impl_->accept();
    for (int i = 0; i < std::max(1, impl_->settings.io_threads); ++i) {
        impl_->threads.emplace_back([this] { impl_->run_io(); });
    }
}

std::uint16_t Server::port() const {
    return impl_->port;
}

bool Server::tls() const {
    return !impl_->settings.tls_cert_file.empty() && !impl_->settings.tls_key_file.empty();
}

void Server::shutdown(std::chrono::milliseconds grace) {
    std::lock_guard lock(impl_->lifecycle);
    if (!impl_->started || impl_->finished) return;
    impl_->finished = true;
    impl_->stop(grace);
}

void Server::run_until_signal() {
    net::io_context signals_context;
    net::signal_set signals(signals_context, SIGINT, SIGTERM);
    int received = 0;
    signals.async_wait([&](boost::system::error_code ec, int signal) {
        if (!ec) received = signal;
    });
    signals_context.run();
    spdlog::info("signal {} received, shutting down", received);
    shutdown();
}

}  // namespace http

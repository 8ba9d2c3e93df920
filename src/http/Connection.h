#pragma once
// Private to src/http: what the acceptor (Server.cpp) and the per-connection code (Connection.cpp)
// share. Asio only; Beast stays inside the two .cpp files.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/thread_pool.hpp>

#include "http/ClientAddress.h"
#include "http/Server.h"

namespace http::detail {

// One open client connection, as the server's shutdown sees it.
class Connection {
  public:
    virtual ~Connection() = default;
    // Graceful: an idle connection closes now, a busy one after its current response.
    virtual void begin_shutdown() = 0;
    // Grace is over: close the socket whatever the connection is doing.
    virtual void force_close() = 0;
};

// State shared by every connection of one server. Connections hold it by shared_ptr, so it
// outlives the last of them whatever the order of destruction.
struct Shared {
    ServerSettings settings;
    Handler handler;
    RefusalHandler refusal;
    boost::asio::thread_pool* workers = nullptr;
    boost::asio::ssl::context* tls = nullptr;  // null: plain HTTP
    std::atomic<bool> stopping{false};
    std::atomic<int> refusing{0};  // connections being answered 503 (over max_connections)

    std::string next_request_id();
    // Built from settings.trusted_proxies on first use (settings are set after construction).
    const ClientAddress& client_address() {
        std::call_once(client_address_once_,
                       [this] { client_address_.emplace(settings.trusted_proxies); });
        return *client_address_;
    }

    // Registry of open connections (counted against max_connections and, per client address,
    // against max_connections_per_address).
    std::uint64_t add(std::weak_ptr<Connection> connection, const std::string& address);
    void remove(std::uint64_t key);
    int open_count();
    int open_from(const std::string& address);
    // Calls begin_shutdown() / force_close() on every open connection.
    void for_each(void (Connection::*member)());
    // Waits until no connection is open or the deadline passes; true when none is open.
    bool wait_all_closed(std::chrono::steady_clock::time_point deadline);

  private:
    std::once_flag client_address_once_;
    std::optional<ClientAddress> client_address_;
    std::mutex mutex_;
    std::condition_variable closed_;
    struct Open {
        std::weak_ptr<Connection> connection;
        std::string address;
    };
    std::map<std::uint64_t, Open> open_;
    std::map<std::string, int> per_address_;
    std::uint64_t next_key_ = 0;
    static std::uint32_t random_start();
    // Ids are a per-process counter from a random start: unique, short, and not guessable
    // across restarts (so logs of two runs do not collide).
    const std::uint32_t request_base_ = random_start();
    std::atomic<std::uint32_t> request_counter_{0};
};

// Takes over an accepted socket. `refusal` (a static string, null = admitted): answer the request
// with 503 and that reason, then close.
void start_connection(std::shared_ptr<Shared> shared, boost::asio::ip::tcp::socket socket,
                      const char* refusal);

}  // namespace http::detail

#include "e2e/TcpRelay.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace e2e {
namespace {

sockaddr_in loopback(std::uint16_t port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

// Copies bytes both ways until either side closes (or the relay shuts the sockets down).
void pipe_both_ways(int a, int b) {
    pollfd fds[2] = {{a, POLLIN, 0}, {b, POLLIN, 0}};
    char buffer[16384];
    while (poll(fds, 2, -1) > 0) {
        for (int i = 0; i < 2; ++i) {
            if (fds[i].revents == 0) continue;
            const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n <= 0 || write(fds[1 - i].fd, buffer, std::size_t(n)) != n) return;
        }
    }
}

}  // namespace

struct TcpRelay::Impl {
    std::uint16_t upstream;
    int listener = -1;
    std::uint16_t port = 0;
    std::atomic<bool> open{true};
    std::atomic<bool> stopping{false};
    std::mutex mutex;
    std::vector<int> sockets;  // both ends of every relayed connection
    std::vector<std::thread> threads;
    std::thread acceptor;

    void serve(int client) {
        int server = socket(AF_INET, SOCK_STREAM, 0);
        auto addr = loopback(upstream);
        if (!open || connect(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            close(server);
            close(client);
            return;
        }
        {
            std::lock_guard lock(mutex);
            sockets.push_back(client);
            sockets.push_back(server);
        }
        pipe_both_ways(client, server);
    }

    void accept_loop() {
        while (!stopping) {
            int client = accept(listener, nullptr, nullptr);
            if (client < 0) continue;
            std::lock_guard lock(mutex);
            threads.emplace_back([this, client] { serve(client); });
        }
    }

    void shut_all() {
        std::lock_guard lock(mutex);
        for (int fd : sockets) shutdown(fd, SHUT_RDWR);
    }
};

TcpRelay::TcpRelay(std::uint16_t upstream_port) : impl_(std::make_unique<Impl>()) {
    impl_->upstream = upstream_port;
    impl_->listener = socket(AF_INET, SOCK_STREAM, 0);
    auto addr = loopback(0);
    socklen_t length = sizeof addr;
    if (bind(impl_->listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        listen(impl_->listener, 64) != 0 ||
        getsockname(impl_->listener, reinterpret_cast<sockaddr*>(&addr), &length) != 0) {
        throw std::runtime_error("relay: cannot listen on loopback");
    }
    impl_->port = ntohs(addr.sin_port);
    impl_->acceptor = std::thread([this] { impl_->accept_loop(); });
}

TcpRelay::~TcpRelay() {
    impl_->stopping = true;
    impl_->open = false;
    shutdown(impl_->listener, SHUT_RDWR);
    impl_->acceptor.join();
    impl_->shut_all();
    for (auto& thread : impl_->threads) thread.join();
    for (int fd : impl_->sockets) close(fd);
    close(impl_->listener);
}

std::uint16_t TcpRelay::port() const {
    return impl_->port;
}

void TcpRelay::cut() {
    impl_->open = false;
    impl_->shut_all();
}

void TcpRelay::restore() {
    impl_->open = true;
}

}  // namespace e2e

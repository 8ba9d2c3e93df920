#include "ServerFixture.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

namespace server_test {

RawClient::RawClient(std::uint16_t port, const char* source) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, source, &local.sin_addr);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval timeout{30, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

RawClient::~RawClient() {
    if (fd_ >= 0) ::close(fd_);
}

void RawClient::send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return;
        sent += static_cast<std::size_t>(n);
    }
}

RawResponse RawClient::read_response() {
    RawResponse response;
    char chunk[4096];
    auto fill = [&] {
        auto n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) return false;
        pending_.append(chunk, static_cast<std::size_t>(n));
        return true;
    };
    std::size_t end;
    while ((end = pending_.find("\r\n\r\n")) == std::string::npos) {
        if (!fill()) return response;
    }
    response.headers = pending_.substr(0, end + 2);
    pending_.erase(0, end + 4);
    response.status = std::atoi(response.headers.c_str() + response.headers.find(' ') + 1);
    std::size_t length = 0;
    auto at = response.headers.find("Content-Length: ");
    if (at != std::string::npos)
        length = std::strtoul(response.headers.c_str() + at + 16, nullptr, 10);
    while (pending_.size() < length) {
        if (!fill()) break;
    }
    response.body = pending_.substr(0, length);
    pending_.erase(0, response.body.size());
    return response;
}

bool RawClient::still_waiting() {
    pollfd entry{fd_, POLLIN, 0};
    return ::poll(&entry, 1, 0) == 0;
}

bool RawClient::wait_closed_silently() {
    char byte;
    return ::recv(fd_, &byte, 1, 0) == 0;
}

core::WebResponse test_refusal(int status, const std::string& reason, const std::string& path) {
    core::WebResponse response;
    response.status = status;
    response.body = "{\"refused\":" + std::to_string(status) + ",\"reason\":\"" + reason +
                    "\",\"path\":\"" + path + "\"}";
    return response;
}

ServerUnderTest::ServerUnderTest() {
    settings.listen_address = "127.0.0.1";
    settings.port = 0;
    settings.io_threads = 1;
    settings.worker_threads = 2;
}

void ServerUnderTest::start(http::Handler handler) {
    server = std::make_unique<http::Server>(settings, std::move(handler), test_refusal);
    server->start();
}

core::WebResponse hello(const core::WebRequest& request) {
    core::WebResponse response;
    response.content_type = "text/plain";
    response.body = "hello " + request.path;
    return response;
}

}  // namespace server_test

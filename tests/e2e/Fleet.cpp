#include "e2e/Fleet.h"

#include <httplib.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/Must.h"
#include "support/TestServer.h"

namespace e2e {
namespace {

// `serve --port 0` prints "blconnect listening on http://127.0.0.1:PORT/baselinker".
std::uint16_t wait_for_port(const std::string& log_path) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    const std::string marker = "listening on http://127.0.0.1:";
    while (std::chrono::steady_clock::now() < deadline) {
        std::ifstream in(log_path);
        std::stringstream text;
        text << in.rdbuf();
        const auto log = text.str();
        const auto at = log.find(marker);
        if (at != std::string::npos)
            return std::uint16_t(std::stoi(log.substr(at + marker.size())));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("blconnect did not start: " + proc::file_tail(log_path, 2000));
}

}  // namespace

Fleet::Fleet(int servers, const store::ImportBatch& batch) {
    store_ = db_.init();
    must(store_->catalog().import(batch, nullptr, nullptr));
    for (int i = 0; i < servers; ++i) {
        const std::string log = (db_.dir() / ("serve-" + std::to_string(i) + ".log")).string();
        servers_.push_back(std::make_unique<proc::ServerProcess>(
            std::vector<std::string>{BLCONNECT_BINARY, "serve", "--db", db_.path(), "--port", "0",
                                     "--admin-port", "0"},
            std::vector<std::string>{std::string("BLCONNECT_PASSWORD=") + kPassword,
                                     "BLCONNECT_LISTEN=127.0.0.1"},
            log));
        ports_.push_back(wait_for_port(log));
    }
}

Fleet::~Fleet() {
    for (auto& server : servers_) {
        try {
            server->terminate(std::chrono::seconds(10));
        } catch (const std::exception&) {
            // Already gone (the test reports why); the database is removed all the same.
        }
    }
}

std::string Fleet::call(int i, const std::string& action,
                        std::map<std::string, std::string> fields) const {
    fields["bl_pass"] = kPassword;
    fields["action"] = action;
    httplib::Client client("127.0.0.1", port(i));
    client.set_read_timeout(60, 0);
    auto reply =
        client.Post("/baselinker", test::encode_form(fields), "application/x-www-form-urlencoded");
    return reply ? reply->body : std::string();
}

}  // namespace e2e

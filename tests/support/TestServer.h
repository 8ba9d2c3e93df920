#pragma once
// A running app::Service for HTTP-level tests: a fresh database from testing_support::TempDb (a
// SQLite file in a temporary directory, or a fresh PostgreSQL database with
// BLC_TEST_BACKEND=postgres), optionally filled with the demo catalogue, a 32-character password,
// 127.0.0.1 on a free port.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "app/Service.h"
#include "store/Store.h"
#include "support/TempDb.h"

namespace test {

struct HttpReply {
    int status = 0;  // 0: no answer (connection failed)
    std::string body;
    std::string content_type;
    std::string request_id;  // X-Request-Id
};

// x-www-form-urlencoded encoding of `fields` (keys in map order).
std::string encode_form(const std::map<std::string, std::string>& fields);

class TestServer {
  public:
    static constexpr const char* kPassword = "Test-Password-0123456789-abcdefg";  // 32 chars

    // `demo_products` > 0 imports records::make_demo_batch(demo_products) before the start.
    // `configure` may change the config (page sizes, limits...) before the service is built.
    explicit TestServer(std::int64_t demo_products = 0,
                        std::function<void(app::Config&)> configure = {});
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    std::uint16_t port() const;
    std::uint16_t admin_port() const;  // the admin listener (its own free port)
    // Admin credentials through the same code as `blconnect admin add-user` / `add-token`.
    void add_admin_user(const std::string& user, const std::string& password);
    std::string add_admin_token(const std::string& user);  // the token in clear
    const std::string& password() const { return config_.endpoint.password; }
    const std::string& db_path() const { return config_.database; }
    const app::Config& config() const { return config_; }
    app::Service& service() { return *service_; }

    // POSTs the fields as a form to the connector path, exactly as given (no bl_pass added).
    HttpReply post_form(const std::map<std::string, std::string>& fields);
    // The same with bl_pass = the password and action = `action`.
    HttpReply call(const std::string& action, std::map<std::string, std::string> fields = {});
    HttpReply post_raw(const std::string& path, const std::string& body,
                       const std::string& content_type);
    HttpReply get(const std::string& path);
    HttpReply put_raw(const std::string& path, const std::string& body,
                      const std::string& content_type);

    // A second, independent handle on the same database, to inspect rows as they were committed.
    std::unique_ptr<store::Store> open_second_store() const;

  private:
    testing_support::TempDb db_;  // outlives the service: destroyed after it
    app::Config config_;
    std::unique_ptr<app::Service> service_;
};

}  // namespace test

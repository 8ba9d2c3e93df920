// Start-up failures, graceful shutdown and HTTPS.
#include <httplib.h>
#include <stdlib.h>

#include <filesystem>
#include <future>
#include <thread>

#include "ServerFixture.h"

namespace server_test {
namespace {

TEST(ServerLifecycle, GracefulShutdownFinishesTheInFlightRequestAndRefusesNewConnections) {
    ServerUnderTest s;
    std::promise<void> entered, release;
    auto released = release.get_future().share();
    s.start([&entered, released](const core::WebRequest& request) {
        if (request.path == "/slow") {
            entered.set_value();
            released.wait_for(std::chrono::seconds(30));  // safety net only
        }
        return hello(request);
    });
    const auto port = s.port();
    auto in_flight = std::async(std::launch::async, [port] {
        httplib::Client client("127.0.0.1", port);
        auto result = client.Get("/slow");
        return result ? std::make_pair(result->status, result->body)
                      : std::make_pair(0, std::string());
    });
    entered.get_future().wait();

    auto stopping =
        std::async(std::launch::async, [&] { s.server->shutdown(std::chrono::seconds(30)); });
    bool refused = false;
    for (int i = 0; i < 1000 && !refused; ++i) {  // until the listener is closed
        refused = !RawClient(port).connected();
        if (!refused) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_TRUE(refused);
    release.set_value();
    auto [status, body] = in_flight.get();
    EXPECT_EQ(status, 200);
    EXPECT_EQ(body, "hello /slow");
    stopping.get();
}

TEST(ServerLifecycle, ShutdownClosesIdleKeptAliveConnections) {
    ServerUnderTest s;
    s.start(hello);
    RawClient raw(s.port());
    raw.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_EQ(raw.read_response().status, 200);
    s.server->shutdown(std::chrono::seconds(30));
    EXPECT_TRUE(raw.wait_closed_silently());
}

TEST(ServerLifecycle, PortInUseIsAClearError) {
    ServerUnderTest first;
    first.start(hello);
    ServerUnderTest second;
    second.settings.port = first.port();
    try {
        second.start(hello);
        FAIL() << "second server started on a busy port";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(std::to_string(first.port())), std::string::npos)
            << e.what();
    }
}

class TempDir {
  public:
    TempDir() {
        path_ = (std::filesystem::temp_directory_path() / "blc-tls-XXXXXX").string();
        if (mkdtemp(path_.data()) == nullptr) throw std::runtime_error("mkdtemp");
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    std::string file(const char* name) const { return path_ + "/" + name; }

  private:
    std::string path_;
};

TEST(ServerLifecycle, ServesHttpsWithTheConfiguredCertificate) {
    TempDir dir;
    std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost"
        " -keyout " +
        dir.file("key.pem") + " -out " + dir.file("cert.pem") + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << "openssl CLI failed";
    ServerUnderTest s;
    s.settings.tls_cert_file = dir.file("cert.pem");
    s.settings.tls_key_file = dir.file("key.pem");
    s.start(hello);
    EXPECT_TRUE(s.server->tls());

    httplib::SSLClient client("127.0.0.1", s.port());
    client.enable_server_certificate_verification(false);
    auto result = client.Get("/secure");
    ASSERT_TRUE(result) << httplib::to_string(result.error());
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->body, "hello /secure");
    EXPECT_FALSE(result->get_header_value("X-Request-Id").empty());

    httplib::Client plain("127.0.0.1", s.port());  // HTTPS only: plain HTTP gets no answer
    plain.set_read_timeout(5, 0);
    auto plain_result = plain.Get("/secure");
    EXPECT_TRUE(!plain_result || plain_result->status != 200);
}

TEST(ServerLifecycle, MissingCertificateIsAClearError) {
    ServerUnderTest s;
    s.settings.tls_cert_file = "/nonexistent/cert.pem";
    s.settings.tls_key_file = "/nonexistent/key.pem";
    try {
        s.start(hello);
        FAIL() << "started without a certificate";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/cert.pem"), std::string::npos);
    }
}

}  // namespace
}  // namespace server_test

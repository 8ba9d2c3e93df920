#include "AdminApiFixture.h"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <ctime>
#include <mutex>

namespace admin_test {
namespace {

// A sink that keeps every formatted line in memory.
class CaptureSink : public spdlog::sinks::base_sink<std::mutex> {
  public:
    std::string text() {
        std::lock_guard lock(mutex_);
        return text_;
    }

  protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
        spdlog::memory_buf_t formatted;
        formatter_->format(msg, formatted);
        text_.append(formatted.data(), formatted.size());
    }
    void flush_() override {}

  private:
    std::string text_;
};

std::shared_ptr<CaptureSink> g_capture;
std::shared_ptr<spdlog::logger> g_previous;

}  // namespace

std::int64_t unix_now() {
    return static_cast<std::int64_t>(std::time(nullptr));
}

void AdminApiTest::SetUp() {
    // Installed before the service starts any thread, removed after it stopped them all.
    g_capture = std::make_shared<CaptureSink>();
    g_previous = spdlog::default_logger();
    auto logger = std::make_shared<spdlog::logger>("admin-api-test", g_capture);
    logger->set_level(spdlog::level::debug);
    spdlog::set_default_logger(logger);
    server_ = std::make_unique<test::TestServer>(
        demo_products(), [this](app::Config& config) { configure(config); });
    server_->add_admin_user(kUser, kUserPassword);
}

void AdminApiTest::TearDown() {
    server_.reset();
    spdlog::set_default_logger(g_previous);
    g_capture.reset();
}

AdminClient AdminApiTest::signed_in() const {
    AdminClient c = client();
    auto reply = c.login(kUser, kUserPassword);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return c;
}

AdminClient AdminApiTest::with_token() {
    AdminClient c = client();
    c.use_bearer(server_->add_admin_token(kUser));
    return c;
}

std::string AdminApiTest::logs() const {
    return g_capture ? g_capture->text() : std::string();
}

}  // namespace admin_test

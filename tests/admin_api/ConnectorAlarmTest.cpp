// A lockout is an alarm: calls with a wrong password raise a health warning at once (naming a
// password rotation as the likely cause) and a correct call clears it; the test-connection
// endpoint runs FileVersion through the connector's own handler.
#include "AdminApiFixture.h"

namespace admin_test {
namespace {

namespace json = boost::json;

class ConnectorAlarm : public AdminApiTest {
  protected:
    json::object health() {
        auto reply = with_token().get("/health");
        EXPECT_EQ(reply.status, 200) << reply.body;
        return reply.json().as_object();
    }
    static const json::object* warning(const json::object& h, std::string_view code) {
        for (const auto& w : h.at("warnings").as_array()) {
            if (w.at("code").as_string() == code) return &w.as_object();
        }
        return nullptr;
    }
    int file_version(const std::string& password) {
        return server_->post_form({{"bl_pass", password}, {"action", "FileVersion"}}).status;
    }
};

TEST_F(ConnectorAlarm, ARotationLocksBaseLinkerOutAndHealthSaysWhy) {
    EXPECT_EQ(warning(health(), "connector_password_refused"), nullptr);
    AdminClient c = with_token();
    auto rotated = c.post("/settings/connector-password", "");
    ASSERT_EQ(rotated.status, 200) << rotated.body;
    const std::string fresh(rotated.json().at("password").as_string());
    file_version(server_->password());  // BaseLinker still sends the old password

    auto h = health();
    const auto* w = warning(h, "connector_password_refused");
    ASSERT_NE(w, nullptr) << json::serialize(h);
    const std::string message(w->at("message").as_string());
    EXPECT_NE(message.find("password was changed at"), std::string::npos) << message;
    EXPECT_NE(message.find("127.0.0.1"), std::string::npos) << message;
    EXPECT_EQ(message.find(server_->password()), std::string::npos);
    const auto& lockout = h.at("refusals").at("lockout");
    EXPECT_EQ(lockout.at("refused"), 1);
    EXPECT_TRUE(lockout.at("password_changed_at_ms").is_int64());
    EXPECT_LE(lockout.at("password_changed_at_ms").as_int64(), lockout.at("since_ms").as_int64());
    EXPECT_EQ(h.at("refusals").at("wrong_password_last_hour"), 1);

    EXPECT_EQ(file_version(fresh), 200);  // the new password pasted into BaseLinker
    auto after = health();
    EXPECT_EQ(warning(after, "connector_password_refused"), nullptr) << json::serialize(after);
    EXPECT_TRUE(after.at("refusals").at("lockout").is_null());
}

TEST_F(ConnectorAlarm, AWrongPasswordWithoutRotationAsksToCheckBaseLinker) {
    file_version("not-the-password-at-all");
    const auto h = health();
    const auto* w = warning(h, "connector_password_refused");
    ASSERT_NE(w, nullptr) << json::serialize(h);
    EXPECT_NE(w->at("message").as_string().find("Check the communication password"),
              std::string::npos);
    EXPECT_TRUE(h.at("refusals").at("lockout").at("password_changed_at_ms").is_null());
}

TEST_F(ConnectorAlarm, CallsWithoutAPasswordAreCountedNotAlarmed) {
    for (int i = 0; i < 4; ++i) server_->post_form({{"action", "Junk" + std::to_string(i)}});
    const auto h = health();
    EXPECT_EQ(warning(h, "connector_password_refused"), nullptr);
    EXPECT_EQ(h.at("refusals").at("without_password_last_hour"), 4);
}

TEST_F(ConnectorAlarm, TestConnectionAnswersAsTheConnectorWould) {
    AdminClient c = with_token();
    c.post("/settings/connector-password", "");  // works with a rotated password too
    auto reply = c.post("/connector/test", "");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json().at("ok"), true);
    EXPECT_EQ(reply.json().at("path"), "/baselinker");
    EXPECT_EQ(reply.json().at("http_status"), 200);
    EXPECT_EQ(reply.json().at("answer").at("platform"), "blconnect");
}

}  // namespace
}  // namespace admin_test

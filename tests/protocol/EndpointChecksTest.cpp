// docs/protocol.md §1.3/§1.4: the order of checks and the exact error envelope.
#include <gtest/gtest.h>

#include "ConnectorFixture.h"

namespace connector_test {
namespace {

using ConnectorChecks = ConnectorTest;

TEST_F(ConnectorChecks, GetIsNoPassword) {
    core::WebRequest r;
    r.method = "GET";
    r.client_ip = "127.0.0.1";
    auto response = request(r);
    expect_error(response, "no_password");
}

TEST_F(ConnectorChecks, PostWithoutPasswordIsNoPassword) {
    expect_error(post({{"action", "FileVersion"}}), "no_password");
}

TEST_F(ConnectorChecks, WrongOrEmptyPasswordIsIncorrectPassword) {
    expect_error(post({{"bl_pass", "nope"}, {"action", "FileVersion"}}), "incorrect_password");
    expect_error(post({{"bl_pass", ""}, {"action", "FileVersion"}}), "incorrect_password");
    // A prefix or an extension of the password is not the password.
    expect_error(post({{"bl_pass", std::string(kPassword).substr(0, 10)}, {"action", "x"}}),
                 "incorrect_password");
    expect_error(post({{"bl_pass", std::string(kPassword) + "x"}, {"action", "FileVersion"}}),
                 "incorrect_password");
}

TEST_F(ConnectorChecks, PasswordIsCheckedBeforeTheAction) {
    expect_error(post({{"bl_pass", "nope"}, {"action", "NoSuchAction"}}), "incorrect_password");
}

TEST_F(ConnectorChecks, ActionLookupIsCaseInsensitive) {
    for (const char* name : {"FileVersion", "fileversion", "FILEVERSION", "fILEvERSION"}) {
        auto response = call(name);
        EXPECT_EQ(response.status, 200);
        EXPECT_EQ(parse(response).at("platform"), boost::json::value("blconnect")) << name;
    }
}

TEST_F(ConnectorChecks, UnknownActionNamesIt) {
    auto response = call("OrdersGetEverything");
    expect_error(response, "unsupported_action");
    EXPECT_EQ(
        response.body,
        R"({"error":true,"error_code":"unsupported_action","error_text":"No action: OrdersGetEverything"})");
}

TEST_F(ConnectorChecks, MissingActionIsUnsupported) {
    auto response = post({{"bl_pass", kPassword}});
    EXPECT_EQ(response.body,
              R"({"error":true,"error_code":"unsupported_action","error_text":"No action: "})");
}

TEST_F(ConnectorChecks, ErrorsAreHttp200WithJsonContentType) {
    auto response = call("Nope");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
}

TEST_F(ConnectorChecks, InvalidUtf8InAFieldIsInvalidParameterNamingIt) {
    auto response = call("ProductsList", {{"filter_name", "\xC5\xBC\xF3\xB3w"}});
    expect_error(response, "invalid_parameter");
    EXPECT_EQ(parse(response).at("error_text"), boost::json::value("filter_name: not valid UTF-8"));
}

// PHP's urldecode keeps a '%' that starts no escape; so does the connector (docs/protocol.md §1.2).
TEST_F(ConnectorChecks, MalformedPercentEncodingIsReadAsPhpReadsIt) {
    core::WebRequest r;
    r.method = "POST";
    r.client_ip = "127.0.0.1";
    r.content_type = "application/x-www-form-urlencoded";
    r.body = std::string("bl_pass=") + kPassword + "&action=FileVersion&x=%G1&y=50%";
    EXPECT_EQ(parse(request(r)).at("standard"), boost::json::value(4));
    r.body = std::string("bl_pass=") + kPassword + "%G1&action=FileVersion";
    expect_error(request(r), "incorrect_password");  // the '%' is part of what was sent
}

TEST_F(ConnectorChecks, RepeatedKeyKeepsTheLastValue) {
    auto response = post({{"bl_pass", "wrong"},
                          {"bl_pass", kPassword},
                          {"action", "Nope"},
                          {"action", "FileVersion"}});
    EXPECT_EQ(parse(response).at("standard"), boost::json::value(4));
}

TEST_F(ConnectorChecks, MultipartFormIsAccepted) {
    core::WebRequest r;
    r.method = "POST";
    r.client_ip = "127.0.0.1";
    r.content_type = "multipart/form-data; boundary=XyZ";
    r.body = std::string("--XyZ\r\nContent-Disposition: form-data; name=\"bl_pass\"\r\n\r\n") +
             kPassword +
             "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\n"
             "FileVersion\r\n--XyZ--\r\n";
    auto response = request(r);
    EXPECT_EQ(parse(response).at("platform"), boost::json::value("blconnect")) << response.body;
}

class ConnectorThrottling : public ConnectorTest {
    void configure(protocol::EndpointSettings& s) override {
        s.throttle_failures = 3;
        s.throttle_window_s = 3600;
    }
};

TEST_F(ConnectorThrottling, TheCorrectPasswordPassesDuringAFloodFromTheSameAddress) {
    for (int i = 0; i < 3; ++i) {
        expect_error(post({{"bl_pass", "wrong"}, {"action", "FileVersion"}}, "10.1.1.1"),
                     "incorrect_password");
    }
    expect_error(post({{"bl_pass", "wrong"}, {"action", "FileVersion"}}, "10.1.1.1"),
                 "rate_limited", 429);
    // The guessing address is throttled, but a correct password from it is never refused.
    auto response = post({{"bl_pass", kPassword}, {"action", "FileVersion"}}, "10.1.1.1");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(parse(response).at("standard"), boost::json::value(4));
    // Other addresses are not affected.
    expect_error(post({{"bl_pass", "wrong"}, {"action", "FileVersion"}}, "10.1.1.2"),
                 "incorrect_password");
}

TEST_F(ConnectorThrottling, RightPasswordsDoNotCount) {
    for (int i = 0; i < 10; ++i) {
        EXPECT_EQ(post({{"bl_pass", kPassword}, {"action", "FileVersion"}}, "10.1.1.3").status,
                  200);
    }
    expect_error(post({{"bl_pass", "wrong"}, {"action", "FileVersion"}}, "10.1.1.3"),
                 "incorrect_password");
}

TEST_F(ConnectorThrottling, CallsWithoutAPasswordAreThrottledCountedAndNotJournaled) {
    for (int i = 0; i < 3; ++i) {
        expect_error(post({{"action", "Junk" + std::to_string(i)}}, "10.1.1.4"), "no_password");
    }
    expect_error(post({{"action", "MoreJunk"}}, "10.1.1.4"), "rate_limited", 429);
    journal_->flush();
    EXPECT_TRUE(journal_entries().empty());
    EXPECT_EQ(endpoint_->refusals().without_password_last_hour, 4);
    EXPECT_EQ(endpoint_->refusals().throttled_last_hour, 1);
    EXPECT_FALSE(endpoint_->refusals().locked_out);  // junk is not BaseLinker locked out
}

TEST_F(ConnectorThrottling, WrongPasswordsAreJournaledUntilThrottledAndUnknownNamesAreNotKept) {
    for (int i = 0; i < 5; ++i)
        post({{"bl_pass", "wrong"}, {"action", "Evil<script>"}}, "10.1.1.5");
    journal_->flush();
    const auto entries = journal_entries();
    ASSERT_EQ(entries.size(), 3u);  // the throttled ones are counted, not journaled
    for (const auto& e : entries) {
        EXPECT_EQ(e.outcome, "incorrect_password");
        EXPECT_EQ(e.action, "?");
    }
    const auto report = endpoint_->refusals();
    EXPECT_TRUE(report.locked_out);
    EXPECT_EQ(report.refused_count, 5);
    EXPECT_EQ(report.last_client, "10.1.1.5");
    EXPECT_TRUE(report.last_throttled);
}

class ConnectorGlobalCeiling : public ConnectorTest {
    void configure(protocol::EndpointSettings& s) override {
        s.throttle_failures = 100;
        s.throttle_global_failures = 5;
        s.throttle_window_s = 3600;
    }
};

TEST_F(ConnectorGlobalCeiling, ADistributedGuessIsSlowedButTheCorrectPasswordPasses) {
    for (int i = 0; i < 5; ++i) {
        expect_error(
            post({{"bl_pass", "wrong"}, {"action", "FileVersion"}}, "10.3.0." + std::to_string(i)),
            "incorrect_password");
    }
    expect_error(post({{"bl_pass", "wrong"}, {"action", "FileVersion"}}, "10.3.1.1"),
                 "rate_limited", 429);
    EXPECT_EQ(post({{"bl_pass", kPassword}, {"action", "FileVersion"}}, "10.3.1.1").status, 200);
    EXPECT_EQ(post({{"bl_pass", kPassword}, {"action", "FileVersion"}}, "10.3.0.1").status, 200);
}

class ConnectorAllowListThrottling : public ConnectorTest {
    void configure(protocol::EndpointSettings& s) override {
        s.allow_ips = {"10.2.0.0/16"};
        s.throttle_failures = 3;
        s.throttle_global_failures = 3;
        s.throttle_window_s = 3600;
    }
};

TEST_F(ConnectorAllowListThrottling, AddressesInAllowIpsAreNeverThrottled) {
    for (int i = 0; i < 10; ++i) {
        expect_error(post({{"bl_pass", "wrong"}, {"action", "FileVersion"}}, "10.2.3.4"),
                     "incorrect_password");
    }
    expect_error(post({{"action", "FileVersion"}}, "10.2.3.4"), "no_password");
}

class ConnectorAllowList : public ConnectorTest {
    void configure(protocol::EndpointSettings& s) override {
        s.allow_ips = {"185.36.168.0/22", "2001:db8::/32", "127.0.0.1"};
    }
};

TEST_F(ConnectorAllowList, ClientOutsideTheListGets403Envelope) {
    auto response = post({{"bl_pass", kPassword}, {"action", "FileVersion"}}, "192.168.1.10");
    expect_error(response, "forbidden", 403);
    expect_error(post({{"bl_pass", kPassword}, {"action", "FileVersion"}}, "2001:db9::1"),
                 "forbidden", 403);
}

TEST_F(ConnectorAllowList, ClientsInsideTheListAreServed) {
    for (const char* client :
         {"185.36.168.1", "185.36.171.254", "2001:db8:1::5", "127.0.0.1", "::ffff:185.36.169.9"}) {
        auto response = post({{"bl_pass", kPassword}, {"action", "FileVersion"}}, client);
        EXPECT_EQ(response.status, 200) << client;
        EXPECT_EQ(parse(response).at("standard"), boost::json::value(4)) << client;
    }
}

TEST_F(ConnectorAllowList, AllowListComesBeforeThePassword) {
    expect_error(post({{"action", "FileVersion"}}, "8.8.8.8"), "forbidden", 403);
}

}  // namespace
}  // namespace connector_test

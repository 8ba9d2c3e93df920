// Run-time settings (table `settings`): the order policy and the connector password's hash,
// all-or-nothing saves and the version other processes watch.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/Store.h"
#include "support/TempDb.h"

using testing_support::TempDb;

namespace {

store::OrderPolicy custom_policy() {
    store::OrderPolicy p;
    p.unknown_products = store::UnknownProducts::Reject;
    p.match_by_codes = false;
    p.default_status = 3;
    p.accept_status = false;
    p.accept_delivery_number = true;
    p.accept_paid = false;
    p.status_map = {{"shipped", 4}, {"12345", 5}, {"anulowane \"x\" ' OR 1=1 --", 6}};
    return p;
}

class SettingsTest : public testing::Test {
  protected:
    store::Settings& settings() { return store_->settings(); }
    void exec(const char* sql) {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(db_.path().c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK)
            << sqlite3_errmsg(db);
        sqlite3_close(db);
    }

    TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
};

}  // namespace

TEST_F(SettingsTest, FreshDatabaseStoresNothing) {
    auto s = settings().load();
    EXPECT_FALSE(s.orders);
    EXPECT_FALSE(s.connector_password_sha256);
    EXPECT_EQ(s.version, 0);
    EXPECT_EQ(settings().version(), 0);
}

TEST_F(SettingsTest, EveryMemberReadsBackAsSaved) {
    store::StoredSettings in;
    in.orders = custom_policy();
    in.connector_password_sha256 = std::string(64, 'c');
    settings().save(in);
    auto out = settings().load();
    ASSERT_TRUE(out.orders);
    EXPECT_EQ(*out.orders, custom_policy());
    EXPECT_EQ(out.connector_password_sha256, std::string(64, 'c'));
    EXPECT_EQ(out.version, 1);
}

TEST_F(SettingsTest, DefaultPolicyIsStoredToo) {
    store::StoredSettings in;
    in.orders = store::OrderPolicy{};
    settings().save(in);
    auto out = settings().load();
    ASSERT_TRUE(out.orders);
    EXPECT_EQ(*out.orders, store::OrderPolicy{});
}

TEST_F(SettingsTest, EverySaveBumpsTheVersionWhateverTheCallerSays) {
    store::StoredSettings in;
    in.version = 42;
    settings().save(in);
    EXPECT_EQ(settings().version(), 1);
    in.orders = custom_policy();
    settings().save(in);
    settings().save(in);
    EXPECT_EQ(settings().version(), 3);
    EXPECT_EQ(settings().load().version, 3);
}

TEST_F(SettingsTest, UnsetMembersAreRemoved) {
    store::StoredSettings in;
    in.orders = custom_policy();
    in.connector_password_sha256 = std::string(64, 'c');
    settings().save(in);
    in.orders.reset();
    settings().save(in);
    auto out = settings().load();
    EXPECT_FALSE(out.orders);
    EXPECT_EQ(out.connector_password_sha256, std::string(64, 'c'));
    in.connector_password_sha256.reset();
    settings().save(in);
    EXPECT_FALSE(settings().load().connector_password_sha256);
    EXPECT_EQ(settings().version(), 3);
}

TEST_F(SettingsTest, AnotherStoreOnTheSameFileSeesTheChange) {
    auto other = db_.open();
    EXPECT_EQ(other->settings().version(), 0);
    store::StoredSettings in;
    in.orders = custom_policy();
    settings().save(in);
    EXPECT_EQ(other->settings().version(), 1);
    EXPECT_EQ(other->settings().load().orders, custom_policy());
}

TEST_F(SettingsTest, DamagedPolicyRowIsAnErrorNotAGuess) {
    if (TempDb::postgres()) GTEST_SKIP() << "SQLite-specific: raw sqlite3 access";
    exec("INSERT INTO settings (key, value) VALUES ('orders.policy', '{\"match_by_codes\": 1')");
    EXPECT_THROW(settings().load(), store::StoreError);
    exec("UPDATE settings SET value = '{\"default_status\": \"x\"}' WHERE key = 'orders.policy'");
    EXPECT_THROW(settings().load(), store::StoreError);
}

TEST_F(SettingsTest, PolicyWrittenWithFewerMembersKeepsDefaultsForTheRest) {
    if (TempDb::postgres()) GTEST_SKIP() << "SQLite-specific: raw sqlite3 access";
    exec(
        "INSERT INTO settings (key, value) VALUES ('orders.policy',"
        " '{\"unknown_products\":\"reject\"}')");
    auto out = settings().load();
    ASSERT_TRUE(out.orders);
    store::OrderPolicy expected;
    expected.unknown_products = store::UnknownProducts::Reject;
    EXPECT_EQ(*out.orders, expected);
}

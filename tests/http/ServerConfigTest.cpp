// blconnect.toml parsing, environment overrides, and the start-up checks of app::Service.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "app/Config.h"
#include "app/Service.h"
#include "store/Store.h"
#include "support/TestServer.h"

namespace {

class ConfigTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = (std::filesystem::temp_directory_path() / "blc-config-XXXXXX").string();
        ASSERT_NE(mkdtemp(dir_.data()), nullptr);
        for (const char* name : kEnv) unsetenv(name);
    }
    void TearDown() override {
        for (const char* name : kEnv) unsetenv(name);
        std::filesystem::remove_all(dir_);
    }
    std::string write(const std::string& text) {
        std::string path = dir_ + "/blconnect.toml";
        std::ofstream(path) << text;
        return path;
    }
    std::string error_of(const std::string& text) {
        try {
            app::load_config(write(text));
        } catch (const std::runtime_error& e) {
            return e.what();
        }
        return "(no error)";
    }

    static constexpr const char* kEnv[] = {"BLCONNECT_PASSWORD", "BLCONNECT_DATABASE",
                                           "BLCONNECT_LISTEN", "BLCONNECT_PORT"};
    std::string dir_;
};

TEST_F(ConfigTest, EveryDocumentedSectionIsRead) {
    auto config = app::load_config(write(R"(
[database]
path = "/srv/shop.db"
use_promo_price = false
busy_timeout_ms = 2000
[server]
listen = "0.0.0.0"
port = 9443
body_limit = 65536
read_timeout_ms = 5000
max_connections = 64
worker_threads = 8
[connector]
path = "/bl"
password = "0123456789abcdef0123"
allow_ips = ["10.0.0.0/8", "192.168.1.7"]
currency = "EUR"
[page_size]
products = 200
stock = 500
[journal]
retention_days = 7
[log]
level = "debug"
)"));
    EXPECT_EQ(config.database, "/srv/shop.db");
    EXPECT_FALSE(config.store.use_promo_price);
    EXPECT_EQ(config.store.busy_timeout_ms, 2000);
    EXPECT_EQ(config.server.listen_address, "0.0.0.0");
    EXPECT_EQ(config.server.port, 9443);
    EXPECT_EQ(config.server.body_limit, 65536u);
    EXPECT_EQ(config.server.read_timeout, std::chrono::milliseconds(5000));
    EXPECT_EQ(config.server.max_connections, 64);
    EXPECT_EQ(config.server.worker_threads, 8);
    EXPECT_EQ(config.connector_path, "/bl");
    EXPECT_EQ(config.endpoint.password, "0123456789abcdef0123");
    EXPECT_EQ(config.endpoint.allow_ips, (std::vector<std::string>{"10.0.0.0/8", "192.168.1.7"}));
    EXPECT_EQ(config.endpoint.connector.currency, "EUR");
    EXPECT_EQ(config.endpoint.connector.page_size_products, 200);
    EXPECT_EQ(config.endpoint.connector.page_size_stock, 500);
    EXPECT_EQ(config.journal_retention_days, 7);
    EXPECT_EQ(config.log_level, "debug");
}

TEST_F(ConfigTest, NoFileMeansDefaults) {
    auto config = app::load_config("");
    EXPECT_EQ(config.connector_path, "/baselinker");
    EXPECT_EQ(config.server.port, 8080);
    EXPECT_EQ(config.endpoint.connector.version, BLCONNECT_VERSION);
}

TEST_F(ConfigTest, UnknownKeyIsRejectedByName) {
    EXPECT_NE(error_of("[server]\nprot = 80\n").find("unknown key [server] prot"),
              std::string::npos);
    EXPECT_NE(error_of("[servre]\nport = 80\n").find("unknown section [servre]"),
              std::string::npos);
}

TEST_F(ConfigTest, BadValueIsRejectedByName) {
    EXPECT_NE(error_of("[server]\nport = \"eighty\"\n").find("[server] port"), std::string::npos);
    EXPECT_NE(error_of("[server]\nport = 70000\n").find("[server] port"), std::string::npos);
    EXPECT_NE(error_of("[connector]\ncurrency = \"zl\"\n").find("[connector] currency"),
              std::string::npos);
    EXPECT_NE(error_of("[connector]\npath = \"baselinker\"\n").find("[connector] path"),
              std::string::npos);
    EXPECT_NE(error_of("[server\n").find("blconnect.toml:1"), std::string::npos);
}

TEST_F(ConfigTest, EnvironmentOverridesTheFile) {
    auto path = write("[connector]\npassword = \"from-the-file-0123456\"\n[server]\nport = 1\n");
    setenv("BLCONNECT_PASSWORD", "from-the-environment-0123", 1);
    setenv("BLCONNECT_DATABASE", "/env/shop.db", 1);
    setenv("BLCONNECT_LISTEN", "::1", 1);
    setenv("BLCONNECT_PORT", "9999", 1);
    auto config = app::load_config(path);
    EXPECT_EQ(config.endpoint.password, "from-the-environment-0123");
    EXPECT_EQ(config.database, "/env/shop.db");
    EXPECT_EQ(config.server.listen_address, "::1");
    EXPECT_EQ(config.server.port, 9999);
}

TEST_F(ConfigTest, BadPortInTheEnvironmentIsRejected) {
    setenv("BLCONNECT_PORT", "http", 1);
    EXPECT_THROW(app::load_config(""), std::runtime_error);
}

TEST_F(ConfigTest, ServiceRefusesAShortPassword) {
    app::Config config;
    config.database = dir_ + "/shop.db";
    store::init_store(config.database, config.store);
    config.endpoint.password = "short-password";  // 14 characters
    try {
        app::Service service(config);
        FAIL() << "service accepted a 14-character password";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("at least 16 characters"), std::string::npos);
    }
}

TEST_F(ConfigTest, ServiceRefusesAMissingDatabase) {
    app::Config config;
    config.database = dir_ + "/missing.db";
    config.endpoint.password = test::TestServer::kPassword;
    EXPECT_THROW(app::Service service(config), std::exception);
}

TEST_F(ConfigTest, ServiceRefusesStatusesTheShopDoesNotHave) {
    app::Config config;
    config.database = dir_ + "/shop.db";
    store::init_store(config.database, config.store);
    config.endpoint.password = test::TestServer::kPassword;
    config.endpoint.connector.orders.default_status = 99;
    try {
        app::Service service(config);
        FAIL() << "service accepted default_status 99";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("default_status 99"), std::string::npos) << e.what();
    }
    config.endpoint.connector.orders.default_status = 1;
    config.endpoint.connector.orders.status_map = {{"15", 6}, {"16", 42}};
    try {
        app::Service service(config);
        FAIL() << "service accepted a status_map target 42";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("\"16\" = 42"), std::string::npos) << e.what();
    }
}

TEST_F(ConfigTest, OrderKeysAreRead) {
    auto config = app::load_config(write(R"(
[page_size]
orders = 250
[orders]
unknown_products = "reject"
match_by_codes = false
default_status = 3
accept_updates = ["delivery_number"]
[orders.status_map]
"12345" = 4
"Anulowane w BL" = 6
)"));
    const auto& orders = config.endpoint.connector.orders;
    EXPECT_EQ(orders.page_size, 250);
    EXPECT_EQ(orders.unknown_products, store::UnknownProducts::Reject);
    EXPECT_FALSE(orders.match_by_codes);
    EXPECT_EQ(orders.default_status, 3);
    EXPECT_FALSE(orders.accept_status);
    EXPECT_TRUE(orders.accept_delivery_number);
    EXPECT_FALSE(orders.accept_paid);
    EXPECT_EQ(orders.status_map,
              (std::map<std::string, store::Id>{{"12345", 4}, {"Anulowane w BL", 6}}));
}

TEST_F(ConfigTest, OrderDefaults) {
    auto config = app::load_config(write("[orders]\naccept_updates = []\n"));
    const auto& orders = config.endpoint.connector.orders;
    EXPECT_EQ(orders.page_size, 100);
    EXPECT_EQ(orders.unknown_products, store::UnknownProducts::Hold);
    EXPECT_TRUE(orders.match_by_codes);
    EXPECT_EQ(orders.default_status, 1);
    EXPECT_FALSE(orders.accept_status || orders.accept_delivery_number || orders.accept_paid);
    EXPECT_TRUE(orders.status_map.empty());
    const auto defaults = app::load_config("").endpoint.connector.orders;
    EXPECT_TRUE(defaults.accept_status && defaults.accept_delivery_number && defaults.accept_paid);
}

// [connector] category_filter: "exact" (the default, as the official PHP files filter) or
// "subtree"; anything else stops the program.
TEST_F(ConfigTest, CategoryFilterIsExactUnlessSubtreeIsAsked) {
    EXPECT_EQ(app::load_config("").endpoint.connector.category_filter,
              store::CategoryMatch::Listed);
    EXPECT_EQ(app::load_config(write("[connector]\ncategory_filter = \"exact\"\n"))
                  .endpoint.connector.category_filter,
              store::CategoryMatch::Listed);
    EXPECT_EQ(app::load_config(write("[connector]\ncategory_filter = \"subtree\"\n"))
                  .endpoint.connector.category_filter,
              store::CategoryMatch::Subtree);
    const auto error = error_of("[connector]\ncategory_filter = \"tree\"\n");
    EXPECT_NE(error.find("[connector] category_filter"), std::string::npos) << error;
}

TEST_F(ConfigTest, BadOrderValuesAreRejectedByName) {
    EXPECT_NE(error_of("[page_size]\norders = 1001\n").find("[page_size] orders"),
              std::string::npos);
    EXPECT_NE(error_of("[page_size]\norders = 0\n").find("[page_size] orders"), std::string::npos);
    EXPECT_NE(error_of("[orders]\nunknown_products = \"drop\"\n").find("[orders] unknown_products"),
              std::string::npos);
    EXPECT_NE(error_of("[orders]\ndefault_status = 0\n").find("[orders] default_status"),
              std::string::npos);
    const auto typo = error_of("[orders]\naccept_updates = [\"status\", \"tracking\"]\n");
    EXPECT_NE(typo.find("[orders] accept_updates"), std::string::npos) << typo;
    EXPECT_NE(typo.find("tracking"), std::string::npos) << typo;
    EXPECT_NE(error_of("[orders.status_map]\n\"7\" = \"six\"\n").find("[orders] status_map"),
              std::string::npos);
    EXPECT_NE(error_of("[orders]\nstatus_map = 5\n").find("[orders] status_map"),
              std::string::npos);
    EXPECT_NE(
        error_of("[orders]\nmatch_by_code = true\n").find("unknown key [orders] match_by_code"),
        std::string::npos);
}

}  // namespace

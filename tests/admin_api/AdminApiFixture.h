#pragma once
// A running service (connector + admin listener) on a fresh database with one admin user, and
// everything the service logs captured so that tests can check no secret reaches the log.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "AdminClient.h"
#include "store/Store.h"
#include "support/TestServer.h"

namespace admin_test {

class AdminApiTest : public ::testing::Test {
  protected:
    static constexpr const char* kUser = "anna";
    static constexpr const char* kUserPassword = "Correct-Horse-Battery-9";

    void SetUp() override;
    void TearDown() override;
    // Override to change the config (admin options...) before the service starts.
    virtual void configure(app::Config&) {}
    virtual std::int64_t demo_products() const { return 0; }

    AdminClient client() const { return AdminClient(server_->admin_port()); }
    // A client signed in as anna (fails the test when it cannot sign in).
    AdminClient signed_in() const;
    // A client using a fresh API token of anna.
    AdminClient with_token();
    std::unique_ptr<store::Store> db() const { return server_->open_second_store(); }
    // Everything logged since SetUp.
    std::string logs() const;

    std::unique_ptr<test::TestServer> server_;
};

std::int64_t unix_now();

}  // namespace admin_test

// `blconnect admin ...` end to end: the real binary on a temporary database. The password goes
// in on stdin, the token comes out on stdout once, and neither is in the file; `list` shows
// users and tokens without a hash; disable-user / enable-user / revoke-token change the store.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "admin/Password.h"
#include "admin/Token.h"
#include "support/TempDb.h"

namespace {

struct Outcome {
    int code = -1;
    std::string out, err;
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class AdminCli : public ::testing::Test {
  protected:
    void SetUp() override { ASSERT_EQ(run("init --db " + db_).code, 0); }

    // Runs blconnect with `stdin_text` on its stdin (from a file: the test stays single-threaded).
    Outcome run(const std::string& args, const std::string& stdin_text = "") {
        std::string in = file("stdin"), out = file("stdout"), err = file("stderr");
        std::ofstream(in, std::ios::binary) << stdin_text;
        std::string command =
            std::string(BLCONNECT_BINARY) + " " + args + " <" + in + " >" + out + " 2>" + err;
        int status = std::system(command.c_str());
        return Outcome{WEXITSTATUS(status), slurp(out), slurp(err)};
    }

    Outcome admin(const std::string& args, const std::string& stdin_text = "") {
        return run("admin " + args + " --db " + db_, stdin_text);
    }

    std::string file(const std::string& name) { return (temp_.dir() / name).string(); }

    std::string database_bytes() { return testing_support::TempDb::file_bytes(db_); }

    testing_support::TempDb temp_;
    std::string db_ = temp_.path();
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST_F(AdminCli, AddUserReadsThePasswordFromStdin) {
    auto added = admin("add-user anna", "correct horse battery\n");
    ASSERT_EQ(added.code, 0) << added.err;
    EXPECT_TRUE(contains(added.out, "admin user anna created")) << added.out;
    EXPECT_FALSE(contains(added.out + added.err, "correct horse battery"));

    auto user = temp_.open()->admins().find_user("anna");
    ASSERT_TRUE(user);
    EXPECT_EQ(user->password_hash.rfind("$argon2id$", 0), 0u);
    EXPECT_TRUE(admin::verify_password("correct horse battery", user->password_hash));
    EXPECT_FALSE(contains(database_bytes(), "correct horse battery"));
}

TEST_F(AdminCli, CrLfLineEndingIsNotPartOfThePassword) {
    ASSERT_EQ(admin("add-user anna", "correct horse battery\r\n").code, 0);
    auto user = temp_.open()->admins().find_user("anna");
    ASSERT_TRUE(user);
    EXPECT_TRUE(admin::verify_password("correct horse battery", user->password_hash));
}

TEST_F(AdminCli, ShortMissingPasswordAndDuplicateUserFail) {
    auto short_password = admin("add-user anna", "too short\n");
    EXPECT_EQ(short_password.code, 1);
    EXPECT_TRUE(contains(short_password.err, "at least 12 characters")) << short_password.err;
    EXPECT_FALSE(contains(short_password.err, "too short"));

    auto no_password = admin("add-user anna", "");
    EXPECT_EQ(no_password.code, 1);
    EXPECT_TRUE(contains(no_password.err, "no password on stdin")) << no_password.err;

    ASSERT_EQ(admin("add-user anna", "correct horse battery\n").code, 0);
    auto duplicate = admin("add-user ANNA", "another good password\n");
    EXPECT_EQ(duplicate.code, 1);
    EXPECT_TRUE(contains(duplicate.err, "admin user 'ANNA' already exists")) << duplicate.err;
}

TEST_F(AdminCli, AddTokenPrintsTheTokenOnceAndStoresItsHash) {
    ASSERT_EQ(admin("add-user anna", "correct horse battery\n").code, 0);
    auto added = admin("add-token anna --name ci");
    ASSERT_EQ(added.code, 0) << added.err;
    ASSERT_EQ(added.out.rfind("blc_", 0), 0u) << added.out;
    ASSERT_EQ(added.out.back(), '\n');
    std::string token = added.out.substr(0, added.out.size() - 1);
    EXPECT_EQ(token.find('\n'), std::string::npos);  // stdout is the token and nothing else
    EXPECT_FALSE(contains(added.err, token));
    EXPECT_TRUE(contains(added.err, "shown only this once")) << added.err;

    EXPECT_FALSE(contains(database_bytes(), token));
    EXPECT_FALSE(contains(database_bytes(), token.substr(4)));
    auto found = temp_.open()->admins().find_token(admin::token_hash(token));
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "ci");

    auto second = admin("add-token anna --name ci");
    ASSERT_EQ(second.code, 0);
    EXPECT_NE(second.out, added.out);
}

TEST_F(AdminCli, AddTokenForUnknownUserFails) {
    auto unknown = admin("add-token bob --name ci");
    EXPECT_EQ(unknown.code, 1);
    EXPECT_TRUE(unknown.out.empty()) << unknown.out;
    EXPECT_TRUE(contains(unknown.err, "unknown admin user 'bob'")) << unknown.err;
}

TEST_F(AdminCli, PasswordIsNotAnOption) {
    auto refused = admin("add-user anna --password 'correct horse battery'");
    EXPECT_NE(refused.code, 0);
    EXPECT_FALSE(temp_.open()->admins().find_user("anna"));
}

TEST_F(AdminCli, MissingDatabaseFails) {
    auto missing = run("admin add-token anna --name ci --db " + file("nope.db"));
    EXPECT_EQ(missing.code, 1);
    EXPECT_TRUE(contains(missing.err, "does not exist")) << missing.err;
}

class AdminCliAccess : public AdminCli {
  protected:
    void SetUp() override {
        AdminCli::SetUp();
        ASSERT_EQ(admin("add-user anna", "correct horse battery\n").code, 0);
    }

    // A new token of anna named `name` (the token itself, without the newline).
    std::string add_token(const std::string& name) {
        auto added = admin("add-token anna --name " + name);
        EXPECT_EQ(added.code, 0) << added.err;
        return added.out.substr(0, added.out.find('\n'));
    }

    bool revoked(const std::string& token) {
        auto found = temp_.open()->admins().find_token(admin::token_hash(token));
        EXPECT_TRUE(found);
        return found && found->revoked;
    }
};

TEST_F(AdminCliAccess, ListShowsUsersAndTokensButNoHash) {
    std::string token = add_token("ci");
    auto store = temp_.open();
    store->admins().touch_token(store->admins().find_token(admin::token_hash(token))->id,
                                1'700'000'000);
    add_token("backup");
    store.reset();
    auto listed = admin("list");
    ASSERT_EQ(listed.code, 0) << listed.err;
    for (const char* part : {"username", "disabled", "last used", "revoked", "anna", "ci", "backup",
                             "2023-11-14 22:13:20 UTC", "never"}) {
        EXPECT_TRUE(contains(listed.out, part)) << part << " in\n" << listed.out;
    }
    EXPECT_FALSE(contains(listed.out, "$argon2id$"));
    EXPECT_FALSE(contains(listed.out, token.substr(4)));
    EXPECT_FALSE(contains(listed.out, admin::token_hash(token)));
}

TEST_F(AdminCliAccess, ListOfAnEmptyDatabaseSaysSo) {
    testing_support::TempDb other;
    ASSERT_EQ(run("init --db " + other.path()).code, 0);
    auto listed = run("admin list --db " + other.path());
    ASSERT_EQ(listed.code, 0) << listed.err;
    EXPECT_TRUE(contains(listed.out, "(none)")) << listed.out;
}

TEST_F(AdminCliAccess, ListTakesAConfigFile) {
    std::ofstream(file("blconnect.toml")) << "[database]\npath = \"" << db_ << "\"\n";
    auto listed = run("admin list --config " + file("blconnect.toml"));
    ASSERT_EQ(listed.code, 0) << listed.err;
    EXPECT_TRUE(contains(listed.out, "anna")) << listed.out;
}

TEST_F(AdminCliAccess, DisableAndEnableUser) {
    auto disabled = admin("disable-user ANNA");
    ASSERT_EQ(disabled.code, 0) << disabled.err;
    EXPECT_TRUE(contains(disabled.out, "disabled")) << disabled.out;
    EXPECT_TRUE(temp_.open()->admins().find_user("anna")->disabled);
    EXPECT_TRUE(contains(admin("add-token anna --name ci").err, "admin user 'anna' is disabled"));

    auto enabled = admin("enable-user anna");
    ASSERT_EQ(enabled.code, 0) << enabled.err;
    EXPECT_TRUE(contains(enabled.out, "enabled")) << enabled.out;
    EXPECT_FALSE(temp_.open()->admins().find_user("anna")->disabled);
}

TEST_F(AdminCliAccess, DisableOrEnableAnUnknownUserFails) {
    for (const char* command : {"disable-user bob", "enable-user bob"}) {
        auto unknown = admin(command);
        EXPECT_EQ(unknown.code, 1) << command;
        EXPECT_TRUE(contains(unknown.err, "unknown admin user 'bob'")) << unknown.err;
    }
    EXPECT_FALSE(temp_.open()->admins().find_user("anna")->disabled);
}

TEST_F(AdminCliAccess, RevokeTokenPrintsHowManyAndLeavesOthers) {
    std::string first = add_token("ci"), second = add_token("ci"), backup = add_token("backup");
    auto revoked_ci = admin("revoke-token anna --name ci");
    ASSERT_EQ(revoked_ci.code, 0) << revoked_ci.err;
    EXPECT_TRUE(contains(revoked_ci.out, "revoked 2 tokens")) << revoked_ci.out;
    EXPECT_TRUE(revoked(first));
    EXPECT_TRUE(revoked(second));
    EXPECT_FALSE(revoked(backup));
    EXPECT_TRUE(contains(admin("list").out, "yes"));
}

TEST_F(AdminCliAccess, RevokeTokenFailsWhenNoneMatched) {
    std::string token = add_token("ci");
    ASSERT_EQ(admin("revoke-token anna --name ci").code, 0);
    auto again = admin("revoke-token anna --name ci");
    EXPECT_EQ(again.code, 1);
    EXPECT_TRUE(contains(again.err, "no unrevoked token named 'ci'")) << again.err;
    auto other_name = admin("revoke-token anna --name backup");
    EXPECT_EQ(other_name.code, 1);
    auto unknown = admin("revoke-token bob --name ci");
    EXPECT_EQ(unknown.code, 1);
    EXPECT_TRUE(contains(unknown.err, "unknown admin user 'bob'")) << unknown.err;
    EXPECT_TRUE(revoked(token));
}

}  // namespace

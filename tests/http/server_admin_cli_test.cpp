// `blconnect admin add-user` / `add-token` end to end: the real binary on a temporary database.
// The password goes in on stdin, the token comes out on stdout once, and neither is in the file.
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

}  // namespace

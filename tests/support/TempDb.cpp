#include "support/TempDb.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>

namespace testing_support {
namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? std::string() : std::string(value);
}

// The admin URL of the server the PostgreSQL variants run against (scripts/test.sh exports it).
std::string admin_url() {
    return env("BLC_TEST_POSTGRES");
}

// Runs one statement without rows on the admin connection. The error names the server and its
// reason (libpq's message), never the URL: it may hold a password.
void admin_exec(const std::string& sql) {
    std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(admin_url().c_str()), &PQfinish);
    if (!conn) throw std::runtime_error("libpq: out of memory");
    if (PQstatus(conn.get()) != CONNECTION_OK) {
        throw std::runtime_error("cannot connect to BLC_TEST_POSTGRES: " +
                                 std::string(PQerrorMessage(conn.get())));
    }
    PQsetNoticeProcessor(
        conn.get(), [](void*, const char*) {}, nullptr);  // "does not exist"
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()), &PQclear);
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
        throw std::runtime_error(sql + ": " + PQerrorMessage(conn.get()));
    }
}

// `url` with its database (the path) replaced by `database`; user, host, port and query stay.
std::string with_database(const std::string& url, const std::string& database) {
    auto scheme = url.find("://");
    if (url.rfind("postgresql://", 0) != 0 && url.rfind("postgres://", 0) != 0) {
        throw std::runtime_error(
            "BLC_TEST_POSTGRES must be a URL: postgresql://user@host:port/database");
    }
    auto authority = scheme + 3;
    auto query = url.find('?', authority);
    auto path = std::min(url.find('/', authority), query);
    return url.substr(0, path) + "/" + database +
           (query == std::string::npos ? std::string() : url.substr(query));
}

// Checks the environment of a PostgreSQL variant once, before its tests run: without the
// server's URL they fail (CI must never pass them unnoticed) or, with BLC_ALLOW_NO_POSTGRES=1,
// skip. A failure ends the process at once: a fatal failure here would make gtest print every
// test as "[  SKIPPED ]", and ctest would count them as skipped, not failed.
class BackendCheck : public testing::Environment {
  public:
    void SetUp() override {
        const std::string backend = env("BLC_TEST_BACKEND");
        if (!backend.empty() && backend != "sqlite" && backend != "postgres") {
            fail("BLC_TEST_BACKEND=" + backend + ": expected sqlite or postgres");
        }
        if (!TempDb::postgres() || !admin_url().empty()) return;
        if (env("BLC_ALLOW_NO_POSTGRES") == "1") {
            // ctest recognises a skipped test by this marker in the output.
            GTEST_SKIP() << "[  SKIPPED ] PostgreSQL variant: BLC_TEST_POSTGRES is unset "
                            "(BLC_ALLOW_NO_POSTGRES=1)";
        }
        fail(
            "BLC_TEST_BACKEND=postgres but BLC_TEST_POSTGRES is unset. Run scripts/test.sh, or "
            "start a server (scripts/pg-cluster.sh start /tmp/pg) and export "
            "BLC_TEST_POSTGRES=$(scripts/pg-cluster.sh env /tmp/pg); BLC_ALLOW_NO_POSTGRES=1 "
            "skips these tests instead.");
    }

  private:
    [[noreturn]] static void fail(const std::string& message) {
        std::cerr << "FAILED: " << message << std::endl;
        std::exit(1);
    }
};

[[maybe_unused]] testing::Environment* const backend_check =
    testing::AddGlobalTestEnvironment(new BackendCheck);

}  // namespace

bool TempDb::postgres() {
    return env("BLC_TEST_BACKEND") == "postgres";
}

TempDb::TempDb() {
    std::string pattern = (std::filesystem::temp_directory_path() / "blc-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    if (!postgres()) {
        location_ = (dir_ / "shop.db").string();
        return;
    }
    static std::atomic<int> counter{0};
    std::string name =
        "blc_t_" + std::to_string(getpid()) + "_" + std::to_string(counter.fetch_add(1) + 1);
    try {
        if (admin_url().empty()) {
            throw std::runtime_error("BLC_TEST_BACKEND=postgres but BLC_TEST_POSTGRES is unset");
        }
        location_ = with_database(admin_url(), name);
        // A database of that name can only be left over by an earlier process with our pid.
        admin_exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        admin_exec("CREATE DATABASE " + name);
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
        throw;
    }
    pg_database_ = name;
}

TempDb::~TempDb() {
    if (!pg_database_.empty()) {
        try {
            admin_exec("DROP DATABASE IF EXISTS " + pg_database_ + " WITH (FORCE)");
        } catch (const std::exception& e) {
            std::cerr << "TempDb: " << e.what() << '\n';
        }
    }
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

store::StoreOptions TempDb::test_options() {
    store::StoreOptions options;
    options.pool_size = 4;
    options.busy_timeout_ms = 5000;
    return options;
}

std::unique_ptr<store::Store> TempDb::init(store::StoreOptions options) const {
    return store::init_store(path(), options);
}

std::unique_ptr<store::Store> TempDb::open(store::StoreOptions options) const {
    return store::open_store(path(), options);
}

std::string TempDb::file_bytes(const std::string& path) {
    std::string bytes;
    for (const char* suffix : {"", "-wal"}) {
        std::ifstream in(path + suffix, std::ios::binary);
        bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return bytes;
}

}  // namespace testing_support

#include "Database.h"

#include <libpq-fe.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string_view>
#include <vector>

#include "Process.h"
#include "store/Store.h"

namespace bench {
namespace {

namespace fs = std::filesystem;

// ---- a SQLite file or a PostgreSQL database (--db postgresql://...) ----

bool is_url(const std::string& db) {
    return db.starts_with("postgresql://") || db.starts_with("postgres://");
}

// The database as it may be printed: a URL without its password.
std::string shown(const std::string& db) {
    return store::redact_location(db);
}

// Only files the benchmark names itself are deleted without asking: --db may point anywhere.
bool is_bench_file(const std::string& path) {
    return fs::path(path).filename().string().starts_with("blc-bench-");
}

// ---- PostgreSQL through libpq ----

using PgConn = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using PgResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

// The database the URL names, as libpq reads it (percent-decoded; "" when it names none, which
// libpq would take as the user's name: never a benchmark database).
std::string database_name(const std::string& url) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
    if (options == nullptr) {
        std::string reason = error ? error : "out of memory";
        PQfreemem(error);
        throw BenchError("--db " + shown(url) + " is not a valid PostgreSQL URL: " + reason);
    }
    std::string name;
    for (auto* o = options; o->keyword != nullptr; ++o) {
        if (std::string_view(o->keyword) == "dbname" && o->val != nullptr) name = o->val;
    }
    PQconninfoFree(options);
    return name;
}

// A connection to the database of `url`, or (non-empty `database`) to another database of the
// same server: keywords after the URL's "dbname" override what the URL says.
PgConn connect(const std::string& url, const std::string& database = "") {
    std::vector<const char*> keys{"connect_timeout", "application_name", "dbname"};
    std::vector<const char*> values{"10", "blc_bench", url.c_str()};
    if (!database.empty()) {
        keys.push_back("dbname");
        values.push_back(database.c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    PgConn conn(PQconnectdbParams(keys.data(), values.data(), 1), &PQfinish);
    if (!conn || PQstatus(conn.get()) != CONNECTION_OK) {
        std::string reason = conn ? PQerrorMessage(conn.get()) : "out of memory";
        while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' '))
            reason.pop_back();
        throw BenchError("cannot connect to " + shown(url) +
                         (database.empty() ? "" : " (database " + database + ")") + ": " +
                         store::scrub_location_secret(reason, url));
    }
    PQsetNoticeProcessor(
        conn.get(), [](void*, const char*) {}, nullptr);
    return conn;
}

// Runs `sql` with text parameters; throws BenchError unless it succeeded.
PgResult query(PGconn* conn, const std::string& sql, const std::vector<std::string>& params = {}) {
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p.c_str());
    PgResult result(PQexecParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0),
                    &PQclear);
    auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        throw BenchError(sql + ": " + PQerrorMessage(conn));
    }
    return result;
}

// The first column of the first row ("" when there is none).
std::string single_value(PGconn* conn, const std::string& sql,
                         const std::vector<std::string>& params = {}) {
    auto result = query(conn, sql, params);
    return PQntuples(result.get()) > 0 ? PQgetvalue(result.get(), 0, 0) : "";
}

bool pg_database_exists(const std::string& url) {
    auto maintenance = connect(url, "postgres");
    return !single_value(maintenance.get(), "SELECT 1 FROM pg_database WHERE datname = $1",
                         {database_name(url)})
                .empty();
}

void drop_pg_database(const std::string& url) {
    std::string name = database_name(url);
    if (name.empty() || name == "postgres") {
        throw BenchError("refusing to drop the database of " + shown(url));
    }
    auto maintenance = connect(url, "postgres");
    std::unique_ptr<char, decltype(&PQfreemem)> quoted(
        PQescapeIdentifier(maintenance.get(), name.c_str(), name.size()), &PQfreemem);
    if (!quoted) throw BenchError("cannot quote the database name " + name);
    // FORCE: a server killed with -9 may leave backends that have not noticed yet.
    query(maintenance.get(),
          "DROP DATABASE IF EXISTS " + std::string(quoted.get()) + " WITH (FORCE)");
}

// ---- blconnect init ----

std::chrono::milliseconds init_limit(std::int64_t products) {
    // Generous: a minute plus 10 ms per product (about 3 h for 1M); it only stops a hang.
    return std::chrono::milliseconds(60'000 + products * 10);
}

double run_init(const std::string& binary, const std::string& path, std::int64_t products) {
    std::cerr << "bench: creating " << shown(path) << " with " << products << " demo products...\n";
    auto start = std::chrono::steady_clock::now();
    pid_t pid =
        spawn({binary, "init", "--db", path, "--demo", "--demo-products", std::to_string(products)},
              {}, "");
    auto status = wait_for(pid, init_limit(products));
    if (!status.exited || status.code != 0) {
        throw BenchError("blconnect init failed (exit " + std::to_string(status.code) +
                         ", signal " + std::to_string(status.signal) + ")");
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bool database_exists(const std::string& db) {
    return is_url(db) ? pg_database_exists(db) : fs::exists(db);
}

// Replaced without asking when they hold another number of products: blc-bench-* files and
// PostgreSQL databases named blc_bench* (the ctest smokes use blc_bench_smoke...).
bool is_bench_database(const std::string& db) {
    return is_url(db) ? database_name(db).starts_with("blc_bench") : is_bench_file(db);
}

}  // namespace

std::int64_t existing_product_count(const std::string& path) {
    try {
        auto store = store::open_store(path, store::StoreOptions{});
        return store->catalog().product_count();
    } catch (const std::exception& e) {
        std::cerr << "bench: cannot use " << shown(path) << ": " << e.what() << "\n";
        return -1;
    }
}

DatabaseSetup ensure_database(const std::string& binary, const std::string& path,
                              std::int64_t products) {
    if (database_exists(path)) {
        auto count = existing_product_count(path);
        if (count == products) {
            std::cerr << "bench: reusing " << shown(path) << " (" << count << " products)\n";
            return {true, 0};
        }
        if (!is_bench_database(path)) {
            throw BenchError(shown(path) +
                             (count < 0 ? " is not a current blconnect database"
                                        : " holds " + std::to_string(count) + " products, not " +
                                              std::to_string(products)) +
                             (is_url(path)
                                  ? "; drop it or choose another --db (only databases named "
                                    "blc_bench* are replaced automatically)"
                                  : "; remove it or choose another --db (only blc-bench-* files "
                                    "are replaced automatically)"));
        }
        std::cerr << "bench: replacing " << shown(path) << " (" << count << " products)\n";
        remove_database(path);
    }
    return {false, run_init(binary, path, products)};
}

std::int64_t database_bytes(const std::string& path) {
    if (is_url(path)) {
        auto conn = connect(path);
        return std::stoll(single_value(conn.get(), "SELECT pg_database_size(current_database())"));
    }
    std::int64_t total = 0;
    for (const auto* suffix : {"", "-wal"}) {
        std::error_code ec;
        auto size = fs::file_size(path + suffix, ec);
        if (!ec) total += static_cast<std::int64_t>(size);
    }
    return total;
}

void remove_database(const std::string& path) {
    if (is_url(path)) {
        drop_pg_database(path);
        return;
    }
    for (const auto* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::error_code ec;
        fs::remove(path + suffix, ec);
    }
}

// Declared in main.cpp (the report's server line): "" for a SQLite file, else the PostgreSQL
// server's version and the settings that decide what a commit costs.
std::string postgres_description(const std::string& db) {
    if (!is_url(db)) return "";
    auto conn = connect(db);
    auto setting = [&](const char* name) {
        return std::string(name) + "=" +
               single_value(conn.get(), "SELECT current_setting($1)", {name});
    };
    return "PostgreSQL " +
           single_value(conn.get(),
                        "SELECT split_part(current_setting('server_version'), ' ', 1)") +
           " (" + setting("fsync") + ", " + setting("synchronous_commit") + ", " +
           setting("full_page_writes") + ")";
}

}  // namespace bench

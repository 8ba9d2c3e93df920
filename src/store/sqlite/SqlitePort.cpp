#include "store/sqlite/SqlitePort.h"

#include <charconv>
#include <chrono>
#include <filesystem>
#include <optional>
#include <thread>

#include "store/engine/CursorOver.h"
#include "store/sqlite/Migrations.h"

namespace store::sqlite {
namespace {

struct SqliteDialect final : engine::Dialect {
    std::string ids(std::span<const Id> ids) const override {
        std::string out = "[";
        for (Id id : ids) {
            if (out.size() > 1) out += ',';
            out += std::to_string(id);
        }
        return out + "]";
    }
    std::string in_ids(int n) const override {
        return " IN (SELECT value FROM json_each(?" + std::to_string(n) + "))";
    }
    const char* lock_rows() const override { return ""; }
    std::string contains_folded(std::string_view haystack, int n) const override {
        return "blc_contains_folded(" + std::string(haystack) + ", ?" + std::to_string(n) + ")";
    }
    std::string contains(std::string_view haystack, int n) const override {
        return "instr(" + std::string(haystack) + ", ?" + std::to_string(n) + ") > 0";
    }
    std::string name_contains_indexed(std::string_view product, int n) const override {
        return std::string(product) + ".id IN (" + name_ids(n) + ")";
    }
    // The text becomes one FTS5 phrase: in double quotes, its own quotes doubled, so that no
    // user text is ever read as query syntax (OR, NEAR, *, ^, -, column filters...).
    std::string name_ids(int n) const override {
        return "SELECT rowid AS id FROM products_name_fts WHERE products_name_fts MATCH"
               " '\"' || replace(?" +
               std::to_string(n) + ", '\"', '\"\"') || '\"'";
    }
    const char* by_code_point() const override { return ""; }  // BINARY is the default
    const char* newline() const override { return "char(10)"; }
    // Grouped on the (action, id) index, a day of entries would make SQLite scan the table.
    const char* journal_group_by_action() const override { return "+action"; }
    // The column's COLLATE NOCASE (its UNIQUE index too) compares and orders usernames.
    const char* username_is() const override { return "username = ?1"; }
    const char* users_order() const override { return "username, id"; }
    const char* tokens_order() const override { return "u.username, t.name, t.id"; }
    const char* upsert_inserted() const override { return "NULL"; }
};

const SqliteDialect kDialect;

// Creates/migrates (Init) or checks (Open) the file before the pool opens connections to it.
const std::string& prepare_file(const std::string& path, const StoreOptions& options,
                                OpenMode mode) {
    if (mode == OpenMode::Open) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec))
            throw StoreError("database " + path + " does not exist; run `blconnect init --db " +
                             path + "`");
        Connection conn(path, SQLITE_OPEN_READWRITE, options.busy_timeout_ms);
        require_current(conn, path);
        return path;
    }
    Connection conn(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, options.busy_timeout_ms);
    apply_pending(conn);
    return path;
}

}  // namespace

engine::Statement Session::prepare(std::string_view sql) {
    if (faults_) faults_->before_statement(sql, *this);
    return engine::prepare_over<Statement>(*conn_, sql);
}

void Session::commit() {
    if (faults_) faults_->before_commit(*this);
    conn_->exec("COMMIT");
}

void Session::begin(engine::TxKind kind) {
    conn_->exec(kind == engine::TxKind::Write ? "BEGIN IMMEDIATE" : "BEGIN");
}

void Session::rollback() noexcept {
    try {
        conn_->exec("ROLLBACK");
    } catch (const StoreError&) {
        // SQLite may have rolled the transaction back itself (e.g. after SQLITE_FULL).
    }
}

SqlitePort::SqlitePort(const std::string& path, const StoreOptions& options, OpenMode mode)
    : pool_(prepare_file(path, options, mode), options.pool_size, options.busy_timeout_ms),
      grouped_(pool_, write_mutex_, *this) {}

const engine::Dialect& SqlitePort::dialect() const {
    return kDialect;
}

std::unique_ptr<engine::Connection> SqlitePort::acquire() {
    return std::make_unique<Session>(pool_.acquire(), faults());
}

// A bulk write touches most index pages; with the default 2 MB page cache SQLite would spill
// dirty pages to the WAL and read them back over and over (measured: 3x slower).
class CacheSizeScope {
  public:
    CacheSizeScope(Connection& conn, std::int64_t size) : conn_(conn) {
        conn_.exec(("PRAGMA cache_size = " + std::to_string(size)).c_str());
    }
    ~CacheSizeScope() {
        try {
            conn_.exec("PRAGMA cache_size = -2000");
        } catch (const StoreError&) {
            // Only a memory hint; the connection stays usable with the larger cache.
        }
    }

  private:
    Connection& conn_;
};

void SqlitePort::write(engine::WriteKind kind,
                       const std::function<bool(engine::Connection&)>& work) {
    if (kind == engine::WriteKind::Grouped) return grouped_.run(work);
    std::unique_lock lock(write_mutex_, std::defer_lock);
    if (kind == engine::WriteKind::Single) lock.lock();
    auto lease = pool_.acquire();
    std::optional<CacheSizeScope> cache;
    if (kind == engine::WriteKind::Bulk) cache.emplace(*lease, -262144);
    Session session(*lease, faults());
    engine::Transaction tx(session, engine::TxKind::Write);
    if (work(session)) tx.commit();
}

// Waiters retry every millisecond (Connection's busy handler; the in-process ones queue on the
// WAL lock the same way): a pause of a few of those lets the first of them in.
void SqlitePort::let_others_write() {
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
}

namespace {

// "blc_rows_<first>_<one letter a column type>": the table of one parameter slot and shape.
std::string rows_table(const std::vector<engine::ColumnType>& types, int first) {
    std::string name = "blc_rows_" + std::to_string(first) + "_";
    for (engine::ColumnType t : types) name += "itrb"[static_cast<int>(t)];
    return name;
}

}  // namespace

std::string SqlitePort::rows_relation(engine::Connection& conn,
                                      const std::vector<engine::ColumnType>& types, int first,
                                      std::string_view alias) {
    const std::string table = rows_table(types, first);
    std::string columns = "n INTEGER PRIMARY KEY";
    std::string select = "n";
    for (std::size_t i = 0; i < types.size(); ++i) {
        columns += ", c" + std::to_string(i);  // no type: values keep the type they are bound as
        select += ", c" + std::to_string(i);
    }
    // Created in the write transaction (and gone with it when it rolls back): IF NOT EXISTS.
    conn.exec(("CREATE TEMP TABLE IF NOT EXISTS " + table + " (" + columns + ")").c_str());
    // ?first carries the row count, so that the statement takes the parameter it is given.
    return "(SELECT " + select + " FROM temp." + table + " WHERE ?" + std::to_string(first) +
           " IS NOT NULL) AS " + std::string(alias);
}

void SqlitePort::bind_rows(engine::Connection& conn, engine::Statement& st, int first,
                           const engine::Rows& rows) {
    const auto& types = rows.types();
    const std::string table = rows_table(types, first);
    Connection& raw = dynamic_cast<Session&>(conn).raw();
    raw.exec(("DELETE FROM temp." + table).c_str());
    std::string insert = "INSERT INTO temp." + table + " VALUES (?1";
    for (std::size_t i = 0; i < types.size(); ++i) insert += ", ?" + std::to_string(i + 2);
    insert += ")";
    const auto& cells = rows.cells();
    const std::size_t width = types.size();
    for (std::size_t row = 0; row * width < cells.size(); ++row) {
        auto ins = raw.prepare(insert);
        ins.bind(1, static_cast<std::int64_t>(row));
        for (std::size_t col = 0; col < width; ++col) {
            const auto& cell = cells[row * width + col];
            const int p = static_cast<int>(col) + 2;
            if (!cell) {
                ins.bind_null(p);
                continue;
            }
            const char* begin = cell->data();
            const char* end = begin + cell->size();
            switch (types[col]) {
                case engine::ColumnType::Text:
                    ins.bind(p, std::string_view(*cell));
                    break;
                case engine::ColumnType::Real: {
                    double d = 0;
                    std::from_chars(begin, end, d);
                    ins.bind(p, d);
                    break;
                }
                case engine::ColumnType::Integer:
                case engine::ColumnType::Boolean: {
                    std::int64_t n = 0;
                    std::from_chars(begin, end, n);
                    ins.bind(p, n);
                    break;
                }
            }
        }
        ins.run();
    }
    st.bind(first, static_cast<std::int64_t>(rows.size()));
}

int SqlitePort::schema_version() {
    auto conn = pool_.acquire();
    return applied_version(*conn);
}

int SqlitePort::latest_schema_version() const {
    return latest_version();
}

}  // namespace store::sqlite

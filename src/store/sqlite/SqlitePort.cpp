#include "store/sqlite/SqlitePort.h"

#include <filesystem>

#include "store/sqlite/Migrations.h"

namespace store::sqlite {
namespace {

class Cursor final : public engine::Cursor {
  public:
    Cursor(Connection& conn, std::string_view sql) : st_(conn.prepare(sql)) {}
    void bind_int(int i, std::int64_t value) override { st_.bind(i, value); }
    void bind_real(int i, double value) override { st_.bind(i, value); }
    void bind_bool(int i, bool value) override { st_.bind(i, value); }
    void bind_text(int i, std::string_view text) override { st_.bind(i, text); }
    void bind_null(int i) override { st_.bind_null(i); }
    bool step() override { return st_.step(); }
    std::int64_t affected() const override { return st_.affected(); }
    std::int64_t integer(int col) const override { return st_.integer(col); }
    double real(int col) const override { return st_.real(col); }
    bool is_null(int col) const override { return st_.is_null(col); }
    std::string_view text_view(int col) const override { return st_.text_view(col); }
    std::string sql() const override { return st_.sql(); }

  private:
    Statement st_;
};

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
    const char* by_code_point() const override { return ""; }  // BINARY is the default
    const char* newline() const override { return "char(10)"; }
    // Grouped on the (action, id) index, a day of entries would make SQLite scan the table.
    const char* journal_group_by_action() const override { return "+action"; }
    // The column's COLLATE NOCASE (its UNIQUE index too) compares and orders usernames.
    const char* username_is() const override { return "username = ?1"; }
    const char* users_order() const override { return "username, id"; }
    const char* tokens_order() const override { return "u.username, t.name, t.id"; }
};

const SqliteDialect kDialect;

// A JSON string: quotes, backslashes and control characters escaped; other bytes as they are
// (json_each gives them back unchanged).
void append_json_string(std::string& out, std::string_view text) {
    static const char* kHex = "0123456789abcdef";
    out += '"';
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        } else {
            out += ch;
        }
    }
    out += '"';
}

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
    return engine::Statement(std::make_unique<Cursor>(*conn_, sql));
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
      grouped_(pool_, write_mutex_) {}

const engine::Dialect& SqlitePort::dialect() const {
    return kDialect;
}

std::unique_ptr<engine::Connection> SqlitePort::acquire() {
    return std::make_unique<Session>(pool_.acquire());
}

void SqlitePort::write(engine::WriteKind kind,
                       const std::function<bool(engine::Connection&)>& work) {
    if (kind == engine::WriteKind::Grouped) return grouped_.run(work);
    std::lock_guard lock(write_mutex_);
    Session session(pool_.acquire());
    engine::Transaction tx(session, engine::TxKind::Write);
    if (work(session)) tx.commit();
}

std::string SqlitePort::rows_relation(const std::vector<engine::ColumnType>& types, int first,
                                      std::string_view alias) const {
    std::string sql = "(SELECT key AS n";
    for (std::size_t i = 0; i < types.size(); ++i)
        sql += ", value ->> " + std::to_string(i) + " AS c" + std::to_string(i);
    return sql + " FROM json_each(?" + std::to_string(first) + ")) AS " + std::string(alias);
}

void SqlitePort::bind_rows(engine::Statement& st, int first, const engine::Rows& rows) const {
    const auto& cells = rows.cells();
    const std::size_t width = rows.types().size();
    std::string json = "[";
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const std::size_t col = i % width;
        json += col == 0 ? (i == 0 ? "[" : ",[") : ",";
        if (!cells[i])
            json += "null";
        else if (rows.types()[col] == engine::ColumnType::Integer)
            json += *cells[i];
        else
            append_json_string(json, *cells[i]);
        if (col + 1 == width) json += ']';
    }
    st.bind(first, json + "]");
}

int SqlitePort::schema_version() {
    auto conn = pool_.acquire();
    return applied_version(*conn);
}

int SqlitePort::latest_schema_version() const {
    return latest_version();
}

ImportSummary SqlitePort::import(const ImportBatch& batch, ImportProgress progress,
                                 void* progress_user) {
    return import_catalog(pool_, batch, progress, progress_user);
}

Id SqlitePort::save_product(std::optional<Id> id, const ImportProduct& product) {
    return sqlite::save_product(pool_, id, product);
}

}  // namespace store::sqlite

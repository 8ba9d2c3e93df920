#include "store/postgres/Connection.h"

#include <libpq-fe.h>
#include <poll.h>

#include <array>
#include <charconv>
#include <cstring>

#include "store/postgres/Placeholders.h"
#include "store/postgres/Uri.h"

namespace store::postgres {
namespace {

// libpq prints server notices ("relation already exists, skipping") to stderr by default.
void ignore_notice(void*, const char*) {}

std::string trimmed(const char* message) {
    std::string out = message ? message : "";
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

const char* field(pg_result* result, int code) {
    const char* value = result ? PQresultErrorField(result, code) : nullptr;
    return value ? value : "";
}

}  // namespace

// Takes ownership of `result` (clears it): callers cannot after a [[noreturn]] call.
void throw_result_error(pg_result* result, pg_conn* conn, std::string_view what) {
    std::string sqlstate = field(result, PG_DIAG_SQLSTATE);
    std::string constraint = field(result, PG_DIAG_CONSTRAINT_NAME);
    std::string server = trimmed(result ? PQresultErrorMessage(result) : nullptr);
    if (server.empty() && conn) server = trimmed(PQerrorMessage(conn));
    if (server.empty() && result) server = PQresStatus(PQresultStatus(result));
    PQclear(result);
    std::string message = "postgres: " + std::string(what) + ": " + server;
    if (sqlstate.rfind("23", 0) == 0)
        throw ConstraintError(message, std::move(sqlstate), std::move(constraint));
    if (sqlstate == "40001" || sqlstate == "40P01") throw RetryableError(message);
    throw StoreError(message);
}

// ---- Statement ----

Statement::Statement(Connection& conn, std::string name) : conn_(&conn), name_(std::move(name)) {}

Statement::Statement(Statement&& other) noexcept
    : conn_(other.conn_),
      name_(std::move(other.name_)),
      params_(std::move(other.params_)),
      result_(other.result_),
      row_(other.row_),
      executed_(other.executed_) {
    other.result_ = nullptr;
}

Statement::~Statement() {
    PQclear(result_);
}

namespace {

template <class T>
std::string number_text(T value) {
    std::array<char, 32> buf;
    auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value);
    return std::string(buf.data(), end);
}

}  // namespace

Statement& Statement::bind(int i, std::int64_t value) {
    if (static_cast<std::size_t>(i) > params_.size()) params_.resize(i);
    params_[i - 1] = number_text(value);
    return *this;
}

Statement& Statement::bind(int i, bool value) {
    return bind(i, std::string_view(value ? "true" : "false"));
}

Statement& Statement::bind(int i, double value) {
    if (static_cast<std::size_t>(i) > params_.size()) params_.resize(i);
    params_[i - 1] = number_text(value);  // shortest text that reads back as the same double
    return *this;
}

Statement& Statement::bind(int i, std::string_view text) {
    // Text parameters travel NUL-terminated: an embedded NUL would cut the value silently.
    if (text.find('\0') != std::string_view::npos)
        throw StoreError("postgres: parameter $" + std::to_string(i) + " contains a NUL byte");
    if (static_cast<std::size_t>(i) > params_.size()) params_.resize(i);
    params_[i - 1] = std::string(text);
    return *this;
}

Statement& Statement::bind_null(int i) {
    if (static_cast<std::size_t>(i) > params_.size()) params_.resize(i);
    params_[i - 1].reset();
    return *this;
}

Statement& Statement::bind_or_null(int i, std::string_view text) {
    return text.empty() ? bind_null(i) : bind(i, text);
}

Statement& Statement::bind(int i, std::optional<std::int64_t> value) {
    return value ? bind(i, *value) : bind_null(i);
}

void Statement::execute() {
    std::vector<const char*> values;
    values.reserve(params_.size());
    for (const auto& p : params_) values.push_back(p ? p->c_str() : nullptr);
    executed_ = true;
    row_ = -1;
    PQclear(result_);
    result_ = PQexecPrepared(conn_->conn_, name_.c_str(), static_cast<int>(values.size()),
                             values.data(), nullptr, nullptr, 0);
    ExecStatusType status = result_ ? PQresultStatus(result_) : PGRES_FATAL_ERROR;
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) return;
    pg_result* failed = result_;
    result_ = nullptr;
    throw_result_error(failed, conn_->conn_, conn_->sql_of(name_));
}

bool Statement::step() {
    if (!executed_) execute();
    if (row_ < PQntuples(result_)) ++row_;
    return row_ < PQntuples(result_);
}

void Statement::run() {
    if (!executed_) execute();
}

std::string Statement::sql() const {
    return conn_->sql_of(name_);
}

void Statement::step_row() {
    if (!step()) throw StoreError("postgres: no row from " + conn_->sql_of(name_));
}

std::int64_t Statement::affected() const {
    const char* tuples = result_ ? PQcmdTuples(result_) : "";
    std::int64_t n = 0;
    std::from_chars(tuples, tuples + std::strlen(tuples), n);
    return n;
}

std::int64_t Statement::integer(int col) const {
    std::string_view v = text_view(col);
    if (v.empty()) return 0;
    if (v == "t") return 1;  // a boolean column read as a number
    if (v == "f") return 0;
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size())
        throw StoreError("postgres: column " + std::to_string(col) +
                         " is not an integer: " + std::string(v));
    return n;
}

double Statement::real(int col) const {
    std::string_view v = text_view(col);
    if (v.empty()) return 0;
    double d = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    if (ec != std::errc() || end != v.data() + v.size())
        throw StoreError("postgres: column " + std::to_string(col) +
                         " is not a number: " + std::string(v));
    return d;
}

bool Statement::boolean(int col) const {
    std::string_view v = text_view(col);
    if (v == "t" || v == "true") return true;
    if (v.empty() || v == "f" || v == "false") return false;
    return integer(col) != 0;  // a SMALLINT flag
}

bool Statement::is_null(int col) const {
    return PQgetisnull(result_, row_, col) != 0;
}

std::string Statement::text(int col) const {
    return std::string(text_view(col));
}

std::string_view Statement::text_view(int col) const {
    if (!result_ || row_ < 0 || row_ >= PQntuples(result_) || col >= PQnfields(result_))
        throw StoreError("postgres: no column " + std::to_string(col) + " in the current row");
    if (PQgetisnull(result_, row_, col)) return {};
    return std::string_view(PQgetvalue(result_, row_, col),
                            static_cast<std::size_t>(PQgetlength(result_, row_, col)));
}

// ---- Connection ----

Connection::Connection(const std::string& uri, const std::string& database) {
    // Keywords before "dbname" are defaults the URI may override; those after it win over the
    // URI: the program's text is UTF-8 whatever the server's or the client's locale says.
    std::vector<const char*> keys{"connect_timeout", "application_name", "dbname"};
    std::vector<const char*> values{"10", "blconnect", uri.c_str()};
    keys.push_back("client_encoding");
    values.push_back("UTF8");
    if (!database.empty()) {
        keys.push_back("dbname");
        values.push_back(database.c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    conn_ = PQconnectdbParams(keys.data(), values.data(), 1);
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
        std::string reason = conn_ ? trimmed(PQerrorMessage(conn_)) : "out of memory";
        PQfinish(conn_);
        conn_ = nullptr;
        throw StoreError("postgres: cannot connect to " + redact_uri(uri) + ": " +
                         scrub_password(reason, uri));
    }
    PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
}

Connection::~Connection() {
    PQfinish(conn_);
}

void Connection::exec(const char* sql) {
    pg_result* result = PQexec(conn_, sql);
    ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        PQclear(result);
        return;
    }
    std::string_view what(sql);
    throw_result_error(result, conn_, what.substr(0, std::min<std::size_t>(what.size(), 200)));
}

Statement Connection::prepare(std::string_view sql) {
    auto it = prepared_.find(std::string(sql));
    if (it == prepared_.end()) {
        std::string name = "blc_" + std::to_string(prepared_.size() + 1);
        std::string text(sql);
        // Keyed by the text as written (the rewrite runs once per connection and statement).
        std::string pg_text = pg_placeholders(text);
        pg_result* result = PQprepare(conn_, name.c_str(), pg_text.c_str(), 0, nullptr);
        if (!result || PQresultStatus(result) != PGRES_COMMAND_OK)
            throw_result_error(result, conn_, "prepare " + text);
        PQclear(result);
        it = prepared_.emplace(std::move(text), std::move(name)).first;
    }
    return Statement(*this, it->second);
}

std::string Connection::sql_of(const std::string& name) const {
    for (const auto& [sql, n] : prepared_)
        if (n == name) return sql;
    return name;
}

bool Connection::healthy() const {
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) return false;
    // An idle connection has nothing to read (this program never LISTENs) unless the server
    // said goodbye: a restart sends "terminating connection" and closes the socket. libpq would
    // notice only on the next query, which would then fail; a readable socket says it now.
    pollfd fd{PQsocket(conn_), POLLIN, 0};
    if (fd.fd < 0) return false;
    return ::poll(&fd, 1, 0) == 0;
}

bool Connection::idle() const {
    return conn_ && PQtransactionStatus(conn_) == PQTRANS_IDLE;
}

std::string Connection::quote_identifier(std::string_view name) {
    char* quoted = PQescapeIdentifier(conn_, name.data(), name.size());
    if (!quoted)
        throw StoreError("postgres: cannot quote identifier: " + trimmed(PQerrorMessage(conn_)));
    std::string out = quoted;
    PQfreemem(quoted);
    return out;
}

// ---- Transaction ----

Transaction::Transaction(Connection& conn, TxKind kind) : conn_(conn) {
    conn_.exec(kind == TxKind::Write ? "BEGIN ISOLATION LEVEL READ COMMITTED"
                                     : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

Transaction::~Transaction() {
    if (!open_) return;
    try {
        conn_.exec("ROLLBACK");
    } catch (const StoreError&) {
        // The connection is gone; the pool drops it when it comes back.
    }
}

void Transaction::commit() {
    open_ = false;
    pg_result* result = PQexec(conn_.handle(), "COMMIT");
    ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK) throw_result_error(result, conn_.handle(), "COMMIT");
    // COMMIT of a transaction that an earlier error aborted "succeeds" as a ROLLBACK.
    bool rolled_back = std::strcmp(PQcmdStatus(result), "ROLLBACK") == 0;
    PQclear(result);
    if (rolled_back)
        throw StoreError("postgres: COMMIT: the transaction was rolled back by an earlier error");
}

}  // namespace store::postgres

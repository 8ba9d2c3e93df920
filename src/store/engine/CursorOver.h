#pragma once
// engine::Cursor over a backend's own statement class (sqlite::Statement, postgres::Statement),
// which both spell the same API: bind(i, value), bind_null, step, affected, integer, real,
// is_null, text_view, sql. Backends use it to hand their statements to the engine.
#include <memory>
#include <string_view>

#include "store/engine/Port.h"

namespace store::engine {

template <class Conn, class Stmt>
class CursorOver final : public Cursor {
  public:
    CursorOver(Conn& conn, std::string_view sql) : st_(conn.prepare(sql)) {}
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
    Stmt st_;
};

// The engine's statement for `sql` on a backend connection.
template <class Stmt, class Conn>
Statement prepare_over(Conn& conn, std::string_view sql) {
    return Statement(std::make_unique<CursorOver<Conn, Stmt>>(conn, sql));
}

}  // namespace store::engine

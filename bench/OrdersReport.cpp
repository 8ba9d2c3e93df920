// The Markdown report of blc_bench --orders (pasted into docs/performance.md, "Orders").
#include <cstdio>

#include "Orders.h"

namespace bench {
namespace {

void print_header(std::ostream& out, const OrdersResults& r) {
    const Machine& m = r.machine;
    out << "#### blc_bench --orders, " << r.orders_at_get << " orders (" << m.date_utc << ")\n\n";
    print_machine_line(out, m);
    out << "* Server: blconnect " << r.server_version << " (" << r.build_type << "), " << r.store
        << ", loopback, one keep-alive connection per client\n";
    out << "* Database: " << r.db_path << ", " << r.products << " products, "
        << fixed(static_cast<double>(r.db_bytes) / 1e6, 1) << " MB after the run\n";
    out << "* Fill: " << r.fill.before << " orders already there, " << r.fill.added
        << " added through the store API (one durable transaction per order, no stock)";
    if (r.fill.added > 0) {
        out << " in " << fixed(r.fill.seconds, 1) << " s ("
            << fixed(static_cast<double>(r.fill.added) / r.fill.seconds, 0) << " orders/s)";
    }
    out << "\n\n";
}

void print_scenarios(std::ostream& out, const OrdersResults& r) {
    print_scenario_table_header(out);
    print_scenario_row(out, "OrderAdd, 1-5 lines, change_products_quantity=1, sequential",
                       r.add_sequential);
    print_scenario_row(out, "OrderAdd, the same, " + std::to_string(r.clients) + " clients",
                       r.add_concurrent);
    for (const auto& [label, s] : r.gets) print_scenario_row(out, label, s);
    out << "\n";
}

void print_server(std::ostream& out, const OrdersResults& r) {
    out << "| server process | value |\n|---|---:|\n";
    print_peak_rss_row(out, r.memory);
    print_exit_row(out, r.exit);
    if (r.crash_run) {
        out << "| kill -9 right after the last acknowledged OrderAdd | "
            << r.crash.present_after_restart << " of " << r.crash.acknowledged
            << " acknowledged orders in the database afterwards |\n";
        out << "| stock audit after the kill -9 | " << r.crash.audit_differences
            << " difference(s) |\n";
    }
    out << "\n";
}

void print_scale_out(std::ostream& out, const OrdersResults& r) {
    if (r.scale_out.empty()) return;
    const std::string n = std::to_string(r.servers);
    out << "| " << r.scale_clients << " clients (req/s · p50 ms · p99 ms) | 1 server | " << n
        << " servers on the same database |\n|---|---:|---:|\n";
    auto cell = [](const Summary& s) {
        return fixed(s.per_second, 0) + " · " + fixed(s.p50_ms, 2) + " · " + fixed(s.p99_ms, 2);
    };
    for (const auto& row : r.scale_out)
        out << "| " << row.label << " | " << cell(row.one) << " | " << cell(row.many) << " |\n";
    out << "\n";
}

void target_row(std::ostream& out, const std::string& what, const std::string& goal,
                double measured, bool met, const std::string& unit) {
    out << "| " << what << " | " << goal << " | " << fixed(measured, unit == "ms" ? 2 : 0) << ' '
        << unit << " | " << (met ? "met" : "**MISSED**") << " |\n";
}

void print_targets(std::ostream& out, const OrdersResults& r) {
    out << "| target (issue 3, 2 cores) | goal | measured | verdict |\n|---|---|---:|---|\n";
    target_row(out, "OrderAdd sequential", "≥ 500/s", r.add_sequential.per_second,
               r.add_sequential.per_second >= 500, "/s");
    target_row(out, "OrderAdd, " + std::to_string(r.clients) + " clients", "≥ 2000/s",
               r.add_concurrent.per_second, r.add_concurrent.per_second >= 2000, "/s");
    // Both ways of reading a page of 100: what a poller asks (id_from) and a deep page number.
    for (const auto& [label, s] : r.gets) {
        if (label.find("id_from") != std::string::npos) {
            target_row(out, "OrdersGet page of 100 p50, id_from", "< 20 ms", s.p50_ms,
                       s.p50_ms < 20, "ms");
        } else if (label.find("random page") != std::string::npos) {
            target_row(out, "OrdersGet page of 100 p50, page=N", "< 20 ms", s.p50_ms, s.p50_ms < 20,
                       "ms");
        }
    }
    if (r.crash_run) {
        out << "| acknowledged orders after kill -9 | all | " << r.crash.present_after_restart
            << " of " << r.crash.acknowledged << " | "
            << (r.crash.present_after_restart == r.crash.acknowledged ? "met" : "**MISSED**")
            << " |\n";
        out << "| stock audit after kill -9 | clean | " << r.crash.audit_differences
            << " difference(s) | " << (r.crash.audit_differences == 0 ? "met" : "**MISSED**")
            << " |\n";
    }
    out << "\n";
}

}  // namespace

void print_orders_report(std::ostream& out, const OrdersResults& r) {
    print_header(out, r);
    print_scenarios(out, r);
    print_server(out, r);
    print_scale_out(out, r);
    print_targets(out, r);
}

}  // namespace bench

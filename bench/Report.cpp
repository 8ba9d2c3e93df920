#include "Report.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>

namespace bench {
std::string fixed(double value, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

void print_machine_line(std::ostream& out, const Machine& m) {
    out << "* Machine: " << m.cpu_model << ", " << m.cpus << " CPUs, " << fixed(m.memory_gib, 1)
        << " GiB RAM, Linux " << m.kernel << ", load average " << fixed(m.load_average, 2)
        << " at the start"
        << (m.load_average > 0.5 * m.cpus ? " (busy machine: figures skewed)" : "") << "\n";
}

void print_scenario_table_header(std::ostream& out) {
    out << "| scenario | requests | req/s | p50 ms | p99 ms | max ms | avg body KiB |\n";
    out << "|---|---:|---:|---:|---:|---:|---:|\n";
}

void print_scenario_row(std::ostream& out, const std::string& label, const Summary& s) {
    out << "| " << label << " | " << s.requests << " | " << fixed(s.per_second, 0) << " | "
        << fixed(s.p50_ms, 2) << " | " << fixed(s.p99_ms, 2) << " | " << fixed(s.max_ms, 2) << " | "
        << fixed(s.avg_kib, 1) << " |\n";
}

void print_peak_rss_row(std::ostream& out, const MemoryUse& memory) {
    out << "| peak RSS (VmHWM) | " << fixed(static_cast<double>(memory.peak_kib) / 1024, 1)
        << " MiB |\n";
}

void print_exit_row(std::ostream& out, const ExitStatus& exit) {
    out << "| SIGTERM → exit | "
        << (exit.exited ? "status " + std::to_string(exit.code)
                        : "signal " + std::to_string(exit.signal))
        << " after " << fixed(exit.seconds, 2) << " s |\n";
}

namespace {

// Value of the first "key : value" line of a /proc file.
std::string proc_field(const std::string& file, const std::string& key) {
    std::ifstream in(file);
    std::string line;
    for (int n = 0; n < 10'000 && std::getline(in, line); ++n) {
        if (!line.starts_with(key)) continue;
        auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        auto start = line.find_first_not_of(" \t", colon + 1);
        return start == std::string::npos ? "" : line.substr(start);
    }
    return "unknown";
}

std::string utc_now() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    return buf;
}

const Summary* find_scenario(const Results& r, const std::string& prefix) {
    for (const auto& [label, s] : r.scenarios) {
        if (label.starts_with(prefix)) return &s;
    }
    return nullptr;
}

void target_row(std::ostream& out, const std::string& what, const std::string& goal,
                double measured, double limit, const std::string& unit) {
    out << "| " << what << " | " << goal << " | " << fixed(measured, unit == "s" ? 3 : 1) << ' '
        << unit << " | " << (measured < limit ? "met" : "**MISSED**") << " |\n";
}

void print_header(std::ostream& out, const Results& r) {
    const Machine& m = r.machine;
    out << "### blc_bench, " << r.products << " products (" << m.date_utc << ")\n\n";
    print_machine_line(out, m);
    out << "* Server: blconnect " << r.server_version << " (" << r.build_type << "), " << r.store
        << ", loopback, one keep-alive connection per client\n";
    out << "* Database: " << r.db_path << ", " << r.products << " products + " << r.variants
        << " variants, " << fixed(static_cast<double>(r.db_bytes) / 1e6, 1) << " MB\n";
    if (r.db_reused) {
        out << "* Import: database reused (not timed this run)\n";
    } else {
        out << "* Import (`blconnect init --demo --demo-products " << r.products
            << "`): " << fixed(r.import_seconds, 1) << " s, "
            << fixed(static_cast<double>(r.products) / r.import_seconds, 0) << " products/s\n";
    }
    out << "* " << r.iterations << " measured requests per scenario after " << r.warmup
        << " warm-up; " << r.sweeps << " sweeps each\n\n";
}

void print_scenarios(std::ostream& out, const Results& r) {
    print_scenario_table_header(out);
    auto row = [&](const std::string& label, const Summary& s) {
        print_scenario_row(out, label, s);
    };
    for (const auto& [label, s] : r.scenarios) row(label, s);
    row(r.concurrent.first, r.concurrent.second);
    out << "\n";
}

void print_sweeps(std::ostream& out, const Results& r) {
    out << "| full sweep | pages | min s | median s | products/s (median) |\n";
    out << "|---|---:|---:|---:|---:|\n";
    for (const auto& s : r.sweep_results) {
        out << "| " << s.label << " | " << s.pages << " | " << fixed(s.time.min_s, 3) << " | "
            << fixed(s.time.median_s, 3) << " | "
            << fixed(static_cast<double>(r.products) / s.time.median_s, 0) << " |\n";
    }
    out << "\n";
}

void print_server(std::ostream& out, const Results& r) {
    out << "| server process | value |\n|---|---:|\n";
    print_peak_rss_row(out, r.memory);
    out << "| RSS at the end | " << fixed(static_cast<double>(r.memory.current_kib) / 1024, 1)
        << " MiB |\n";
    print_exit_row(out, r.exit);
    out << "\n";
}

void print_targets(std::ostream& out, const Results& r) {
    out << "| target (issue, 100k products) | goal | measured | verdict |\n";
    out << "|---|---|---:|---|\n";
    if (!r.sweep_results.empty()) {
        target_row(out, "full stock sweep (median)", "< 0.5 s", r.sweep_results[0].time.median_s,
                   0.5, "s");
    }
    if (const Summary* s = find_scenario(r, "ProductsData")) {
        target_row(out, "ProductsData(100) p50", "< 10 ms", s->p50_ms, 10, "ms");
    }
    if (const Summary* s = find_scenario(r, "ProductsList, random page")) {
        target_row(out, "ProductsList page p50", "< 10 ms", s->p50_ms, 10, "ms");
    }
    target_row(out, "server peak RSS", "< 150 MB", static_cast<double>(r.memory.peak_kib) / 1024,
               150, "MiB");
    out << "\n";
}

}  // namespace

Machine describe_machine() {
    Machine m;
    m.cpus = static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));
    m.cpu_model = proc_field("/proc/cpuinfo", "model name");
    m.memory_gib =
        std::strtod(proc_field("/proc/meminfo", "MemTotal").c_str(), nullptr) / (1024.0 * 1024.0);
    utsname u{};
    m.kernel = uname(&u) == 0 ? u.release : "unknown";
    m.date_utc = utc_now();
    std::ifstream("/proc/loadavg") >> m.load_average;
    return m;
}

void print_report(std::ostream& out, const Results& r) {
    print_header(out, r);
    print_scenarios(out, r);
    print_sweeps(out, r);
    print_server(out, r);
    print_targets(out, r);
}

}  // namespace bench

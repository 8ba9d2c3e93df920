#pragma once
// Everything one run measured, and its Markdown rendering (pasted into docs/performance.md).
#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "Process.h"
#include "Stats.h"

namespace bench {

struct Machine {
    int cpus = 0;
    std::string cpu_model;
    double memory_gib = 0;
    std::string kernel;
    double load_average = 0;  // 1-minute, at the start: other work skews every figure
    std::string date_utc;
};

Machine describe_machine();

struct SweepResult {
    std::string label;
    std::int64_t pages = 0;
    Repeated time;
};

struct Results {
    Machine machine;
    std::string build_type;
    std::string server_version;
    std::string db_path;
    std::string store = "SQLite";  // the backend as the report names it
    std::int64_t db_bytes = 0;
    std::int64_t products = 0;
    std::int64_t variants = 0;
    bool db_reused = false;
    double import_seconds = 0;
    int iterations = 0, warmup = 0, threads = 0, sweeps = 0;
    std::vector<std::pair<std::string, Summary>> scenarios;
    std::pair<std::string, Summary> concurrent;
    std::vector<SweepResult> sweep_results;
    MemoryUse memory;
    ExitStatus exit;
};

void print_report(std::ostream& out, const Results& r);

// Pieces both reports (catalogue and orders) print the same way.
std::string fixed(double value, int decimals);
// "* Machine: …, load average … at the start (busy machine: figures skewed)\n"
void print_machine_line(std::ostream& out, const Machine& m);
// The header and one row of the scenario table (requests, req/s, p50/p99/max, body size).
void print_scenario_table_header(std::ostream& out);
void print_scenario_row(std::ostream& out, const std::string& label, const Summary& s);
// "| peak RSS (VmHWM) | … MiB |" and "| SIGTERM → exit | status 0 after … s |" rows.
void print_peak_rss_row(std::ostream& out, const MemoryUse& memory);
void print_exit_row(std::ostream& out, const ExitStatus& exit);

}  // namespace bench

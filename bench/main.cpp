// blc_bench: end-to-end benchmark of the catalogue actions (or, with --orders, of the order
// actions) against a real `blconnect serve` child process on loopback. See docs/performance.md.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <thread>

#include "Client.h"
#include "Database.h"
#include "Options.h"
#include "Orders.h"
#include "Process.h"
#include "Report.h"
#include "Scenarios.h"
#include "store/Store.h"

namespace bench {

namespace {

// The database as the report shows it: a URL without its password.
std::string shown_db(const std::string& db) {
    return store::redact_location(db);
}

std::string random_password() {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device device;
    std::uniform_int_distribution<std::size_t> pick(0, sizeof alphabet - 2);
    std::string out;
    for (int i = 0; i < 32; ++i) out += alphabet[pick(device)];
    return out;
}

// Asks the kernel for a free loopback port. Another process could take it before the server
// binds; the health check would then fail loudly, which is acceptable for a benchmark.
std::uint16_t free_port() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    bool ok = fd >= 0 && bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
              getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
    if (fd >= 0) close(fd);
    if (!ok) throw BenchError("cannot find a free loopback port");
    return ntohs(addr.sin_port);
}

// Waits for /healthz to answer 200 (FileVersion also counts, should /healthz be missing).
void wait_until_ready(ServerProcess& server, Client& client) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (int attempt = 0; attempt < 6000; ++attempt) {
        if (!server.running()) throw BenchError("blconnect serve exited during start-up");
        int status = client.get_status("/healthz");
        if (status == 200) return;
        if (status > 0) {
            std::cerr << "bench: /healthz answered " << status << ", trying FileVersion\n";
            client.call("FileVersion", {});
            return;
        }
        if (std::chrono::steady_clock::now() > deadline) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    throw BenchError("blconnect serve did not become ready within 60 s");
}

std::string server_version(Client& client) {
    auto value = boost::json::parse(client.call("FileVersion", {}).body);
    auto* version = value.as_object().if_contains("version");
    return version && version->is_string() ? std::string(version->as_string()) : "?";
}

template <typename F>
auto timed(const std::string& what, F&& step) {
    std::cerr << "bench: " << what << "...\n";
    auto start = std::chrono::steady_clock::now();
    auto result = step();
    std::cerr << "bench:   "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
              << " s\n";
    return result;
}

void measure(const Options& o, Client& client, std::uint16_t port, const std::string& password,
             Results& r) {
    r.server_version = server_version(client);
    Catalogue c = timed("discovering the catalogue (one parsed stock sweep)",
                        [&] { return discover(client, o.filter_name); });
    r.products = c.products;
    r.variants = c.variants;
    if (c.products != o.products) {
        std::cerr << "bench: note: the server lists " << c.products << " products, not "
                  << o.products << "\n";
    }
    Rng rng(20261129);
    for (const auto& s : catalogue_scenarios(c, o.filter_name)) {
        r.scenarios.emplace_back(s.label, timed(s.label, [&] {
                                     return run_scenario(client, s, o.warmup, o.iterations, rng);
                                 }));
    }
    for (auto [label, action, pages] :
         {std::tuple{"ProductsQuantity, pages 1..N (stock sync)", "ProductsQuantity",
                     c.stock_pages},
          std::tuple{"ProductsPrices, pages 1..N (price sync)", "ProductsPrices", c.price_pages}}) {
        auto times = timed(label, [&] { return run_sweeps(client, action, pages, o.sweeps); });
        r.sweep_results.push_back({label, pages, min_and_median(times)});
    }
    auto list = list_page_scenario(c);
    std::string label = "ProductsList, random page, " + std::to_string(o.threads) + " threads";
    r.concurrent = {label, timed(label, [&] {
                        return run_concurrent(port, password, list, o.threads, o.warmup,
                                              o.iterations);
                    })};
}

int run(const Options& o) {
    Results r;
    r.machine = describe_machine();
    r.build_type = BLC_BENCH_BUILD_TYPE;
    r.db_path = shown_db(o.db);
    r.iterations = o.iterations;
    r.warmup = o.warmup;
    r.threads = o.threads;
    r.sweeps = o.sweeps;
    if (access(o.binary.c_str(), X_OK) != 0) throw BenchError(o.binary + " is not executable");
    auto setup = ensure_database(o.binary, o.db, o.products);
    r.db_reused = setup.reused;
    r.import_seconds = setup.import_seconds;
    r.db_bytes = database_bytes(o.db);
    if (auto postgres = postgres_description(o.db); !postgres.empty()) r.store = postgres;

    std::string password = random_password();
    std::uint16_t port = o.port ? o.port : free_port();
    std::string log = "/tmp/blc-bench-serve-" + std::to_string(getpid()) + ".log";
    ServerProcess server(
        {o.binary, "serve", "--db", o.db, "--port", std::to_string(port), "--admin-port", "0"},
        {"BLCONNECT_PASSWORD=" + password}, log);
    try {
        Client client(port, password);
        wait_until_ready(server, client);
        std::cerr << "bench: server pid " << server.pid() << " on port " << port << "\n";
        measure(o, client, port, password, r);
        r.memory = server.memory();
    } catch (const std::exception& e) {
        throw BenchError(std::string(e.what()) + "\n--- server log " + log + " (tail) ---\n" +
                         file_tail(log, 2000));
    }
    r.exit = server.terminate(std::chrono::seconds(30));
    print_report(std::cout, r);
    bool clean_exit = r.exit.exited && r.exit.code == 0;
    if (!clean_exit)
        std::cerr << "bench: the server did not exit 0 on SIGTERM; log: " << log << "\n";
    if (clean_exit) std::remove(log.c_str());
    if (!setup.reused && !o.keep) remove_database(o.db);
    return clean_exit ? 0 : 1;
}

// ---- blc_bench --orders (bench/Orders.h) ----

std::vector<std::string> serve_args(const Options& o, std::uint16_t port) {
    return {o.binary, "serve", "--db", o.db, "--port", std::to_string(port), "--admin-port", "0"};
}

void measure_orders(const Options& o, Client& client, std::uint16_t port,
                    const std::string& password, const std::vector<SaleItem>& items,
                    std::atomic<std::int64_t>& next_id, OrdersResults& r) {
    r.server_version = server_version(client);
    auto add = order_add_scenario(items, next_id);
    Rng rng(20261130);
    r.add_sequential = timed("OrderAdd, sequential", [&] {
        return run_scenario(client, add, o.warmup, o.order_adds, rng);
    });
    check_resend_returns_same_id(client, add, rng);
    // Twice the sequential count in all, so that both runs last about as long at the targets.
    int per_client = std::max(1, 2 * o.order_adds / o.order_clients);
    r.add_concurrent = timed("OrderAdd, " + std::to_string(o.order_clients) + " clients", [&] {
        return run_concurrent(port, password, add, o.order_clients, 1, per_client);
    });
    auto range = order_range(o.db);
    r.orders_at_get = range.total;
    for (const auto& s : orders_get_scenarios(range)) {
        r.gets.emplace_back(s.label, timed(s.label, [&] {
                                return run_scenario(client, s, o.warmup, o.iterations, rng);
                            }));
    }
}

// The catalogue of --products (made or reused as for the catalogue benchmark), then orders up to
// --orders-fill through the store API, before any server runs.
std::vector<SaleItem> prepare_orders_db(const Options& o, std::atomic<std::int64_t>& next_id,
                                        OrdersResults& r, DatabaseSetup& setup) {
    setup = ensure_database(o.binary, o.db, o.products);
    auto store = store::open_store(o.db, store::StoreOptions{});
    r.products = store->catalog().product_count();
    auto items = sample_sale_items(*store, 2000, 7);
    r.fill = timed("filling the database with orders through the store API",
                   [&] { return fill_orders(*store, o.orders_fill, items, next_id); });
    return items;
}

// A fresh server, `count` acknowledged OrderAdds, kill -9, and a count of what was kept.
CrashResult crash_run(const Options& o, const std::vector<SaleItem>& items,
                      std::atomic<std::int64_t>& next_id, const std::string& password,
                      const std::string& log) {
    std::uint16_t port = o.port ? o.port : free_port();
    ServerProcess server(serve_args(o, port), {"BLCONNECT_PASSWORD=" + password}, log);
    Client client(port, password);
    wait_until_ready(server, client);
    auto kill_now = [&server] {
        kill(server.pid(), SIGKILL);
        for (int i = 0; i < 500 && server.running(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    };
    return timed("kill -9 after " + std::to_string(o.crash_orders) + " acknowledged OrderAdds",
                 [&] {
                     return run_crash(client, order_add_scenario(items, next_id), o.crash_orders,
                                      kill_now, o.db);
                 });
}

// --servers N: the same clients (4 per server) on one server, then spread over N servers on
// the same database: what another process adds, measured.
void scale_out_run(const Options& o, const std::vector<SaleItem>& items,
                   std::atomic<std::int64_t>& next_id, const std::string& password,
                   const std::string& log, OrdersResults& r) {
    std::vector<std::unique_ptr<ServerProcess>> servers;
    std::vector<std::uint16_t> ports;
    for (int i = 0; i < o.servers; ++i) {
        ports.push_back(free_port());
        servers.push_back(std::make_unique<ServerProcess>(
            serve_args(o, ports.back()), std::vector<std::string>{"BLCONNECT_PASSWORD=" + password},
            log + "." + std::to_string(i)));
        Client client(ports.back(), password);
        wait_until_ready(*servers.back(), client);
    }
    Client first(ports.front(), password);
    const auto range = order_range(o.db);
    std::vector<Scenario> scenarios{stock_page_scenario(first), orders_get_scenarios(range).front(),
                                    order_add_scenario(items, next_id)};
    r.servers = o.servers;
    r.scale_clients = 4 * o.servers;
    for (const auto& s : scenarios) {
        OrdersResults::ScaleOut row{s.label, {}, {}};
        row.one = timed(s.label + ", 1 server", [&] {
            return run_concurrent(ports.front(), password, s, r.scale_clients, 2, o.iterations);
        });
        row.many = timed(s.label + ", " + std::to_string(o.servers) + " servers", [&] {
            return run_concurrent(ports, password, s, r.scale_clients, 2, o.iterations);
        });
        r.scale_out.push_back(std::move(row));
    }
    for (auto& server : servers) server->terminate(std::chrono::seconds(30));
}

int run_orders(const Options& o) {
    OrdersResults r;
    r.machine = describe_machine();
    r.build_type = BLC_BENCH_BUILD_TYPE;
    r.db_path = shown_db(o.db);
    r.clients = o.order_clients;
    if (access(o.binary.c_str(), X_OK) != 0) throw BenchError(o.binary + " is not executable");
    std::atomic<std::int64_t> next_id{first_baselinker_id()};
    // Kept at the end when it was reused (held the products already); made by this run, it is
    // removed unless --keep, as in the catalogue run.
    DatabaseSetup setup;
    auto items = prepare_orders_db(o, next_id, r, setup);
    if (auto postgres = postgres_description(o.db); !postgres.empty()) r.store = postgres;

    std::string password = random_password();
    std::uint16_t port = o.port ? o.port : free_port();
    std::string log = "/tmp/blc-bench-serve-" + std::to_string(getpid()) + ".log";
    {
        ServerProcess server(serve_args(o, port), {"BLCONNECT_PASSWORD=" + password}, log);
        try {
            Client client(port, password);
            wait_until_ready(server, client);
            measure_orders(o, client, port, password, items, next_id, r);
            r.memory = server.memory();
        } catch (const std::exception& e) {
            throw BenchError(std::string(e.what()) + "\n--- server log " + log + " (tail) ---\n" +
                             file_tail(log, 2000));
        }
        r.exit = server.terminate(std::chrono::seconds(30));
    }
    if (o.servers > 1) scale_out_run(o, items, next_id, password, log, r);
    if (o.crash_orders > 0) {
        r.crash = crash_run(o, items, next_id, password, log);
        r.crash_run = true;
    }
    r.db_bytes = database_bytes(o.db);
    print_orders_report(std::cout, r);
    bool ok = r.exit.exited && r.exit.code == 0 &&
              r.crash.present_after_restart == r.crash.acknowledged &&
              r.crash.audit_differences == 0;
    if (ok) std::remove(log.c_str());
    if (!ok)
        std::cerr << "bench: unclean exit, lost orders or stock audit differences; log: " << log
                  << "\n";
    if (!setup.reused && !o.keep) remove_database(o.db);
    return ok ? 0 : 1;
}

}  // namespace
}  // namespace bench

int main(int argc, char** argv) {
    try {
        auto options = bench::parse_options(argc, argv);
        if (options.help) {
            std::cout << bench::usage();
            return 0;
        }
        return options.orders ? bench::run_orders(options) : bench::run(options);
    } catch (const std::invalid_argument& e) {
        std::cerr << "blc_bench: " << e.what() << "\n" << bench::usage();
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "blc_bench: error: " << e.what() << "\n";
        return 1;
    }
}

#include "Options.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <stdexcept>
#include <string_view>

namespace bench {
namespace {

std::int64_t parse_int(std::string_view name, std::string_view text, std::int64_t lo,
                       std::int64_t hi) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < lo || value > hi) {
        throw std::invalid_argument(std::string(name) + " wants an integer in " +
                                    std::to_string(lo) + ".." + std::to_string(hi) + ", got '" +
                                    std::string(text) + "'");
    }
    return value;
}

// Applies one "--name value" pair; returns false when `name` takes no value (a flag).
bool apply(Options& o, std::string_view name, const std::string* value) {
    if (name == "--keep" || name == "--help" || name == "-h" || name == "--orders") {
        (name == "--keep" ? o.keep : name == "--orders" ? o.orders : o.help) = true;
        return false;
    }
    static const char* const kValued[] = {"--products",     "--db",         "--iterations",
                                          "--warmup",       "--port",       "--binary",
                                          "--filter-name",  "--threads",    "--sweeps",
                                          "--orders-fill",  "--order-adds", "--order-clients",
                                          "--crash-orders", "--servers"};
    if (std::find(std::begin(kValued), std::end(kValued), name) == std::end(kValued)) {
        throw std::invalid_argument("unknown option " + std::string(name));
    }
    if (value == nullptr) throw std::invalid_argument(std::string(name) + " needs a value");
    const std::string& v = *value;
    if (name == "--products") {
        o.products = parse_int(name, v, 1, 100'000'000);
    } else if (name == "--db") {
        o.db = v;
    } else if (name == "--iterations") {
        o.iterations = static_cast<int>(parse_int(name, v, 1, 1'000'000));
    } else if (name == "--warmup") {
        o.warmup = static_cast<int>(parse_int(name, v, 0, 100'000));
    } else if (name == "--port") {
        o.port = static_cast<std::uint16_t>(parse_int(name, v, 0, 65535));
    } else if (name == "--binary") {
        o.binary = v;
    } else if (name == "--filter-name") {
        o.filter_name = v;
    } else if (name == "--threads") {
        o.threads = static_cast<int>(parse_int(name, v, 1, 64));
    } else if (name == "--orders-fill") {
        o.orders_fill = parse_int(name, v, 0, 100'000'000);
    } else if (name == "--order-adds") {
        o.order_adds = static_cast<int>(parse_int(name, v, 1, 10'000'000));
    } else if (name == "--order-clients") {
        o.order_clients = static_cast<int>(parse_int(name, v, 1, 256));
    } else if (name == "--crash-orders") {
        o.crash_orders = static_cast<int>(parse_int(name, v, 0, 1'000'000));
    } else if (name == "--servers") {
        o.servers = static_cast<int>(parse_int(name, v, 1, 16));
    } else {  // --sweeps
        o.sweeps = static_cast<int>(parse_int(name, v, 1, 100));
    }
    return true;
}

}  // namespace

Options parse_options(int argc, char** argv) {
    Options o;
    o.binary = BLCONNECT_BINARY;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto eq = arg.find('=');
        if (arg.starts_with("--") && eq != std::string::npos) {
            std::string value = arg.substr(eq + 1);
            apply(o, std::string_view(arg).substr(0, eq), &value);
            continue;
        }
        std::string next = i + 1 < argc ? argv[i + 1] : std::string();
        if (apply(o, arg, i + 1 < argc ? &next : nullptr)) ++i;
    }
    if (o.db.empty()) {
        // The order benchmark writes orders and takes stock: never into the catalogue's file.
        o.db = std::string("/tmp/blc-bench-") + (o.orders ? "orders-" : "") +
               std::to_string(o.products) + ".db";
    }
    return o;
}

const char* usage() {
    return "usage: blc_bench [--products N] [--db PATH|URL] [--iterations N] [--port P] [--keep]\n"
           "                 [--warmup N] [--threads N] [--sweeps N] [--filter-name WORD]\n"
           "                 [--binary PATH]\n"
           "       blc_bench --orders [--products N] [--orders-fill N] [--order-adds N]\n"
           "                 [--order-clients N] [--crash-orders N] [--servers N]\n"
           "                 [--db PATH|URL] [--keep]\n"
           "\n"
           "Creates (or reuses, when it holds N products) a demo database with\n"
           "`blconnect init --demo`, starts `blconnect serve` on loopback as a child process\n"
           "and measures the catalogue actions over HTTP keep-alive. Progress goes to stderr,\n"
           "a Markdown report to stdout (docs/performance.md).\n"
           "\n"
           "  --products N     demo products (default 100000)\n"
           "  --db PATH|URL    SQLite file (default /tmp/blc-bench-N.db) or a PostgreSQL\n"
           "                   database postgresql://user@host:port/NAME; one that holds\n"
           "                   another number of products is replaced only when it is the\n"
           "                   benchmark's own (files blc-bench-*, databases blc_bench*)\n"
           "  --iterations N   measured requests per scenario (default 200, after --warmup 10)\n"
           "  --port P         server port (default: a free one)\n"
           "  --keep           keep the database when this run created it\n"
           "  --threads N      client threads of the concurrency scenario (default 4)\n"
           "  --sweeps N       repetitions of each full stock/price sweep (default 5)\n"
           "  --filter-name W  word for the ProductsList name filter (default kubek)\n"
           "  --binary PATH    blconnect executable (default: the one built with the bench)\n"
           "\n"
           "  --orders         measure orders instead (OrderAdd, OrdersGet, crash durability);\n"
           "                   database /tmp/blc-bench-orders-N.db (N products)\n"
           "  --orders-fill N  orders in the database before OrdersGet (default 100000), added\n"
           "                   through the store API before the server starts\n"
           "  --order-adds N   sequential OrderAdds (default 2000); the concurrent run sends 2N\n"
           "  --order-clients N  concurrent OrderAdd clients (default 16)\n"
           "  --crash-orders N   OrderAdds acknowledged before kill -9 of the server (default\n"
           "                   200; 0 = skip); all N must be there after the restart\n"
           "  --servers N      also start N serve processes on the same database (PostgreSQL,\n"
           "                   or SQLite) and compare the aggregate throughput of the same\n"
           "                   clients spread over N servers with one server (default 1: skip)\n";
}

}  // namespace bench

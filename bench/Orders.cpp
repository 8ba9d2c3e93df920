#include "Orders.h"

#include <boost/json.hpp>

#include <chrono>
#include <ctime>
#include <exception>
#include <iostream>
#include <limits>
#include <thread>

#include "Process.h"

namespace bench {
namespace {

using Clock = std::chrono::steady_clock;

// Filling 1M orders at the store's durable commit rate takes minutes; hours mean a hang.
constexpr auto kFillLimit = std::chrono::hours(2);

boost::json::object parse_object(const std::string& body, const std::string& what) {
    boost::system::error_code ec;
    auto value = boost::json::parse(body, ec);
    if (ec || !value.is_object()) throw BenchError(what + ": the answer is not a JSON object");
    return std::move(value.as_object());
}

std::string order_id_of(const std::string& body) {
    auto answer = parse_object(body, "OrderAdd");
    const auto* id = answer.if_contains("order_id");
    if (id == nullptr || !id->is_string() || id->as_string().empty()) {
        throw BenchError("OrderAdd: no order_id in " + body.substr(0, 200));
    }
    return std::string(id->as_string());
}

void check_order_add(const std::string& body, const Fields&) {
    order_id_of(body);
}

// An OrdersGet answer holds `expected` orders (when > 0), "pages" between `min_pages` and
// `max_pages`, ids ascending and above `id_from`, and every order its lines.
void check_orders_page(const std::string& body, std::size_t expected, std::int64_t min_pages = 1,
                       std::int64_t max_pages = std::numeric_limits<std::int64_t>::max(),
                       std::int64_t id_from = 0) {
    auto answer = parse_object(body, "OrdersGet");
    const auto* pages = answer.if_contains("pages");
    if (pages == nullptr || !pages->is_int64()) throw BenchError("OrdersGet: no \"pages\"");
    if (pages->as_int64() < min_pages || pages->as_int64() > max_pages) {
        throw BenchError("OrdersGet: \"pages\" " + std::to_string(pages->as_int64()) +
                         ", expected " + std::to_string(min_pages) + ".." +
                         std::to_string(max_pages));
    }
    std::size_t orders = answer.size() - 1;
    if (expected > 0 && orders != expected) {
        throw BenchError("OrdersGet: expected " + std::to_string(expected) + " orders, got " +
                         std::to_string(orders));
    }
    std::int64_t previous = id_from;
    for (const auto& [key, order] : answer) {
        if (key == "pages") continue;
        const std::int64_t id = std::stoll(std::string(key));
        if (id <= previous)
            throw BenchError("OrdersGet: order " + std::string(key) + " out of order");
        previous = id;
        const auto* products =
            order.is_object() ? order.as_object().if_contains("products") : nullptr;
        if (products == nullptr || !products->is_array() || products->as_array().empty()) {
            throw BenchError("OrdersGet: order " + std::string(key) + " has no lines");
        }
    }
}

std::int64_t sent_number(const Fields& sent, const char* name) {
    for (const auto& [key, value] : sent)
        if (key == name) return std::stoll(value);
    throw BenchError(std::string("OrdersGet: no ") + name + " sent");
}

std::int64_t pages_of(std::int64_t orders) {
    return (orders + 99) / 100;
}

Fields number_field(const char* name, std::int64_t lo, std::int64_t hi, Rng& rng) {
    return {{name, std::to_string(std::uniform_int_distribution<std::int64_t>(lo, hi)(rng))}};
}

}  // namespace

std::int64_t first_baselinker_id() {
    return static_cast<std::int64_t>(std::time(nullptr)) * 1'000'000;
}

namespace {

// One filling thread: takes order numbers from `next_n` until `target`.
void fill_thread(store::Orders& orders, std::int64_t target, const std::vector<SaleItem>& items,
                 std::atomic<std::int64_t>& next_n, std::atomic<std::int64_t>& next_id,
                 std::uint64_t seed, Clock::time_point start, std::exception_ptr& error) {
    try {
        store::AddOrderOptions options;
        options.actor = "bench";
        Rng rng(seed);
        for (std::int64_t n = next_n++; n < target; n = next_n++) {
            auto order = make_order(items, next_id++, rng);
            order.take_stock = false;  // leave the catalogue's stock for the measured OrderAdds
            // A fixed spread over about a year, so that time_from filters mean something.
            order.date_add = 1'764'000'000 + n * 300;
            orders.add_baselinker_order(order, std::nullopt, options, order.date_add);
            if ((n + 1) % 10000 == 0) std::cerr << "bench:   " << n + 1 << " orders\n";
            if (Clock::now() - start > kFillLimit) throw BenchError("filling takes too long");
        }
    } catch (...) {
        error = std::current_exception();
    }
}

}  // namespace

FillResult fill_orders(store::Store& store, std::int64_t target, const std::vector<SaleItem>& items,
                       std::atomic<std::int64_t>& next_id) {
    FillResult r;
    r.before = store.orders().orders_page({}, {0, 1}).total;
    if (r.before >= target) return r;
    // Several writers: each commit waits for its own fsync, and the disk takes them faster in
    // parallel than one after the other.
    constexpr int kThreads = 4;
    std::atomic<std::int64_t> next_n{r.before};
    std::vector<std::exception_ptr> errors(kThreads);
    auto start = Clock::now();
    {
        std::vector<std::jthread> pool;
        for (int t = 0; t < kThreads; ++t) {
            pool.emplace_back(fill_thread, std::ref(store.orders()), target, std::cref(items),
                              std::ref(next_n), std::ref(next_id), 20261130u + t, start,
                              std::ref(errors[static_cast<std::size_t>(t)]));
        }
    }
    for (auto& e : errors) {
        if (e) std::rethrow_exception(e);
    }
    r.added = target - r.before;
    r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return r;
}

Scenario order_add_scenario(const std::vector<SaleItem>& items,
                            std::atomic<std::int64_t>& next_id) {
    return {"OrderAdd, 1-5 lines, change_products_quantity=1", "OrderAdd",
            [&items, &next_id](Rng& rng) {
                return order_add_fields(make_order(items, next_id++, rng));
            },
            check_order_add};
}

std::vector<Scenario> orders_get_scenarios(const OrderRange& range) {
    const std::int64_t min_id = range.min_id, max_id = range.max_id, total = range.total;
    const std::int64_t pages = pages_of(total);
    std::vector<Scenario> out;
    std::int64_t last_full = std::max(min_id - 1, max_id - 100);
    // Orders above id_from: at most every id up to max_id, at least all but those up to id_from
    // (both the same when the ids have no gaps, as on SQLite).
    out.push_back({"OrdersGet, id_from=random (a poller's next page), 100 orders with lines",
                   "OrdersGet",
                   [min_id, last_full](Rng& rng) {
                       return number_field("id_from", min_id - 1, last_full, rng);
                   },
                   [=](const std::string& body, const Fields& sent) {
                       const std::int64_t id_from = sent_number(sent, "id_from");
                       check_orders_page(body, 100, pages_of(total - (id_from - min_id + 1)),
                                         pages_of(max_id - id_from), id_from);
                   }});
    // Every page but the last holds 100 orders, and "pages" is exact.
    out.push_back({"OrdersGet, random page of all orders (" + std::to_string(pages) + " pages)",
                   "OrdersGet", [pages](Rng& rng) { return number_field("page", 1, pages, rng); },
                   [=](const std::string& body, const Fields& sent) {
                       const std::int64_t page = sent_number(sent, "page");
                       const auto on_page = page < pages ? 100 : total - (pages - 1) * 100;
                       check_orders_page(body, static_cast<std::size_t>(on_page), pages, pages);
                   }});
    out.push_back(
        {"OrdersGet, order_id=random", "OrdersGet",
         [min_id, max_id](Rng& rng) { return number_field("order_id", min_id, max_id, rng); },
         [](const std::string& body, const Fields&) { check_orders_page(body, 1); }});
    return out;
}

void check_resend_returns_same_id(Client& client, const Scenario& add, Rng& rng) {
    auto fields = add.fields(rng);
    auto first = order_id_of(client.call("OrderAdd", fields).body);
    auto again = order_id_of(client.call("OrderAdd", fields).body);
    if (first != again) {
        throw BenchError("an identical OrderAdd re-send made order " + again + " besides " + first);
    }
}

OrderRange order_range(const std::string& db) {
    auto store = store::open_store(db, store::StoreOptions{});
    auto first = store->orders().orders_page({}, {0, 1});
    store::OrderListQuery newest;
    newest.limit = 1;
    auto last = store->orders().list_orders(newest);
    if (first.orders.empty() || last.empty()) throw BenchError("the database holds no orders");
    return {first.orders[0].id, last[0].id, first.total};
}

CrashResult run_crash(Client& client, const Scenario& add, int count,
                      const std::function<void()>& kill_server, const std::string& db) {
    Rng rng(4242);
    std::vector<store::Id> acknowledged;
    for (int i = 0; i < count; ++i) {
        acknowledged.push_back(
            std::stoll(order_id_of(client.call("OrderAdd", add.fields(rng)).body)));
    }
    kill_server();  // at once: the last acknowledgement is microseconds old
    CrashResult r;
    r.acknowledged = count;
    auto store = store::open_store(db, store::StoreOptions{});
    for (auto id : acknowledged) {
        store::OrderQuery query;
        query.order_id = id;
        r.present_after_restart += store->orders().orders_page(query, {0, 1}).orders.size() == 1;
    }
    r.audit_differences = store->orders().stock_audit().differences.size();
    return r;
}

}  // namespace bench

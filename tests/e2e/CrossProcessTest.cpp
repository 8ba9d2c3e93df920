// The protocol's guarantees with several blconnect processes on one database (issue 6): the
// same OrderAdd sent to every server at once, pollers following OrdersGet while all servers
// and the shop add orders, and concurrent stock changes and orders on one variant. Runs on
// SQLite (e2e.) and on PostgreSQL (e2e_pg.).
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <mutex>
#include <set>
#include <thread>

#include "e2e/Fleet.h"

namespace e2e {
namespace {

namespace json = boost::json;

constexpr int kServers = 3;
constexpr std::int64_t kStartStock = 100000;

// One product without variants ("P1") and one with a single variant ("P2" / "V1").
store::ImportBatch catalogue() {
    store::ImportBatch batch;
    store::ImportProduct plain;
    plain.external_id = "P1";
    plain.sku = "FLEET-P1";
    plain.name = "Kubek emaliowany";
    plain.price = core::Money::from_minor(2999);
    plain.stock = kStartStock;
    batch.products.push_back(plain);
    store::ImportProduct with_variant;
    with_variant.external_id = "P2";
    with_variant.sku = "FLEET-P2";
    with_variant.name = "Koszulka lniana";
    with_variant.price = core::Money::from_minor(8900);
    store::ImportVariant variant;
    variant.external_id = "V1";
    variant.sku = "FLEET-P2-M";
    variant.name = "M";
    variant.price = core::Money::from_minor(8900);
    variant.stock = kStartStock;
    with_variant.variants.push_back(variant);
    batch.products.push_back(with_variant);
    return batch;
}

struct Ids {
    store::Id p1 = 0, p2 = 0, v1 = 0;
};

Ids ids_of(store::Store& store) {
    Ids ids;
    store::ProductFilter all;
    for (const auto& row : store.catalog().list_products(all, {0, 10}).rows) {
        if (row.sku == "FLEET-P1") ids.p1 = row.id;
        if (row.sku == "FLEET-P2") ids.p2 = row.id;
    }
    const std::vector<store::Id> want{ids.p2};
    auto details = store.catalog().product_details(want, {});
    if (!details.empty() && !details[0].variants.empty()) ids.v1 = details[0].variants[0].id;
    return ids;
}

std::int64_t stock_of(store::Store& store, store::Id product, store::Id variant) {
    const std::vector<store::Id> want{product};
    auto details = store.catalog().product_details(want, {});
    if (details.empty()) return -1;
    if (variant == 0) return details[0].quantity;
    for (const auto& v : details[0].variants) {
        if (v.id == variant) return v.quantity;
    }
    return -1;
}

std::map<std::string, std::string> order_fields(std::int64_t baselinker_id, store::Id product,
                                                store::Id variant, std::int64_t quantity) {
    json::array lines;
    lines.push_back(json::object{{"id", std::to_string(product)},
                                 {"variant_id", std::to_string(variant)},
                                 {"name", "Pozycja"},
                                 {"price", "10.00"},
                                 {"quantity", quantity}});
    return {{"baselinker_id", std::to_string(baselinker_id)},
            {"delivery_fullname", "Jan Kowalski"},
            {"email", "jan@example.pl"},
            {"change_products_quantity", "1"},
            {"products", json::serialize(lines)}};
}

std::string order_id_of(const std::string& body) {
    json::error_code ec;
    auto value = json::parse(body, ec);
    if (ec || !value.is_object() || !value.as_object().contains("order_id")) return "";
    return std::string(value.at("order_id").as_string());
}

// Starts `threads` workers at the same moment and waits for them.
void run_together(int threads, const std::function<void(int)>& work) {
    std::atomic<int> ready{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            ready.fetch_add(1);
            while (ready.load() < threads) std::this_thread::yield();
            work(t);
        });
    }
    for (auto& thread : pool) thread.join();
}

TEST(CrossProcess, IdenticalOrderAddsOnAllServersMakeOneOrderAndOneDecrement) {
    Fleet fleet(kServers, catalogue());
    const Ids ids = ids_of(fleet.store());
    constexpr int kSends = 24;
    std::vector<std::string> answers(kSends);
    run_together(kSends, [&](int t) {
        answers[t] =
            order_id_of(fleet.call(t % kServers, "OrderAdd", order_fields(777001, ids.p1, 0, 3)));
    });
    for (const auto& answer : answers) {
        EXPECT_FALSE(answer.empty());
        EXPECT_EQ(answer, answers[0]);
    }
    store::OrderListQuery all;
    all.limit = 100;
    EXPECT_EQ(fleet.store().orders().list_orders(all).size(), 1u);
    EXPECT_EQ(stock_of(fleet.store(), ids.p1, 0), kStartStock - 3);
}

// Polls server `server` with id_from until `done` and one more empty poll; returns the ids seen.
std::set<store::Id> follow(const Fleet& fleet, int server, const std::atomic<bool>& done) {
    std::set<store::Id> seen;
    store::Id last = 0;
    bool finishing = false;
    while (true) {
        finishing = done.load();
        auto body = fleet.call(server, "OrdersGet", {{"id_from", std::to_string(last)}});
        json::error_code ec;
        auto value = json::parse(body, ec);
        const bool none = !ec && value.is_array() && value.as_array().empty();  // no orders: []
        if (!none && (ec || !value.is_object() || value.as_object().contains("error"))) {
            ADD_FAILURE() << "OrdersGet failed: " << body.substr(0, 300);
            return seen;
        }
        std::size_t fresh = 0;
        for (const auto& [key, order] : none ? json::object() : value.as_object()) {
            if (key == "pages") continue;
            const store::Id id = std::stoll(std::string(key));
            seen.insert(id);
            last = std::max(last, id);
            ++fresh;
        }
        if (finishing && fresh == 0) return seen;
    }
}

TEST(CrossProcess, PollersFollowingIdFromMissNoOrderWhileAllServersAddOrders) {
    Fleet fleet(kServers, catalogue());
    const Ids ids = ids_of(fleet.store());
    constexpr int kWritersPerServer = 3, kOrdersPerWriter = 25, kShopOrders = 40;
    std::atomic<bool> done{false};
    std::vector<std::set<store::Id>> seen(kServers);
    std::vector<std::thread> pollers;
    for (int s = 0; s < kServers; ++s) {
        pollers.emplace_back([&, s] { seen[s] = follow(fleet, s, done); });
    }
    run_together(kServers * kWritersPerServer + 1, [&](int t) {
        if (t == kServers * kWritersPerServer) {  // the storefront, through its own store handle
            for (int i = 0; i < kShopOrders; ++i) {
                store::OrderInput order;
                order.email = "sklep@example.pl";
                store::OrderLineInput line;
                line.product_id = ids.p1;
                line.name = "Kubek";
                line.unit_price = core::Money::from_minor(2999);
                order.lines.push_back(line);
                store::AddOrderOptions options;
                options.actor = "test";
                fleet.store().orders().create_shop_order(order, options, 1764400000);
            }
            return;
        }
        for (int i = 0; i < kOrdersPerWriter; ++i) {
            const std::int64_t bl_id = 900000 + t * 1000 + i;
            EXPECT_FALSE(
                order_id_of(fleet.call(t % kServers, "OrderAdd", order_fields(bl_id, ids.p1, 0, 1)))
                    .empty());
        }
    });
    done = true;
    for (auto& poller : pollers) poller.join();

    store::OrderListQuery all;
    all.limit = 100000;
    std::set<store::Id> stored;
    for (const auto& order : fleet.store().orders().list_orders(all)) stored.insert(order.id);
    ASSERT_EQ(stored.size(),
              std::size_t(kServers * kWritersPerServer * kOrdersPerWriter + kShopOrders));
    for (int s = 0; s < kServers; ++s) EXPECT_EQ(seen[s], stored) << "poller of server " << s;
}

TEST(CrossProcess, ConcurrentStockChangesAndOrdersOnOneVariantAddUpExactly) {
    Fleet fleet(kServers, catalogue());
    const Ids ids = ids_of(fleet.store());
    ASSERT_NE(ids.v1, 0);
    constexpr int kThreads = 12, kRounds = 20;
    std::atomic<std::int64_t> expected_delta{0};
    run_together(kThreads, [&](int t) {
        for (int r = 0; r < kRounds; ++r) {
            const int server = (t + r) % kServers;
            if ((t + r) % 2 == 0) {
                const std::int64_t change = (r % 3 == 0) ? 5 : -2;
                json::array entry{json::object{{"product_id", std::to_string(ids.p2)},
                                               {"variant_id", std::to_string(ids.v1)},
                                               {"operation", "change"},
                                               {"quantity", change}}};
                auto body = fleet.call(server, "ProductsQuantityUpdate",
                                       {{"products", json::serialize(entry)}});
                if (body == R"({"counter":1})") {
                    expected_delta += change;
                } else {
                    ADD_FAILURE() << body;
                }
            } else {
                const std::int64_t bl_id = 500000 + t * 1000 + r;
                if (!order_id_of(
                         fleet.call(server, "OrderAdd", order_fields(bl_id, ids.p2, ids.v1, 3)))
                         .empty()) {
                    expected_delta -= 3;
                } else {
                    ADD_FAILURE() << "OrderAdd failed";
                }
            }
        }
    });
    EXPECT_EQ(stock_of(fleet.store(), ids.p2, ids.v1), kStartStock + expected_delta.load());
    // The product reports the sum of its variants, and every server says the same.
    EXPECT_EQ(stock_of(fleet.store(), ids.p2, 0), kStartStock + expected_delta.load());
    for (int s = 0; s < kServers; ++s) {
        auto body = fleet.call(s, "ProductsQuantity", {{"page", "1"}});
        EXPECT_NE(body.find(std::to_string(kStartStock + expected_delta.load())), std::string::npos)
            << body;
    }
}

}  // namespace
}  // namespace e2e

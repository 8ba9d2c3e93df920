// No order is ever skipped (docs/architecture.md, "Guarantees the protocol depends on"): 200
// OrderAdds from 8 client threads and storefront orders from another thread, while 4 pollers
// follow OrdersGet with id_from = the last id they saw. Every poller must see every order exactly
// once, and stock never goes below what was there.
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "ConnectorOrderFixture.h"

namespace order_test {
namespace {

constexpr int kClients = 8;
constexpr int kOrdersPerClient = 25;  // 200 OrderAdds
constexpr int kShopOrders = 40;
constexpr int kPollers = 4;

using ConnectorOrderPollers = OrderHttpTest;

// Follows OrdersGet like BaseLinker: id_from = the highest id seen so far. Stops after one full
// poll that started once every writer had finished and found nothing new.
std::vector<store::Id> follow(test::TestServer& server, const std::atomic<bool>& writers_done) {
    std::vector<store::Id> seen;
    store::Id last = 0;
    for (;;) {
        const bool final_poll = writers_done.load();
        const auto reply = server.call("OrdersGet", {{"id_from", std::to_string(last)}});
        const auto page = json::parse(reply.body);
        if (!page.is_object()) {
            EXPECT_EQ(reply.body, "[]");
            if (final_poll) return seen;
            continue;
        }
        for (const auto& [key, value] : page.as_object()) {
            if (key == "pages") continue;
            const store::Id id = std::stoll(std::string(key));
            EXPECT_GT(id, last) << "ids must ascend and never reappear";
            seen.push_back(id);
            last = id;
        }
    }
}

TEST_F(ConnectorOrderPollers, EveryPollerSeesEveryOrderExactlyOnce) {
    std::atomic<bool> writers_done{false};
    std::vector<std::vector<store::Id>> seen(kPollers);
    std::vector<std::thread> pollers;
    for (int p = 0; p < kPollers; ++p) {
        pollers.emplace_back([&, p] { seen[p] = follow(*server_, writers_done); });
    }
    std::mutex answers_mutex;
    std::set<store::Id> answered;
    std::vector<std::thread> writers;
    for (int c = 0; c < kClients; ++c) {
        writers.emplace_back([&, c] {
            for (int i = 0; i < kOrdersPerClient; ++i) {
                const auto reply =
                    call("OrderAdd", simple_order(std::to_string(100000 + c * 1000 + i)));
                const auto value = json::parse(reply.body);
                ASSERT_TRUE(value.is_object() && value.as_object().contains("order_id"))
                    << reply.body;
                std::lock_guard lock(answers_mutex);
                answered.insert(std::stoll(std::string(value.at("order_id").as_string())));
            }
        });
    }
    writers.emplace_back([&] {
        auto shop_store = server_->open_second_store();  // the storefront's own handle
        store::OrderInput order;
        order.origin = store::OrderOrigin::Shop;
        store::OrderLineInput line;
        line.product_id = simple_id_;
        line.name = "Sklep";
        line.unit_price = *core::Money::parse("10.00");
        order.lines = {line};
        store::AddOrderOptions options;
        options.actor = "storefront";
        for (int i = 0; i < kShopOrders; ++i) {
            const auto result = shop_store->orders().create_shop_order(order, options, 1764370800);
            std::lock_guard lock(answers_mutex);
            answered.insert(result.order_id);
        }
    });
    for (auto& writer : writers) writer.join();
    writers_done = true;
    for (auto& poller : pollers) poller.join();

    ASSERT_EQ(answered.size(), std::size_t(kClients * kOrdersPerClient + kShopOrders));
    ASSERT_EQ(order_count(), std::int64_t(answered.size()));
    const std::vector<store::Id> all(answered.begin(), answered.end());
    for (int p = 0; p < kPollers; ++p) {
        EXPECT_EQ(seen[p], all) << "poller " << p << " saw " << seen[p].size() << " of "
                                << all.size();
    }
    // 240 orders of one unit each against a stock of 10: exactly 10 taken, the rest oversold.
    EXPECT_EQ(stock(simple_id_), 0);
    std::int64_t taken = 0, oversold = 0;
    const auto page = second_->orders().orders_page(store::OrderQuery{}, store::Slice{0, 1000});
    for (const auto& order : page.orders) {
        for (const auto& line : order.lines) {
            taken += line.stock_taken;
            oversold += line.oversold;
        }
    }
    EXPECT_EQ(taken, kStartStock);
    EXPECT_EQ(oversold, std::int64_t(all.size()) - kStartStock);
}

}  // namespace
}  // namespace order_test

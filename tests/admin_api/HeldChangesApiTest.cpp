// /held-changes: staff see what the mass-change guard held, apply it (exactly the held entries)
// or discard it, once; the dashboard's health warns while a batch waits.
#include "AdminApiFixture.h"
#include "support/Must.h"

namespace admin_test {
namespace {

namespace json = boost::json;

class HeldChangesApi : public AdminApiTest {
  protected:
    void SetUp() override {
        AdminApiTest::SetUp();
        store::ImportBatch batch;
        for (int i = 1; i <= 4; ++i) {
            store::ImportProduct p;
            p.external_id = "P" + std::to_string(i);
            p.name = "Produkt " + std::to_string(i);
            p.price = core::Money::from_minor(1000);
            p.stock = 5;
            batch.products.push_back(p);
        }
        auto s = db();
        must(s->catalog().import(batch, nullptr, nullptr));
        // Two of four products to 0, under a guard that holds more than a quarter.
        store::GuardRules rules;
        rules.zeroed_share_percent = 25;
        rules.zeroed_min_entries = 1;
        const std::vector<store::StockChange> changes = {{0, 1, 0, store::StockOp::Set, 0},
                                                         {1, 2, 0, store::StockOp::Set, 0}};
        auto r = s->held_changes().submit_stock(changes, rules, unix_now());
        ASSERT_TRUE(r.held);
        held_id_ = r.held->id;
    }
    std::string path(const std::string& tail = "") {
        return "/held-changes/" + std::to_string(held_id_) + tail;
    }
    std::int64_t stock(store::Id id) {
        const store::Id ids[] = {id};
        return db()->catalog().product_details(ids, {}).at(0).quantity;
    }
    store::Id held_id_ = 0;
};

TEST_F(HeldChangesApi, ListsTheHeldBatchWithItsFiguresAndEntries) {
    auto api = with_token();
    auto list = api.get("/held-changes");
    ASSERT_EQ(list.status, 200) << list.body;
    const auto body = list.json();
    const auto& items = body.at("items").as_array();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].at("summary"), "2 of 4 active products would be set to 0");
    EXPECT_EQ(items[0].at("state"), "held");
    EXPECT_EQ(items[0].at("kind"), "stock");
    EXPECT_TRUE(items[0].at("decided_by").is_null());

    auto one = api.get(path());
    ASSERT_EQ(one.status, 200) << one.body;
    EXPECT_EQ(one.json().at("entries"),
              json::parse(R"([{"entry":0,"product_id":1,"variant_id":0,"operation":"set",
                  "quantity":0},{"entry":1,"product_id":2,"variant_id":0,"operation":"set",
                  "quantity":0}])"));
    EXPECT_EQ(api.get("/held-changes/999").status, 404);
    EXPECT_EQ(api.get("/held-changes?state=sideways").status, 422);

    bool warned = false;
    const auto health = api.get("/health").json();
    for (const auto& w : health.at("warnings").as_array())
        warned = warned || w.at("code") == "mass_change_held";
    EXPECT_TRUE(warned);
}

TEST_F(HeldChangesApi, ApplyingAppliesTheEntriesOnceAndRecordsWho) {
    auto api = with_token();
    EXPECT_EQ(stock(1), 5);
    auto applied = api.post(path("/apply"));
    ASSERT_EQ(applied.status, 200) << applied.body;
    EXPECT_EQ(applied.json().at("state"), "applied");
    EXPECT_EQ(applied.json().at("applied"), 2);
    EXPECT_EQ(applied.json().at("decided_by"), "admin:anna");
    EXPECT_EQ(stock(1), 0);
    EXPECT_EQ(stock(2), 0);
    EXPECT_EQ(stock(3), 5);

    auto again = api.post(path("/apply"));
    EXPECT_EQ(again.status, 409) << again.body;
    EXPECT_EQ(api.post(path("/discard")).status, 409);
    EXPECT_EQ(api.post("/held-changes/999/apply").status, 404);
    EXPECT_NE(logs().find("anna applied held change"), std::string::npos);
    EXPECT_TRUE(api.get("/held-changes").json().at("items").as_array().empty());
    EXPECT_EQ(api.get("/held-changes?state=all").json().at("items").as_array().size(), 1u);
}

TEST_F(HeldChangesApi, DiscardingChangesNothing) {
    auto api = with_token();
    auto discarded = api.post(path("/discard"));
    ASSERT_EQ(discarded.status, 200) << discarded.body;
    EXPECT_EQ(discarded.json().at("state"), "discarded");
    EXPECT_EQ(stock(1), 5);
    EXPECT_EQ(api.post(path("/apply")).status, 409);
}

}  // namespace
}  // namespace admin_test

// A large import is written in short transactions (StoreOptions::import_chunk) after a check of
// the whole batch: BaseLinker's writes go through while it runs, a bad file still changes
// nothing, and an import cut short is completed by importing the same file again.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>

#include "OrdersTest.h"
#include "records/Demo.h"
#include "store/engine/EngineStore.h"

using namespace store_tests;
using store::engine::Faults;
using testing_support::TempDb;

namespace {

constexpr std::int64_t kMugStock = 1'000'000;

// One product the shop sells while the import runs (the demo's external ids are p1, p2...).
store::ImportBatch shop_mug() {
    store::ImportBatch batch;
    store::ImportProduct mug;
    mug.external_id = "shop-mug";
    mug.sku = "SHOP-MUG";
    mug.name = "Kubek sklepowy";
    mug.price = zl(1500);
    mug.stock = kMugStock;
    batch.products.push_back(mug);
    return batch;
}

class ImportChunks : public testing::Test {
  protected:
    static store::StoreOptions small_chunks() {
        auto options = TempDb::test_options();
        options.import_chunk = 100;  // many chunks from a few thousand records
        return options;
    }
    void SetUp() override {
        mug_ = must(store_->catalog().save_product(std::nullopt, shop_mug().products[0]));
    }

    store::Catalog& catalog() { return store_->catalog(); }
    std::int64_t mug_stock() {
        std::vector<store::Id> ids{mug_};
        return catalog().product_details(ids, {}).at(0).quantity;
    }
    std::int64_t order_count(store::Store& s) { return s.orders().orders_page({}, {0, 1}).total; }
    store::engine::Port& port() {
        return dynamic_cast<store::engine::EngineStore&>(*store_).port();
    }

    TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init(small_chunks());
    store::Id mug_ = 0;
};

// BaseLinker's side: another process (its own store on the same database) adds orders, one
// mug each, until told to stop.
struct Connector {
    explicit Connector(std::unique_ptr<store::Store> s) : store(std::move(s)) {}

    void run(store::Id mug) {
        store::AddOrderOptions options;
        options.actor = "baselinker";
        for (std::int64_t id = 1; !stop; ++id) {
            try {
                auto added = store->orders().add_baselinker_order(bl_order(id, {line(mug, 0, 1)}),
                                                                  std::nullopt, options, kNow);
                if (added.kind == store::AddOrderResult::Kind::Created)
                    ++orders;
                else
                    ++errors;
            } catch (const std::exception& e) {
                ++errors;
                ADD_FAILURE() << "OrderAdd during the import: " << e.what();
            }
            ++attempts;
        }
    }

    std::unique_ptr<store::Store> store;
    std::atomic<bool> stop{false};
    std::atomic<std::int64_t> orders{0}, errors{0}, attempts{0};
};

// Between two chunks the import waits until the connector has finished one more order: every
// chunk boundary sees connector writes, whatever the machine's speed.
struct Interleave {
    Connector* connector;
    std::int64_t seen = 0;
    int boundaries = 0;

    static void on_progress(void* self, std::int64_t done, std::int64_t total) {
        auto& me = *static_cast<Interleave*>(self);
        if (done == 0 || done == total) return;
        ++me.boundaries;
        while (me.connector->attempts.load() <= me.seen) std::this_thread::yield();
        me.seen = me.connector->attempts.load();
    }
};

TEST_F(ImportChunks, OrdersAddedDuringALargeImportAllSucceed) {
    const auto batch = records::make_demo_batch(5000);
    Connector connector(db_.open(small_chunks()));
    std::thread bl([&] { connector.run(mug_); });
    Interleave interleave{&connector};
    auto summary = catalog().import(batch, &Interleave::on_progress, &interleave);
    connector.stop = true;
    bl.join();

    ASSERT_TRUE(summary) << summary.status().text();
    EXPECT_EQ(summary->products_created, 5000);
    EXPECT_EQ(catalog().product_count(), 5001);
    EXPECT_GE(interleave.boundaries, 49);  // 5000 records, 100 a chunk
    EXPECT_EQ(connector.errors, 0);
    EXPECT_GE(connector.orders, interleave.boundaries);
    EXPECT_EQ(order_count(*store_), connector.orders);
    EXPECT_EQ(mug_stock(), kMugStock - connector.orders);
}

TEST_F(ImportChunks, ABadRecordNearTheEndChangesNothing) {
    auto batch = records::make_demo_batch(3000);
    batch.products[2990].category_external_id = "no-such-category";  // known only to the database
    auto refused = catalog().import(batch, nullptr, nullptr);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.status().field(), "products record 2991");
    EXPECT_NE(refused.status().text().find("unknown category no-such-category"), std::string::npos);
    EXPECT_EQ(catalog().product_count(), 1);

    // A key the database holds (the shop's own mug's SKU) taken by a record near the end.
    batch = records::make_demo_batch(3000);
    batch.products[2995].sku = "SHOP-MUG";
    refused = catalog().import(batch, nullptr, nullptr);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.status().field(), "products record 2996");
    EXPECT_EQ(catalog().product_count(), 1);
    EXPECT_EQ(catalog().active_category_paths().size(), 0u);  // the categories were not written
}

TEST_F(ImportChunks, AnInterruptedImportIsCompletedByImportingTheFileAgain) {
    const auto batch = records::make_demo_batch(3000);
    auto faults = std::make_shared<Faults>();
    port().inject(faults);
    // Chunks 1..12 commit; the 13th fails as a lost database would make it fail.
    faults->fail_statement_after(12, "INSERT INTO products (", Faults::Kind::Error);
    EXPECT_THROW(catalog().import(batch, nullptr, nullptr), store::StoreError);
    port().inject(nullptr);
    EXPECT_EQ(faults->fired(), 1);

    // Whole chunks only, each product with its variants and their stock.
    EXPECT_EQ(catalog().product_count(), 1 + 12 * 100);
    auto page = catalog().list_products({}, {0, 2000});
    std::vector<store::Id> ids;
    for (const auto& p : page.rows) ids.push_back(p.id);
    for (const auto& d : catalog().product_details(ids, {})) {
        if (d.variants.empty()) continue;
        std::int64_t sum = 0;
        for (const auto& v : d.variants) sum += v.quantity;
        EXPECT_EQ(d.quantity, sum) << d.id;
    }

    auto completed = must(catalog().import(batch, nullptr, nullptr));
    EXPECT_EQ(completed.products_updated, 1200);
    EXPECT_EQ(completed.products_created, 1800);
    EXPECT_EQ(catalog().product_count(), 3001);

    // Once more: what is there stays as it is.
    auto again = must(catalog().import(batch, nullptr, nullptr));
    EXPECT_EQ(again.products_created, 0);
    EXPECT_EQ(again.variants_created, 0);
    EXPECT_EQ(again.variants_removed, 0);
    EXPECT_EQ(catalog().product_count(), 3001);
}

}  // namespace

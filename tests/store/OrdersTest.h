#pragma once
// Shared fixture of the order store tests: the small shop catalogue in a fresh database file and
// helpers to build orders and read stock back.
#include <gtest/gtest.h>

#include "SmallShop.h"
#include "store/Store.h"
#include "support/Must.h"
#include "support/TempDb.h"

namespace store_tests {

constexpr std::int64_t kNow = 1'760'000'000;  // fixed clock: 2025-10-09 UTC

inline store::OrderLineInput line(std::optional<store::Id> product, store::Id variant,
                                  std::int64_t quantity, std::int64_t price_minor = 1000) {
    store::OrderLineInput l;
    l.product_id = product;
    l.variant_id = variant;
    l.quantity = quantity;
    l.unit_price = zl(price_minor);
    l.name = "line";
    return l;
}

inline store::OrderLineInput coded(std::string sku, std::string ean, std::int64_t quantity) {
    store::OrderLineInput l = line(std::nullopt, 0, quantity);
    l.sku = std::move(sku);
    l.ean = std::move(ean);
    return l;
}

inline store::OrderInput bl_order(std::optional<std::int64_t> baselinker_id,
                                  std::vector<store::OrderLineInput> lines) {
    store::OrderInput o;
    o.origin = store::OrderOrigin::BaseLinker;
    o.baselinker_id = baselinker_id;
    o.lines = std::move(lines);
    o.delivery.fullname = "Jan Kowalski";
    o.email = "jan@example.pl";
    return o;
}

class OrdersTest : public testing::Test {
  protected:
    void SetUp() override {
        must(store_->catalog().import(small_shop(), nullptr, nullptr));
        auto koszulka = detail(3);
        red_ = koszulka.variants.at(0).id;   // stock 3
        blue_ = koszulka.variants.at(1).id;  // stock 4
        options_.actor = "baselinker";
    }
    store::ProductDetail detail(store::Id id) {
        std::vector<store::Id> ids{id};
        return store_->catalog().product_details(ids, {}).at(0);
    }
    // Stock of a product without variants (variant 0) or of one variant.
    std::int64_t stock(store::Id product, store::Id variant = 0) {
        auto d = detail(product);
        if (variant == 0) return d.quantity;
        for (const auto& v : d.variants)
            if (v.id == variant) return v.quantity;
        ADD_FAILURE() << "no variant " << variant;
        return -1;
    }
    store::Orders& orders() { return store_->orders(); }
    store::AddOrderResult add(const store::OrderInput& o,
                              std::optional<store::Id> previous = std::nullopt) {
        return orders().add_baselinker_order(o, previous, options_, kNow);
    }
    store::Order get(store::Id id) {
        auto d = orders().order_detail(id);
        EXPECT_TRUE(d.has_value()) << id;
        return d.value_or(store::Order{});
    }
    std::int64_t order_count() { return orders().orders_page({}, {0, 1}).total; }

    testing_support::TempDb db_;
    std::unique_ptr<store::Store> store_ = db_.init();
    store::AddOrderOptions options_;
    store::Id red_ = 0, blue_ = 0;
};

}  // namespace store_tests

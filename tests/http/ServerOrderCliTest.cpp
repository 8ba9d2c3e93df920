// `blconnect order ...` end to end: the real binary on a temporary database. What staff do from
// the command line must show in `order show` and in what OrdersGet reads (orders_page).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>

#include <sqlite3.h>

#include "support/TempDb.h"

namespace {

struct Outcome {
    int code = -1;
    std::string output;  // stdout and stderr
};

Outcome run(const std::string& args) {
    std::string command = std::string(BLCONNECT_BINARY) + " " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    Outcome out;
    std::array<char, 4096> buffer{};
    while (auto n = fread(buffer.data(), 1, buffer.size(), pipe))
        out.output.append(buffer.data(), n);
    out.code = WEXITSTATUS(pclose(pipe));
    return out;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string source_file(const std::string& relative) {
    return std::string(BLCONNECT_SOURCE_DIR) + "/" + relative;
}

// A shop with the import example's catalogue: KUB-1 (product 1, stock 25), KOSZ-1 with variants
// KOSZ-1-M (stock 4) and KOSZ-1-XL (stock 3).
class OrderCli : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run("init --db " + db_).code, 0);
        auto import = run("import " + source_file("examples/import-example.json") + " --db " + db_);
        ASSERT_EQ(import.code, 0) << import.output;
    }

    Outcome order(const std::string& args) { return run("order " + args + " --db " + db_); }

    std::string write(const std::string& name, const std::string& text) {
        std::string path = (temp_.dir() / name).string();
        std::ofstream(path) << text;
        return path;
    }

    std::unique_ptr<store::Store> open() { return temp_.open(); }

    // What OrdersGet sees: the order as orders_page returns it.
    store::Order as_polled(store::Id id) {
        store::OrderQuery query;
        query.order_id = id;
        auto page = open()->orders().orders_page(query, store::Slice{0, 100});
        EXPECT_EQ(page.orders.size(), 1u);
        return page.orders.empty() ? store::Order{} : page.orders[0];
    }

    std::int64_t order_count() { return open()->orders().orders_page({}, {0, 1}).total; }

    std::int64_t stock_of_product(store::Id id) {
        store::DetailParts parts;
        parts.images = parts.features = false;
        auto details = open()->catalog().product_details(std::span<const store::Id>(&id, 1), parts);
        return details.empty() ? -1 : details[0].quantity;
    }

    testing_support::TempDb temp_;
    std::string db_ = temp_.path();
};

TEST_F(OrderCli, CreatedOrderAppearsInListShowAndOrdersGet) {
    auto created = order("create " + source_file("examples/order-example.json"));
    ASSERT_EQ(created.code, 0) << created.output;
    EXPECT_TRUE(
        contains(created.output, "order 1 created: 3 line(s), total 82.98 PLN, status Nowe, paid"))
        << created.output;
    EXPECT_TRUE(contains(created.output,
                         "line 1: Kubek ceramiczny 300 ml x 2: product 1, stock "
                         "taken 2"))
        << created.output;
    EXPECT_TRUE(contains(created.output, "line 3: Rabat -10 zł x 1: free line, no stock taken"))
        << created.output;
    EXPECT_EQ(stock_of_product(1), 23);

    auto list = order("list");
    EXPECT_EQ(list.code, 0);
    EXPECT_TRUE(contains(list.output, "Anna Kowalska")) << list.output;
    EXPECT_TRUE(contains(list.output, "82.98 PLN")) << list.output;
    EXPECT_TRUE(contains(list.output, "shop")) << list.output;
    EXPECT_TRUE(contains(order("list --origin baselinker").output, "(no orders)"));
    EXPECT_TRUE(contains(order("list --paid 0").output, "(no orders)"));
    EXPECT_TRUE(contains(order("list --status Nowe --paid 1").output, "Anna Kowalska"));

    auto show = order("show 1");
    EXPECT_EQ(show.code, 0);
    for (const char* part :
         {"placed in the shop", "Nowe", "BLIK (id 3)", "InPost Paczkomaty 24/7 (id 1), 12.99 PLN",
          "Anna Kowalska, ul. Długa 5/3, 31-147 Kraków, Polska (PL)", "tax id 6762461659", "KRA01M",
          "Proszę o staranne zapakowanie", "Kubek ceramiczny 300 ml", "Pakowanie: na prezent",
          "-10.00", "total: 82.98 PLN (lines 69.99 + delivery 12.99)", "by cli"}) {
        EXPECT_TRUE(contains(show.output, part)) << part << "\n" << show.output;
    }

    auto polled = as_polled(1);
    EXPECT_EQ(polled.origin, store::OrderOrigin::Shop);
    EXPECT_EQ(polled.status_id, 1);
    EXPECT_TRUE(polled.paid);
    EXPECT_EQ(polled.total().format(), "82.98");
    EXPECT_EQ(polled.lines.size(), 3u);
}

TEST_F(OrderCli, OversoldLinesAreShownToStaff) {
    auto file = write("big.json", R"({"email":"jan@example.pl","lines":[
        {"sku":"KOSZ-1-XL","name":"Koszulka XL","price":"54.99","quantity":5}]})");
    auto created = order("create " + file);
    ASSERT_EQ(created.code, 0) << created.output;
    EXPECT_TRUE(contains(created.output, "stock taken 3, OVERSOLD 2")) << created.output;
    EXPECT_TRUE(contains(order("show 1").output, "OVERSOLD 2"));
}

TEST_F(OrderCli, StaffChangesShowInShowAndInOrdersGet) {
    ASSERT_EQ(order("create " + source_file("examples/order-example.json")).code, 0);

    auto status = order("status 1 anulowane");
    EXPECT_EQ(status.code, 0) << status.output;
    EXPECT_TRUE(
        contains(status.output, "order 1: status Nowe → Anulowane; stock returned: 3 unit(s)"))
        << status.output;
    EXPECT_EQ(stock_of_product(1), 25);
    EXPECT_EQ(as_polled(1).status_id, 6);
    auto again = order("status 1 6");
    EXPECT_TRUE(contains(again.output, "order 1: status already Anulowane; nothing changed"))
        << again.output;
    auto revived = order("status 1 2");
    EXPECT_TRUE(contains(revived.output, "Anulowane → W realizacji; stock taken again: 3 unit(s)"))
        << revived.output;
    EXPECT_EQ(stock_of_product(1), 23);
    auto twice = order("status 1 6");
    EXPECT_TRUE(contains(twice.output, "; stock returned: 3 unit(s)")) << twice.output;
    EXPECT_EQ(stock_of_product(1), 25);  // once per transition, however often it is toggled
    EXPECT_TRUE(contains(order("show 1").output, "revived by cli")) << order("show 1").output;

    auto ship = order("ship 1 --number 623000111 --carrier InPost --url https://inpost.pl/t/1");
    EXPECT_EQ(ship.code, 0);
    EXPECT_TRUE(contains(ship.output, "order 1: shipment 623000111 (InPost) added")) << ship.output;
    EXPECT_TRUE(contains(order("ship 1 --number 623000111").output, "already on the order"));
    auto polled = as_polled(1);
    ASSERT_TRUE(polled.latest_shipment.has_value());
    EXPECT_EQ(polled.latest_shipment->number, "623000111");
    EXPECT_EQ(polled.latest_shipment->carrier, "InPost");

    auto unpaid = order("paid 1 --unpaid");
    EXPECT_TRUE(contains(unpaid.output, "order 1: paid → unpaid")) << unpaid.output;
    EXPECT_FALSE(as_polled(1).paid);
    EXPECT_EQ(as_polled(1).paid_time, 0);
    EXPECT_TRUE(contains(order("paid 1").output, "order 1: unpaid → paid"));
    EXPECT_TRUE(as_polled(1).paid);
    EXPECT_GT(as_polled(1).paid_time, 0);
    EXPECT_TRUE(contains(order("paid 1").output, "already paid; nothing changed"));

    auto comment = order("comment 1 'Klient dzwonił: zmiana adresu'");
    EXPECT_EQ(comment.code, 0);
    EXPECT_TRUE(contains(as_polled(1).admin_comments, "Klient dzwonił: zmiana adresu"));

    auto show = order("show 1");
    for (const char* part : {"623000111  InPost  https://inpost.pl/t/1", "Nowe → Anulowane",
                             "Anulowane → W realizacji", "Klient dzwonił", "paid:           yes"}) {
        EXPECT_TRUE(contains(show.output, part)) << part << "\n" << show.output;
    }
}

TEST_F(OrderCli, UnknownOrderOrStatusExitsOne) {
    ASSERT_EQ(order("create " + source_file("examples/order-example.json")).code, 0);
    for (const char* args :
         {"show 999", "status 999 1", "ship 999 --number X", "paid 999", "comment 999 hello"}) {
        auto r = order(args);
        EXPECT_EQ(r.code, 1) << args;
        EXPECT_TRUE(contains(r.output, "unknown order 999")) << args << ": " << r.output;
    }
    auto status = order("status 1 99");
    EXPECT_EQ(status.code, 1);
    EXPECT_TRUE(contains(status.output, "unknown status 99 (known: 1 Nowe")) << status.output;
    EXPECT_EQ(order("status 1 Zaginione").code, 1);
    EXPECT_EQ(order("list --status 99").code, 1);
    EXPECT_EQ(as_polled(1).status_id, 1);
}

TEST_F(OrderCli, BadFileNamesTheFieldAndWritesNothing) {
    auto bad = write("bad.json", R"({"lines":[{"product_id":1,"name":"Kubek","price":"12.50",
        "quantity":2},{"name":"B","price":"12,50","quantity":1}]})");
    auto r = order("create " + bad);
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(contains(r.output,
                         "line 2: price: not a price with at most 2 decimals; nothing "
                         "was written"))
        << r.output;

    auto unknown_status = write("status.json", R"({"status_id":42,"lines":[
        {"product_id":1,"name":"Kubek","price":"12.50","quantity":2}]})");
    r = order("create " + unknown_status);
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(contains(r.output, "status_id: unknown status 42")) << r.output;

    auto unknown_method = write("method.json", R"({"delivery_method":{"id":77},"lines":[
        {"product_id":1,"name":"Kubek","price":"12.50","quantity":2}]})");
    r = order("create " + unknown_method);
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(contains(r.output, "delivery_method.id: unknown id 77")) << r.output;

    EXPECT_EQ(order_count(), 0);
    EXPECT_EQ(stock_of_product(1), 25);
    EXPECT_TRUE(contains(order("list").output, "(no orders)"));
}

// `blconnect stock audit`: clean after the CLI's own changes; a line that says it holds more than
// its ledger (a hand edit of the database) is reported and the exit status is 1.
TEST_F(OrderCli, StockAuditReportsAnOrderWhoseLinesDisagreeWithItsLedger) {
    ASSERT_EQ(order("create " + source_file("examples/order-example.json")).code, 0);
    ASSERT_EQ(order("status 1 6").code, 0);
    ASSERT_EQ(order("status 1 1").code, 0);
    auto clean = run("stock audit --db " + db_);
    EXPECT_EQ(clean.code, 0) << clean.output;
    EXPECT_TRUE(contains(clean.output,
                         "stock audit: 1 order(s), 6 ledger entries: every order"
                         " holds what its ledger says"))
        << clean.output;

    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "UPDATE order_lines SET stock_taken = 5 WHERE position = 0", nullptr,
                           nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    auto dirty = run("stock audit --db " + db_);
    EXPECT_EQ(dirty.code, 1) << dirty.output;
    EXPECT_TRUE(
        contains(dirty.output, "order 1: product 1: the ledger says it holds 2, its lines say 5"))
        << dirty.output;
    EXPECT_TRUE(contains(dirty.output, "1 difference(s)")) << dirty.output;
}

}  // namespace

namespace {

// `blconnect held ...`: the batches the mass-change guard held, decided from the command line.
class HeldCli : public OrderCli {
  protected:
    Outcome held(const std::string& args) { return run("held " + args + " --db " + db_); }
    // KUB-1 (product 1) to 0: held under a guard that holds any zeroing.
    store::Id hold_one() {
        store::GuardRules rules;
        rules.zeroed_share_percent = 1;
        rules.zeroed_min_entries = 1;
        const store::StockChange zero{0, 1, 0, store::StockOp::Set, 0};
        auto r = open()->held_changes().submit_stock({&zero, 1}, rules, 1'800'000'000);
        EXPECT_TRUE(r.held);
        return r.held ? r.held->id : 0;
    }
};

TEST_F(HeldCli, ListApplyAndDiscardWithExitCodes) {
    const auto first = std::to_string(hold_one());
    auto list = held("list");
    EXPECT_EQ(list.code, 0) << list.output;
    EXPECT_TRUE(contains(list.output, "#" + first + "  held  stock")) << list.output;
    EXPECT_TRUE(contains(list.output, "active products would be set to 0")) << list.output;

    auto applied = held("apply " + first);
    EXPECT_EQ(applied.code, 0) << applied.output;
    EXPECT_TRUE(contains(applied.output, "held change " + first + " applied: 1 entries applied"))
        << applied.output;
    EXPECT_EQ(stock_of_product(1), 0);
    auto again = held("apply " + first);
    EXPECT_EQ(again.code, 1) << again.output;
    EXPECT_TRUE(contains(again.output, "was already applied")) << again.output;
    EXPECT_TRUE(contains(held("list --state all").output, "cli")) << "decided by the CLI";

    auto unknown = held("discard 999");
    EXPECT_EQ(unknown.code, 1);
    EXPECT_TRUE(contains(unknown.output, "no held change 999")) << unknown.output;
}

TEST_F(HeldCli, DiscardLeavesTheStockAlone) {
    const auto before = stock_of_product(1);
    const auto id = std::to_string(hold_one());
    auto discarded = held("discard " + id);
    EXPECT_EQ(discarded.code, 0) << discarded.output;
    EXPECT_EQ(stock_of_product(1), before);
    EXPECT_TRUE(contains(held("list").output, "no held batches"));
}

}  // namespace

namespace {

// The order inbox from the command line: `order held`, `order bind`, `order release`, and what
// `order show` and `order status` say of a held order.
class InboxCli : public OrderCli {
  protected:
    // BaseLinker order 4711: line 1 names nothing in the catalogue (held), line 2 is KUB-1.
    std::string add_held_order() {
        store::OrderInput input;
        input.origin = store::OrderOrigin::BaseLinker;
        input.baselinker_id = 4711;
        input.delivery.fullname = "Jan Nowak";
        input.request = R"({"baselinker_id":"4711",)"
                        R"("products":"[{\"name\":\"Nieznany kubek\"},{\"id\":\"1\"}]"})";
        store::OrderLineInput unknown, mug;
        unknown.sku = "NIE-MA";
        unknown.name = "Nieznany kubek";
        unknown.unit_price = *core::Money::parse("10.00");
        unknown.quantity = 2;
        mug.product_id = 1;
        mug.name = "Kubek";
        mug.unit_price = *core::Money::parse("12.50");
        input.lines = {unknown, mug};
        store::AddOrderOptions options;
        options.unknown_products = store::UnknownProducts::Hold;
        const auto added =
            open()->orders().add_baselinker_order(input, std::nullopt, options, 1'800'000'000);
        EXPECT_EQ(added.kind, store::AddOrderResult::Kind::Held);
        return std::to_string(added.order_id);
    }
};

TEST_F(InboxCli, AHeldOrderIsListedBoundAndReleasedTakingItsStockThen) {
    const auto id = add_held_order();
    auto held = order("held");
    EXPECT_EQ(held.code, 0) << held.output;
    for (const std::string& part :
         {"order " + id + "  BaseLinker 4711", std::string("Jan Nowak"),
          std::string("line 1: no catalogue product"), std::string("(must be resolved)")}) {
        EXPECT_TRUE(contains(held.output, part)) << part << "\n" << held.output;
    }
    auto show = order("show " + id);
    EXPECT_EQ(show.code, 0) << show.output;
    for (const char* part :
         {"ON HOLD since", "line 1: no catalogue product", "OPEN, must be resolved",
          "request as received: 2 fields", "line 1 as sent: {\"name\":\"Nieznany kubek\"}"}) {
        EXPECT_TRUE(contains(show.output, part)) << part << "\n" << show.output;
    }
    EXPECT_EQ(stock_of_product(1), 25) << "a held order takes no stock";

    auto moved = order("status " + id + " Wysłane");
    EXPECT_EQ(moved.code, 1) << moved.output;
    EXPECT_TRUE(contains(moved.output, "is on hold")) << moved.output;
    EXPECT_TRUE(contains(moved.output, "order release " + id)) << moved.output;
    auto early = order("release " + id);
    EXPECT_EQ(early.code, 1) << early.output;

    auto bound = order("bind " + id + " 1 --product 1 --quantity 3");
    EXPECT_EQ(bound.code, 0) << bound.output;
    EXPECT_TRUE(contains(bound.output, "order " + id + " line 1 corrected")) << bound.output;
    EXPECT_TRUE(contains(bound.output, "nothing blocks the release now")) << bound.output;

    auto released = order("release " + id);
    EXPECT_EQ(released.code, 0) << released.output;
    EXPECT_TRUE(
        contains(released.output, "order " + id + " released: status Nowe; stock taken: 4 unit(s)"))
        << released.output;
    EXPECT_EQ(stock_of_product(1), 21);
    EXPECT_EQ(as_polled(std::stoll(id)).status_id, 1);
    EXPECT_TRUE(contains(order("held").output, "no orders on hold"));
    EXPECT_TRUE(contains(order("show " + id).output, "released")) << "the hold stays on record";
}

TEST_F(InboxCli, BindRefusesWhatCannotBeAppliedAndChangesNothing) {
    const auto id = add_held_order();
    const auto before = order("show " + id).output;
    for (const char* args :
         {" 1", " 1 --price 1.234", " 1 --quantity 0", " 9 --quantity 2", " 1 --product 999999"}) {
        auto refused = order("bind " + id + args);
        EXPECT_EQ(refused.code, 1) << args << "\n" << refused.output;
        EXPECT_TRUE(contains(refused.output, "blconnect: ")) << args << "\n" << refused.output;
    }
    EXPECT_NE(order("bind " + id + " 1 --product 1 --free").code, 0) << "one or the other";
    EXPECT_EQ(order("show " + id).output, before);
    EXPECT_TRUE(contains(order("bind " + id + " 1").output, "nothing to correct"));
}

}  // namespace

// /journal: the connector's request journal, newest first, with filters, cursor paging and the
// recorded detail of one entry.
#include "AdminApiFixture.h"
#include "journal/Writer.h"

namespace admin_test {
namespace {

namespace json = boost::json;

class Journal : public AdminApiTest {
  protected:
    // Five entries at 1000..5000 ms: ok, error, ok, error, ok; actions alternate.
    void SetUp() override {
        AdminApiTest::SetUp();
        std::vector<store::JournalEntry> entries;
        for (int i = 1; i <= 5; ++i) {
            store::JournalEntry e;
            e.at_ms = i * 1000;
            e.request_id = "r" + std::to_string(i);
            e.client = "10.0.0." + std::to_string(i);
            e.action = i % 2 == 1 ? "OrdersGet" : "ProductsList";
            e.outcome = i % 2 == 1 ? "ok" : "invalid_parameter";
            e.duration_us = 100 * i;
            e.response_bytes = 10 * i;
            e.detail = i == 1 ? R"({"orders":[1,2]})" : (i == 2 ? "not json {" : "");
            entries.push_back(e);
        }
        db()->journal().append(entries);
        api_ = with_token();
    }

    // The request ids of a page's items, in order.
    std::vector<std::string> ids_of(const Reply& reply) {
        std::vector<std::string> out;
        EXPECT_EQ(reply.status, 200) << reply.body;
        const auto body = reply.json();
        for (const auto& item : body.at("items").as_array())
            out.emplace_back(item.at("request_id").as_string());
        return out;
    }
    std::int64_t id_of(const std::string& request_id) {
        const auto body = api_.get("/journal").json();
        for (const auto& item : body.at("items").as_array())
            if (item.at("request_id") == request_id.c_str()) return item.at("id").as_int64();
        return 0;
    }

    AdminClient api_{0};
};

using Ids = std::vector<std::string>;

TEST_F(Journal, ListsNewestFirstWithEveryField) {
    auto reply = api_.get("/journal");
    EXPECT_EQ(ids_of(reply), (Ids{"r5", "r4", "r3", "r2", "r1"}));
    auto first = reply.json().at("items").at(0).as_object();
    EXPECT_EQ(first.at("at_ms"), 5000);
    EXPECT_EQ(first.at("client"), "10.0.0.5");
    EXPECT_EQ(first.at("action"), "OrdersGet");
    EXPECT_EQ(first.at("duration_us"), 500);
    EXPECT_EQ(first.at("http_status"), 200);
    EXPECT_EQ(first.at("outcome"), "ok");
    EXPECT_EQ(first.at("response_bytes"), 50);
    EXPECT_TRUE(first.at("id").is_int64());
    EXPECT_FALSE(first.contains("detail"));
    EXPECT_TRUE(reply.json().at("next_cursor").is_null());
}

TEST_F(Journal, Filters) {
    EXPECT_EQ(ids_of(api_.get("/journal?action=ProductsList")), (Ids{"r4", "r2"}));
    EXPECT_EQ(ids_of(api_.get("/journal?errors=true")), (Ids{"r4", "r2"}));
    EXPECT_EQ(ids_of(api_.get("/journal?outcome=ok")), (Ids{"r5", "r3", "r1"}));
    EXPECT_EQ(ids_of(api_.get("/journal?from=2000&to=4000")), (Ids{"r4", "r3", "r2"}));
    EXPECT_EQ(ids_of(api_.get("/journal?action=OrdersGet&from=2000")), (Ids{"r5", "r3"}));
}

TEST_F(Journal, PagesWithTheCursorUntilNull) {
    Ids seen;
    std::string path = "/journal?limit=2";
    int pages = 0;
    while (true) {
        auto reply = api_.get(path);
        auto page = ids_of(reply);
        seen.insert(seen.end(), page.begin(), page.end());
        ++pages;
        const auto cursor = reply.json().at("next_cursor");
        if (cursor.is_null()) break;
        ASSERT_LT(pages, 5);
        path = "/journal?limit=2&cursor=" + std::string(cursor.as_string());
    }
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(seen, (Ids{"r5", "r4", "r3", "r2", "r1"}));
}

TEST_F(Journal, AFullLastPageHasNoCursor) {
    auto reply = api_.get("/journal?limit=5");
    EXPECT_EQ(ids_of(reply).size(), 5u);
    EXPECT_TRUE(reply.json().at("next_cursor").is_null());
}

TEST_F(Journal, BadParametersNameTheParameter) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"limit=0", "limit"},     {"limit=201", "limit"},     {"limit=x", "limit"},
        {"cursor=abc", "cursor"}, {"cursor=-1", "cursor"},    {"from=yesterday", "from"},
        {"to=1.5", "to"},         {"errors=maybe", "errors"},
    };
    for (const auto& [query, field] : cases) {
        auto reply = api_.get("/journal?" + query);
        EXPECT_EQ(reply.status, 422) << query;
        EXPECT_EQ(reply.error_field(), field) << query;
    }
}

TEST_F(Journal, EntryEmbedsJsonDetailAsJson) {
    auto reply = api_.get("/journal/" + std::to_string(id_of("r1")));
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json().at("detail"), json::parse(R"({"orders":[1,2]})"));
    EXPECT_EQ(reply.json().at("request_id"), "r1");
}

TEST_F(Journal, EntryShowsOtherDetailAsTextAndNoneAsNull) {
    EXPECT_EQ(api_.get("/journal/" + std::to_string(id_of("r2"))).json().at("detail"),
              "not json {");
    EXPECT_TRUE(api_.get("/journal/" + std::to_string(id_of("r3"))).json().at("detail").is_null());
}

TEST_F(Journal, UnknownEntryIs404) {
    for (const char* path : {"/journal/999999", "/journal/0", "/journal/abc", "/journal/-1",
                             "/journal/99999999999999999999"}) {
        auto reply = api_.get(path);
        EXPECT_EQ(reply.status, 404) << path;
        EXPECT_EQ(reply.error_code(), "not_found") << path;
    }
}

TEST_F(Journal, ShowsWhatTheConnectorJustDid) {
    server_->call("FileVersion");
    server_->service().journal().flush();
    auto reply = api_.get("/journal?action=FileVersion");
    ASSERT_EQ(ids_of(reply).size(), 1u);
    EXPECT_EQ(reply.json().at("items").at(0).at("outcome"), "ok");
}

}  // namespace
}  // namespace admin_test

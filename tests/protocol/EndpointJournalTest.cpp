// Every connector request leaves one journal entry; the password never appears in it.
#include <gtest/gtest.h>

#include "ConnectorFixture.h"

namespace connector_test {
namespace {

using ConnectorJournal = ConnectorTest;

const store::JournalEntry* find(const std::vector<store::JournalEntry>& entries,
                                const std::string& request_id) {
    for (const auto& entry : entries) {
        if (entry.request_id == request_id) return &entry;
    }
    return nullptr;
}

core::WebRequest form_request(const Fields& fields, const std::string& request_id) {
    core::WebRequest r;
    r.method = "POST";
    r.client_ip = "10.9.8.7";
    r.request_id = request_id;
    r.body = form_body(fields);
    return r;
}

TEST_F(ConnectorJournal, RecordsOutcomeStatusSizeAndCanonicalAction) {
    auto ok = request(form_request({{"bl_pass", kPassword}, {"action", "productslist"}}, "j-1"));
    auto wrong =
        request(form_request({{"bl_pass", "guess-guess"}, {"action", "FileVersion"}}, "j-2"));
    auto unknown = request(form_request({{"bl_pass", kPassword}, {"action", "DropAll"}}, "j-3"));
    auto bad = request(form_request(
        {{"bl_pass", kPassword}, {"action", "ProductsList"}, {"filter_sort", "x"}}, "j-4"));
    const auto entries = journal_entries();

    const auto* e1 = find(entries, "j-1");
    ASSERT_NE(e1, nullptr);
    EXPECT_EQ(e1->action, "ProductsList");
    EXPECT_EQ(e1->outcome, "ok");
    EXPECT_EQ(e1->http_status, 200);
    EXPECT_EQ(e1->client, "10.9.8.7");
    EXPECT_EQ(e1->response_bytes, static_cast<std::int64_t>(ok.body.size()));
    EXPECT_GT(e1->at_ms, 0);

    const auto* e2 = find(entries, "j-2");
    ASSERT_NE(e2, nullptr);
    EXPECT_EQ(e2->outcome, "incorrect_password");
    EXPECT_EQ(e2->action, "FileVersion");

    const auto* e3 = find(entries, "j-3");
    ASSERT_NE(e3, nullptr);
    EXPECT_EQ(e3->action, "DropAll");
    EXPECT_EQ(e3->outcome, "unsupported_action");

    const auto* e4 = find(entries, "j-4");
    ASSERT_NE(e4, nullptr);
    EXPECT_EQ(e4->outcome, "invalid_parameter");
    EXPECT_EQ(e4->response_bytes, static_cast<std::int64_t>(bad.body.size()));
}

TEST_F(ConnectorJournal, NeverContainsThePassword) {
    request(form_request({{"bl_pass", kPassword},
                          {"action", "ProductsQuantityUpdate"},
                          {"products", std::string("[{\"product_id\":\"") + kPassword + "\"}]"}},
                         "p-1"));
    request(
        form_request({{"bl_pass", "wrong-password-attempt"}, {"action", "FileVersion"}}, "p-2"));
    request(form_request({{"bl_pass", kPassword}, {"action", kPassword}}, "p-3"));
    for (const auto& entry : journal_entries()) {
        for (const std::string* text :
             {&entry.action, &entry.detail, &entry.outcome, &entry.client, &entry.request_id}) {
            EXPECT_EQ(text->find(kPassword), std::string::npos) << *text;
            EXPECT_EQ(text->find("wrong-password-attempt"), std::string::npos) << *text;
        }
    }
}

}  // namespace
}  // namespace connector_test

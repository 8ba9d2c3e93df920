// core::Status and core::Result: the vocabulary every layer returns and every edge maps.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/Status.h"

namespace {

using core::Code;
using core::Result;
using core::Status;

TEST(Status, DefaultIsOkWithNothingToSay) {
    Status ok;
    EXPECT_TRUE(ok.ok());
    EXPECT_EQ(ok.code(), Code::Ok);
    EXPECT_EQ(ok.text(), "");
}

TEST(Status, TextNamesTheFieldFirst) {
    auto s = Status::invalid_field("filter_limit", "must be 1 to 10000");
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(s.code(), Code::InvalidField);
    EXPECT_EQ(s.field(), "filter_limit");
    EXPECT_EQ(s.message(), "must be 1 to 10000");
    EXPECT_EQ(s.text(), "filter_limit: must be 1 to 10000");
    EXPECT_EQ(Status::not_found("unknown order 7").text(), "unknown order 7");
}

TEST(Status, WithinPrefixesThePositionOfTheField) {
    auto inner = Status::invalid_field("price", "must be greater than 0");
    EXPECT_EQ(inner.within("products[3]").field(), "products[3].price");
    EXPECT_EQ(Status::invalid_field("[2]", "x").within("lines").field(), "lines[2]");
    EXPECT_EQ(Status::malformed("not JSON").within("products").field(), "products");
    EXPECT_EQ(inner.within("products[3]").code(), Code::InvalidField);
    EXPECT_TRUE(Status().within("products").ok());
}

TEST(Status, EveryCodeHasADistinctName) {
    std::set<std::string_view> names;
    for (int c = 0; c <= static_cast<int>(Code::Internal); ++c) {
        names.insert(core::code_name(static_cast<Code>(c)));
    }
    EXPECT_EQ(names.size(), static_cast<std::size_t>(Code::Internal) + 1);
    EXPECT_EQ(core::code_name(Code::NotFound), "not_found");
}

TEST(Result, HoldsAValueOrTheStatusThatExplainsItsAbsence) {
    Result<int> seven = 7;
    ASSERT_TRUE(seven.ok());
    EXPECT_EQ(*seven, 7);
    Result<int> none = Status::conflict("sku", "already used by product 2");
    ASSERT_FALSE(none);
    EXPECT_EQ(none.status().code(), Code::Conflict);
    EXPECT_EQ(none.status().field(), "sku");
}

TEST(Result, BuiltFromAnOkStatusIsABugNotASuccess) {
    Result<int> broken = Status();
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.status().code(), Code::Internal);
}

}  // namespace

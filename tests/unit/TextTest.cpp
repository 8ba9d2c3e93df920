#include "core/Text.h"

#include <gtest/gtest.h>

using core::fold_case;
using core::is_valid_utf8;
using core::split_list;

TEST(Utf8, AcceptsWellFormedText) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("plain ascii"));
    EXPECT_TRUE(is_valid_utf8("Żółw, Kraków, Wróblewska"));
    EXPECT_TRUE(is_valid_utf8("\xE2\x82\xAC"));          // €
    EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x90\xA2"));      // turtle emoji, 4 bytes
    EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF, the last code point
    EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));          // U+D7FF, just below the surrogates
    EXPECT_TRUE(is_valid_utf8(std::string("a\0b", 3)));  // NUL is a valid character
}

TEST(Utf8, RejectsOverlongEncodings) {
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));  // '/' in two bytes
    EXPECT_FALSE(is_valid_utf8("\xC1\xBF"));
    EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));  // '/' in three bytes
    EXPECT_FALSE(is_valid_utf8("\xE0\x9F\xBF"));
    EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // '/' in four bytes
    EXPECT_FALSE(is_valid_utf8("\xF0\x8F\xBF\xBF"));
}

TEST(Utf8, RejectsSurrogatesAndCodePointsAboveUnicode) {
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // U+D800
    EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));      // U+DFFF
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
    EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
    EXPECT_FALSE(is_valid_utf8("\xFF"));
    EXPECT_FALSE(is_valid_utf8("\xFE"));
}

TEST(Utf8, RejectsTruncatedAndStraySequences) {
    EXPECT_FALSE(is_valid_utf8("\xC5"));         // first byte of "ż" only
    EXPECT_FALSE(is_valid_utf8("abc\xE2\x82"));  // € cut short at the end
    EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x90"));
    EXPECT_FALSE(is_valid_utf8("\x80"));  // continuation without a lead
    EXPECT_FALSE(
        is_valid_utf8("a\xBF"
                      "b"));
    EXPECT_FALSE(is_valid_utf8("\xC5 "));  // lead followed by ASCII
    EXPECT_FALSE(is_valid_utf8("\xE2\x28\xA1"));
    EXPECT_FALSE(is_valid_utf8("Zolw \xB3\xF3\xBF"));  // Latin-2 bytes, not UTF-8
}

TEST(Utf8, NextStepReportsTheMaximalIllFormedPrefix) {
    EXPECT_EQ(core::next_utf8("\xE2\x82").length, 2u);  // truncated € is one bad unit
    EXPECT_FALSE(core::next_utf8("\xE2\x82").valid);
    EXPECT_EQ(core::next_utf8("\xC0\xAF").length, 1u);  // C0 can never start a sequence
    auto ok = core::next_utf8(
        "\xC5\xBC"
        "rest");
    EXPECT_TRUE(ok.valid);
    EXPECT_EQ(ok.length, 2u);
}

TEST(FoldCase, PolishCapitalsMatchLowercase) {
    EXPECT_EQ(fold_case("ŻÓŁW"), fold_case("żółw"));
    EXPECT_EQ(fold_case("ŻÓŁW"), "żółw");
    EXPECT_EQ(fold_case("ĄĆĘŁŃÓŚŹŻ"), "ąćęłńóśźż");
    EXPECT_EQ(fold_case("Kubek Ceramiczny"), "kubek ceramiczny");
}

TEST(FoldCase, UsesFullFoldingForSharpS) {
    EXPECT_EQ(fold_case("ẞ"), "ss");
    EXPECT_EQ(fold_case("ß"), "ss");
    EXPECT_EQ(fold_case("STRAẞE"), fold_case("strasse"));
}

TEST(FoldCase, FoldedNeedleIsFoundInFoldedName) {
    std::string name = fold_case("Figurka ŻÓŁW ogrodowy");
    EXPECT_NE(name.find(fold_case("żółw")), std::string::npos);
}

TEST(FoldCase, EmptyStaysEmpty) {
    EXPECT_EQ(fold_case(""), "");
}

TEST(Text, AsciiLowerLeavesNonAsciiAlone) {
    EXPECT_EQ(core::ascii_lower("FileVersion"), "fileversion");
    EXPECT_EQ(core::ascii_lower("ŻÓŁW"), "ŻÓŁw");
}

TEST(Text, TrimRemovesSpacesAndTabsOnly) {
    EXPECT_EQ(core::trim("  a b\t "), "a b");
    EXPECT_EQ(core::trim("\n"), "\n");
    EXPECT_EQ(core::trim("   "), "");
}

TEST(SplitList, DropsEmptyElementsAndTrims) {
    auto parts = split_list("1, 2,,3 ,");
    ASSERT_EQ(parts.size(), 3u);
    EXPECT_EQ(parts[0], "1");
    EXPECT_EQ(parts[1], "2");
    EXPECT_EQ(parts[2], "3");
}

TEST(SplitList, EmptyAndSeparatorOnlyInputsGiveNothing) {
    EXPECT_TRUE(split_list("").empty());
    EXPECT_TRUE(split_list(",,, ,").empty());
}

TEST(SplitList, SingleElementAndOtherSeparators) {
    auto one = split_list("name");
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0], "name");
    auto parts = split_list("a|b", '|');
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[1], "b");
}

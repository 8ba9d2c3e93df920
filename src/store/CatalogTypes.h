#pragma once
// Plain values exchanged with the catalogue store. No SQL, no BaseLinker field names.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Money.h"

namespace store {

using Id = std::int64_t;

// Stock kept from outside (BaseLinker, imports, staff) stays within 0..kMaxStock: a value near the
// 64-bit maximum would later make a sum overflow (a batch failing, an order that cannot be
// cancelled). A billion units is more than any shop holds.
constexpr std::int64_t kMaxStock = 1'000'000'000;

struct CategoryPath {
    Id id = 0;
    std::string path;  // ancestor names joined with '/', e.g. "Dom/Kuchnia/Kubki"
};

enum class SortField { Id, Name, Quantity, Price };

// How ProductFilter::category_id matches a product.
enum class CategoryMatch {
    Subtree,  // the product's own category is that category or any descendant of it
    Listed,   // the product's listed category (ProductDetail::listed_category_id) is that one
};

// Filters of a product listing; every set member narrows the result (AND).
struct ProductFilter {
    std::optional<Id> category_id;  // narrowed as category_match says
    CategoryMatch category_match = CategoryMatch::Subtree;
    std::optional<Id> id;                    // exactly this product
    std::optional<std::vector<Id>> ids;      // only these products (empty vector = none)
    std::optional<std::string> ean;          // exact, product or any variant
    std::optional<std::string> sku;          // exact, product or any variant
    std::optional<std::string> name_folded;  // substring of the case-folded name (core::fold_case)
    std::optional<core::Money> price_from, price_to;         // inclusive, on the reported price
    std::optional<std::int64_t> quantity_from, quantity_to;  // inclusive, on the reported quantity
    std::optional<bool> active;
    SortField sort = SortField::Id;
    bool descending = false;
};

struct Slice {
    std::int64_t offset = 0;
    std::int64_t limit = 1000;
};

struct ProductListRow {
    Id id = 0;
    std::string name;
    std::int64_t quantity = 0;  // the stock rule: own stock, or the sum of the variants' stock
    core::Money price;          // reported gross price (promotional one when active and enabled)
    std::string ean, sku;
};

struct ProductListPage {
    std::vector<ProductListRow> rows;
    std::int64_t total = 0;  // products matching the filter, before slicing
};

struct Feature {
    std::string name, value;
};

struct VariantDetail {
    Id id = 0;
    std::string name;  // the variant part only, e.g. "Czerwony XL"
    core::Money price;
    std::int64_t quantity = 0;
    std::string sku, ean;
    std::vector<std::string> images;  // ordered, main first
    std::vector<Feature> features;    // ordered; a name may repeat
};

struct ProductDetail {
    Id id = 0;
    std::string external_id;  // the shop's own key (import files); may be empty
    std::string name, sku, ean, model;
    std::int64_t quantity = 0;
    core::Money price;
    std::int64_t tax_rate_bp = 0;  // VAT in hundredths of a percent: 2300 = 23 %
    double weight_kg = 0, height_cm = 0, width_cm = 0, length_cm = 0;
    std::string description;
    std::string description_extra[4];  // [0] is the short description
    std::string manufacturer_name, manufacturer_logo;
    std::optional<Id> category_id;  // the product's own category, whatever its active flag
    std::string category_path;
    // The nearest category at or above category_id that active_category_paths lists: the one
    // the connector reports (none when no category of the chain is listed).
    std::optional<Id> listed_category_id;
    std::string listed_category_path;
    std::string location, url;
    bool active = true;
    std::vector<std::string> images;      // ordered, main first
    std::vector<Feature> features;        // ordered; a name may repeat
    std::vector<VariantDetail> variants;  // by id
};

// Which parts of ProductDetail to load; unrequested parts stay empty.
struct DetailParts {
    bool base = true;
    bool images = true;
    bool features = true;
    bool variants = true;
};

struct StockRow {
    Id product_id = 0;
    std::int64_t quantity = 0;                          // stock rule
    std::vector<std::pair<Id, std::int64_t>> variants;  // by variant id
};

struct PriceRow {
    Id product_id = 0;
    core::Money price;                                 // the product's own reported price
    std::vector<std::pair<Id, core::Money>> variants;  // by variant id
};

// A page of StockRow / PriceRow and the number of products in the catalogue, both from one
// snapshot (so "pages" always agrees with the rows).
template <class Row>
struct RowPage {
    std::vector<Row> rows;
    std::int64_t total = 0;
};
using StockPage = RowPage<StockRow>;
using PricePage = RowPage<PriceRow>;

enum class StockOp { Set, Change };

struct StockChange {
    std::size_t entry = 0;  // index of the entry in the request, for the journal
    Id product_id = 0;
    Id variant_id = 0;  // 0 = the product itself
    StockOp op = StockOp::Set;
    std::int64_t quantity = 0;
};

struct PriceChange {
    std::size_t entry = 0;
    Id product_id = 0;
    Id variant_id = 0;
    core::Money price;
};

// What happened to one entry of a batch that was not simply applied.
struct EntryNote {
    std::size_t entry = 0;
    bool applied = false;  // false: skipped; true: applied with a remark (e.g. clamped)
    std::string reason;    // "unknown product 12", "product 7 has variants", "clamped to 0"...
};

struct BatchResult {
    std::int64_t applied = 0;
    std::vector<EntryNote> notes;
};

struct NamedId {
    Id id = 0;
    std::string name;
    bool flag = false;  // statuses: cancelled; payment methods: cash on delivery
};

// Every category, active or not (admin lists).
struct CategoryRow {
    Id id = 0;
    std::optional<Id> parent_id;
    std::string external_id, name;
    std::string path;  // ancestor names joined with '/'
    bool active = true;
    std::int64_t products = 0;  // products directly in this category
};

struct ManufacturerRow {
    Id id = 0;
    std::string name, logo_url;
    std::int64_t products = 0;
};

}  // namespace store

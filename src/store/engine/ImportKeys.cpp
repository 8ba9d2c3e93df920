#include "store/engine/ImportKeys.h"

#include "store/engine/Import.h"

namespace store::engine::importing {

void ProductKeys::load(Port& port, Connection& conn, std::span<const ImportProduct> records,
                       std::optional<Id> also) {
    std::vector<std::string> externals, skus;
    for (const ImportProduct& p : records) {
        if (!p.external_id.empty()) externals.push_back(p.external_id);
        if (!p.sku.empty()) skus.push_back(p.sku);
    }
    auto st = conn.prepare("SELECT id, external_id, sku FROM products WHERE external_id" +
                           in_texts(port, conn, 1) + " OR (sku" + in_texts(port, conn, 2) +
                           " AND sku <> '') OR id = CAST(?3 AS BIGINT)");
    bind_texts(port, conn, st, 1, externals);
    bind_texts(port, conn, st, 2, skus);
    st.bind(3, also);
    while (st.step()) {
        const Id id = st.integer(0);
        if (products_.count(id)) continue;  // known already (an earlier chunk of a check)
        Keys keys{st.is_null(1) ? std::nullopt : std::optional(st.text(1)), st.text(2)};
        if (keys.external_id) by_external_.emplace(*keys.external_id, id);
        if (!keys.sku.empty()) by_sku_.emplace(keys.sku, id);
        products_[id] = std::move(keys);
    }
}

std::optional<Id> ProductKeys::match(const ImportProduct& p) const {
    if (!p.external_id.empty()) {
        auto it = by_external_.find(p.external_id);
        if (it != by_external_.end()) return it->second;
    }
    if (p.sku.empty()) return std::nullopt;
    auto it = by_sku_.find(p.sku);
    if (it == by_sku_.end()) return std::nullopt;
    // By SKU only a product without an external id of its own is the same product.
    if (products_.at(it->second).external_id && !p.external_id.empty()) return std::nullopt;
    return it->second;
}

std::string ProductKeys::taken(const ImportProduct& p, std::optional<Id> owner) const {
    auto check = [&](const std::unordered_map<std::string, Id>& holders, const char* what,
                     const std::string& key) -> std::string {
        if (key.empty()) return "";
        auto it = holders.find(key);
        if (it == holders.end() || it->second == owner) return "";
        return std::string(what) + " " + key + " already used by product " +
               std::to_string(it->second);
    };
    std::string why = check(by_external_, "external_id", p.external_id);
    return why.empty() ? check(by_sku_, "sku", p.sku) : why;
}

const std::string& ProductKeys::sku_of(Id product) const {
    return products_.at(product).sku;
}

void ProductKeys::assign(Id owner, const ImportProduct& p) {
    Keys& keys = products_[owner];
    // The SKU is always replaced (possibly by none); the external id only by another one.
    if (!keys.sku.empty() && by_sku_[keys.sku] == owner) by_sku_.erase(keys.sku);
    keys.sku = p.sku;
    if (!p.sku.empty()) by_sku_[p.sku] = owner;
    if (p.external_id.empty()) return;
    if (keys.external_id && by_external_[*keys.external_id] == owner)
        by_external_.erase(*keys.external_id);
    keys.external_id = p.external_id;
    by_external_[p.external_id] = owner;
}

void VariantKeys::load(Port& port, Connection& conn, const std::vector<Id>& products,
                       const std::vector<std::string>& skus) {
    // Two statements rather than one with OR: each condition has its own index.
    const Dialect& d = port.dialect();
    auto owned = conn.prepare(
        "SELECT product_id, id, COALESCE(external_id, ''), sku FROM variants"
        " WHERE product_id" +
        d.in_ids(1) + " ORDER BY product_id, id");
    std::vector<Id> unknown;
    for (Id p : products)
        if (!by_product_.count(p)) unknown.push_back(p);
    owned.bind(1, d.ids(unknown));
    while (owned.step()) {
        ExistingVariant v{owned.integer(1), owned.text(2), owned.text(3)};
        if (!v.sku.empty() && !moved_.count(v.id)) by_sku_.emplace(v.sku, v.id);
        by_product_[owned.integer(0)].push_back(std::move(v));
    }
    auto holders = conn.prepare("SELECT sku, id FROM variants WHERE sku" + in_texts(port, conn, 1) +
                                " AND sku <> ''");
    bind_texts(port, conn, holders, 1, skus);
    while (holders.step())
        if (!moved_.count(holders.integer(1))) by_sku_.emplace(holders.text(0), holders.integer(1));
}

std::optional<Id> VariantKeys::holder(const std::string& sku) const {
    auto it = by_sku_.find(sku);
    if (sku.empty() || it == by_sku_.end()) return std::nullopt;
    return it->second;
}

void VariantKeys::release(const std::string& sku, Id variant) {
    moved_.insert(variant);
    auto it = by_sku_.find(sku);
    if (it != by_sku_.end() && it->second == variant) by_sku_.erase(it);
}

void VariantKeys::assign(const std::string& sku, Id variant) {
    if (!sku.empty()) by_sku_[sku] = variant;
}

}  // namespace store::engine::importing

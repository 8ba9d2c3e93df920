#include "store/engine/Lookups.h"

#include "store/engine/CategoryTree.h"

namespace store::engine {

namespace lookups_detail {
namespace {

// Sorts by the ICU case fold of `key`, then by id: in C++ rather than SQL because SQLite's
// lower() knows only ASCII, and so that PostgreSQL gives the same order whatever collation its
// database was created with.
template <class Row>
void sort_folded(std::vector<Row>& rows, std::string Row::*key) {
    std::vector<std::pair<std::string, std::size_t>> keys;
    keys.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        keys.emplace_back(core::fold_case(rows[i].*key), i);
    std::sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : rows[a.second].id < rows[b.second].id;
    });
    std::vector<Row> sorted;
    sorted.reserve(rows.size());
    for (const auto& k : keys) sorted.push_back(std::move(rows[k.second]));
    rows = std::move(sorted);
}

}  // namespace
}  // namespace lookups_detail

std::vector<NamedId> Lookups::order_statuses() {
    return read("SELECT id, name, cancelled FROM order_statuses ORDER BY id");
}

std::vector<NamedId> Lookups::delivery_methods() {
    return read("SELECT id, name, FALSE FROM delivery_methods ORDER BY id");
}

std::vector<NamedId> Lookups::payment_methods() {
    return read("SELECT id, name, cod FROM payment_methods ORDER BY id");
}

core::Result<Id> Lookups::save_order_status(const NamedId& item) {
    // A new status goes after every other one in the shop's order of statuses. The hold status
    // (order inbox) is never a cancelled one: a held order waits, it is not given up.
    return save(
        item,
        "INSERT INTO order_statuses (name, cancelled, position) VALUES (?1, ?2,"
        " (SELECT COALESCE(MAX(position), 0) + 1 FROM order_statuses)) RETURNING id",
        "UPDATE order_statuses SET name = ?1, cancelled = (?2 AND NOT on_hold) WHERE id = ?3"
        " RETURNING id",
        "order status", true);
}

core::Result<Id> Lookups::save_delivery_method(const NamedId& item) {
    return save(item, "INSERT INTO delivery_methods (name) VALUES (?1) RETURNING id",
                "UPDATE delivery_methods SET name = ?1 WHERE id = ?2 RETURNING id",
                "delivery method", false);
}

core::Result<Id> Lookups::save_payment_method(const NamedId& item) {
    return save(item, "INSERT INTO payment_methods (name, cod) VALUES (?1, ?2) RETURNING id",
                "UPDATE payment_methods SET name = ?1, cod = ?2 WHERE id = ?3 RETURNING id",
                "payment method", true);
}

std::vector<CategoryRow> Lookups::categories() {
    auto conn = port_.acquire();
    auto st = conn->prepare(
        "SELECT c.id, c.parent_id, COALESCE(c.external_id, ''), c.name, c.active,"
        " (SELECT COUNT(*) FROM products p WHERE p.category_id = c.id)"
        " FROM categories c");
    std::vector<CategoryRow> rows;
    while (st.step()) {
        CategoryRow r;
        r.id = st.integer(0);
        if (!st.is_null(1)) r.parent_id = st.integer(1);
        r.external_id = st.text(2);
        r.name = st.text(3);
        r.active = st.integer(4) != 0;  // a boolean reads as 0/1 on both backends
        r.products = st.integer(5);
        rows.push_back(std::move(r));
    }
    std::vector<CategoryTree::Node> nodes;
    nodes.reserve(rows.size());
    for (const CategoryRow& r : rows) nodes.push_back({r.id, r.parent_id, r.name, r.active});
    const CategoryTree tree(std::move(nodes));
    for (CategoryRow& r : rows) r.path = tree.path(r.id);
    lookups_detail::sort_folded(rows, &CategoryRow::path);
    return rows;
}

std::vector<ManufacturerRow> Lookups::manufacturers() {
    auto conn = port_.acquire();
    auto st = conn->prepare(
        "SELECT m.id, m.name, m.logo_url,"
        " (SELECT COUNT(*) FROM products p WHERE p.manufacturer_id = m.id)"
        " FROM manufacturers m");
    std::vector<ManufacturerRow> rows;
    while (st.step())
        rows.push_back(ManufacturerRow{st.integer(0), st.text(1), st.text(2), st.integer(3)});
    lookups_detail::sort_folded(rows, &ManufacturerRow::name);
    return rows;
}

std::vector<NamedId> Lookups::read(const char* sql) {
    auto conn = port_.acquire();
    auto st = conn->prepare(sql);
    std::vector<NamedId> out;
    while (st.step()) out.push_back(NamedId{st.integer(0), st.text(1), st.integer(2) != 0});
    return out;
}

core::Result<Id> Lookups::save(const NamedId& item, const char* insert_sql, const char* update_sql,
                               const char* what, bool has_flag) {
    auto conn = port_.acquire();
    Transaction tx(*conn, TxKind::Write);
    const bool create = item.id == 0;
    auto st = conn->prepare(create ? insert_sql : update_sql);
    int i = 0;
    st.bind(++i, item.name);
    if (has_flag) st.bind(++i, item.flag);
    if (!create) st.bind(++i, item.id);
    if (!st.step()) {
        return core::Status::not_found(std::string(what) + " " + std::to_string(item.id) +
                                       " does not exist");
    }
    const Id id = st.integer(0);
    st.run();  // SQLite: finish the statement before COMMIT (PostgreSQL: already done)
    tx.commit();
    return id;
}

}  // namespace store::engine

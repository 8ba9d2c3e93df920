// ProductsQuantityUpdate: set or change stock of products/variants in one transaction.
// Invalid entries are skipped (not counted) and listed in the journal detail.
#include <variant>

#include "core/Decimal.h"
#include "core/Text.h"
#include "protocol/actions/Common.h"

namespace protocol::actions {
namespace {

// The validated change, or the reason the entry is skipped.
std::variant<store::StockChange, std::string> validate(const RawEntry& raw, std::size_t index) {
    store::StockChange change;
    change.entry = index;
    auto product_id = core::parse_int(core::trim(raw.product_id));
    if (!product_id || *product_id <= 0) return "product_id: expected a product id";
    change.product_id = *product_id;
    const auto variant_text = core::trim(raw.variant_id);
    auto variant_id =
        variant_text.empty() ? std::optional<std::int64_t>{0} : core::parse_int(variant_text);
    if (!variant_id || *variant_id < 0) return "variant_id: expected a variant id";
    change.variant_id = *variant_id;
    const auto operation = core::ascii_lower(core::trim(raw.operation));
    if (operation == "set") {
        change.op = store::StockOp::Set;
    } else if (operation == "change") {
        change.op = store::StockOp::Change;
    } else {
        return "operation: expected 'set' or 'change'";
    }
    auto quantity = core::parse_int(core::trim(raw.quantity));
    if (!quantity) return "quantity: expected an integer";
    change.quantity = *quantity;
    return change;
}

}  // namespace

Outcome products_quantity_update(const Params& params, ActionContext& ctx, JsonWriter& out) {
    auto entries = products_entries(params);
    if (!entries) return entries.error();
    std::vector<store::StockChange> changes;
    std::vector<store::EntryNote> skipped;
    for (std::size_t i = 0; i < entries->size(); ++i) {
        auto checked = validate((*entries)[i], i);
        if (auto* change = std::get_if<store::StockChange>(&checked)) {
            changes.push_back(*change);
        } else {
            skipped.push_back({i, false, std::get<std::string>(checked)});
        }
    }
    const auto result = ctx.store.catalog().apply_stock_changes(changes);
    ctx.journal_detail = batch_detail(entries->size(), result, std::move(skipped));
    out.begin_object().key("counter").integer(result.applied).end_object();
    return true;
}

}  // namespace protocol::actions

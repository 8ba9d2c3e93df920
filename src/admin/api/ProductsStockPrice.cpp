// PUT /products/{id}[/variants/{vid}]/stock and /price: one entry through the same batch
// operations as BaseLinker's ProductsQuantityUpdate / ProductsPriceUpdate (stock never below 0,
// a clamp or an ended promotion reported in "note"), then the value read back as the connector
// reports it.
#include "admin/api/Fields.h"
#include "admin/api/Json.h"
#include "admin/api/ProductHandlers.h"

namespace admin::api::products {
namespace {

struct Target {
    store::Id product = 0;
    store::Id variant = 0;  // 0 = the product itself
};

// What the store said about the single entry: a skip becomes the error, an applied remark the
// note of the reply. `field` is the body key the error is about.
std::optional<std::string> note_of(const store::BatchResult& result, const std::string& field) {
    for (const auto& note : result.notes) {
        if (note.applied) return note.reason;
        if (note.reason.starts_with("unknown ")) throw not_found(note.reason);
        if (note.reason.find("has variants") != std::string::npos) {
            throw invalid_field(field, note.reason + ": change the stock of a variant");
        }
        throw invalid_field(field, note.reason);
    }
    return std::nullopt;
}

store::ProductDetail read_back(Call& call, const Target& target) {
    const store::Id ids[] = {target.product};
    store::DetailParts parts{true, false, false, target.variant != 0};
    auto found = call.store.catalog().product_details(ids, parts);
    if (found.empty()) throw not_found("unknown product " + std::to_string(target.product));
    return std::move(found.front());
}

// The variant's row of a product read back (a concurrent delete makes it vanish: 404).
const store::VariantDetail& variant_of(const store::ProductDetail& p, store::Id variant) {
    for (const auto& v : p.variants) {
        if (v.id == variant) return v;
    }
    throw not_found("unknown variant " + std::to_string(variant) + " of product " +
                    std::to_string(p.id));
}

// {"quantity":12} sets, {"change":-2} adds; exactly one of them.
store::StockChange stock_change(const Body& body, std::string& field) {
    store::StockChange change;
    if (body.has("quantity") == body.has("change")) {
        throw invalid_field("quantity", "give either quantity (set) or change (add/subtract)");
    }
    field = body.has("quantity") ? "quantity" : "change";
    change.op = body.has("quantity") ? store::StockOp::Set : store::StockOp::Change;
    change.quantity = body.integer(field);
    if (change.op == store::StockOp::Set && change.quantity < 0) {
        throw invalid_field(field, "must be 0 or more");
    }
    return change;
}

core::WebResponse change_stock(Call& call, const Target& target) {
    Body body(call.request.body, {"quantity", "change"});
    std::string field;
    auto change = stock_change(body, field);
    change.product_id = target.product;
    change.variant_id = target.variant;
    const auto note = note_of(call.store.catalog().apply_stock_changes({&change, 1}), field);
    const auto product = read_back(call, target);
    const auto quantity =
        target.variant == 0 ? product.quantity : variant_of(product, target.variant).quantity;
    return json_reply_with(200, [&](wire::JsonWriter& out) {
        out.begin_object().key("quantity").integer(quantity);
        if (note) out.key("note").string(*note);
        out.end_object();
    });
}

core::WebResponse change_price(Call& call, const Target& target) {
    Body body(call.request.body, {"price"});
    store::PriceChange change;
    change.product_id = target.product;
    change.variant_id = target.variant;
    change.price = body.money("price");
    if (change.price <= core::Money{}) throw invalid_field("price", "must be greater than 0");
    const auto note = note_of(call.store.catalog().apply_price_changes({&change, 1}), "price");
    const auto product = read_back(call, target);
    const auto price =
        target.variant == 0 ? product.price : variant_of(product, target.variant).price;
    return json_reply_with(200, [&](wire::JsonWriter& out) {
        out.begin_object().key("price");
        write_money(out, price);
        if (note) out.key("note").string(*note);
        out.end_object();
    });
}

}  // namespace

core::WebResponse set_stock(Call& call) {
    return change_stock(call, {path_id(call, 0), 0});
}

core::WebResponse set_variant_stock(Call& call) {
    return change_stock(call, {path_id(call, 0), path_id(call, 1)});
}

core::WebResponse set_price(Call& call) {
    return change_price(call, {path_id(call, 0), 0});
}

core::WebResponse set_variant_price(Call& call) {
    return change_price(call, {path_id(call, 0), path_id(call, 1)});
}

}  // namespace admin::api::products

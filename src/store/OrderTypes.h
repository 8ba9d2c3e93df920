#pragma once
// Plain values exchanged with the order store. No SQL, no BaseLinker field names beyond what the
// shop itself keeps (a BaseLinker order id is shop data: where the order came from).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Money.h"
#include "store/CatalogTypes.h"
#include "store/SettingsTypes.h"

namespace store {

enum class OrderOrigin { Shop, BaseLinker };

struct Address {
    std::string fullname, company, address, city, postcode, state_code, country, country_code;
};

struct PickupPoint {
    std::string id, name, address, postcode, city;
};

struct LineAttribute {
    std::string name, value;
    core::Money price;
};

// One order line as sent (BaseLinker) or placed (storefront), before catalogue binding.
struct OrderLineInput {
    std::optional<Id> product_id;  // the catalogue product id as sent; nullopt = none/empty
    Id variant_id = 0;             // 0 = the product itself
    std::string sku, ean, name;
    core::Money unit_price;        // gross, as sent; never taken from the catalogue
    std::int64_t quantity = 1;     // >= 1 (callers validate)
    std::int64_t tax_rate_bp = 0;  // VAT in hundredths of a percent
    std::string auction_id;        // marketplace offer id, kept for staff
    std::vector<LineAttribute> attributes;
};

// The order inbox (docs/orders.md, "Orders on hold"): what keeps an identifiable BaseLinker
// order from becoming a normal shop order. The order is stored on hold instead of refused.
struct HoldProblem {
    std::optional<std::int64_t> line;  // 0-based line position; nullopt = the order as a whole
    // What staff have to look at: "product" (binds to nothing), "quantity", "price", "tax",
    // "attribute", "delivery_price", "products" (the list itself), "total".
    std::string field;
    std::string message;  // for staff: "quantity: \"1.5\" is not a whole number"
    // A blocking problem (product, quantity, products) must be resolved before release; the
    // others are shown and accepted by releasing.
    bool blocking = false;
    std::int64_t resolved_at = 0;  // 0 = open
    std::string resolved_by;
};

// The hold of one order: open until staff release it (or a clean replacement arrives).
struct OrderHold {
    std::int64_t held_at = 0;
    // The OrderAdd fields as received (a JSON object of the form fields, password removed).
    std::string request;
    std::vector<HoldProblem> problems;
    std::int64_t released_at = 0;  // 0 = still held
    std::string released_by;
};

struct OrderInput {
    OrderOrigin origin = OrderOrigin::Shop;
    std::optional<std::int64_t> baselinker_id;  // unique among orders (a database constraint)
    std::string transaction_id, client_login, service_account;
    Address delivery;
    Address invoice;
    std::string invoice_nip;  // tax id
    bool want_invoice = false;
    PickupPoint point;
    std::string phone, email;
    std::string currency = "PLN";
    std::string delivery_method;
    std::optional<Id> delivery_method_id;
    core::Money delivery_price;
    std::string payment_method;
    std::optional<Id> payment_method_id;
    bool cod = false;
    bool paid = false;
    std::optional<Id> status_id;  // used when it is a known status, else the default status
    std::string user_comments;
    std::int64_t date_add = 0;  // unix seconds, UTC; 0 = now
    bool take_stock = true;     // BaseLinker: change_products_quantity; storefront: always
    std::vector<OrderLineInput> lines;
    // BaseLinker only: what the reader could not interpret (the order is held when any, and
    // when a line binds to nothing under UnknownProducts::Hold), and the request as received.
    std::vector<HoldProblem> problems;
    std::string request;
};

struct AddOrderOptions {
    UnknownProducts unknown_products = UnknownProducts::Keep;
    bool match_by_codes = true;  // bind by sku, then ean, when id+variant_id do not match
    Id default_status = 1;       // when status_id is missing or unknown
    std::string actor;           // who adds it, for the status history ("baselinker", "cli"...)
};

// How one line was bound and what it did to stock.
struct LineOutcome {
    std::size_t line = 0;          // index in OrderInput::lines
    std::optional<Id> product_id;  // bound catalogue product; nullopt = free line
    Id variant_id = 0;
    std::int64_t stock_taken = 0;  // units actually taken from stock (cumulative for the order)
    std::int64_t oversold = 0;     // shortfall: ordered but not in stock
};

struct AddOrderResult {
    enum class Kind {
        Created,    // a new order
        Duplicate,  // baselinker_id already known: nothing changed, the existing id returned
        Replaced,   // previous_order_id named an existing order: content replaced in place
        Rejected,   // unknown products under the reject policy: nothing written
        Held,       // stored on hold (created or replaced): no stock taken, staff resolve it
    };
    Kind kind = Kind::Created;
    Id order_id = 0;
    std::vector<std::size_t> unmatched_lines;  // lines bound to nothing (free, held or rejected)
    std::vector<HoldProblem> problems;         // Held: why
    std::vector<LineOutcome> lines;            // Created / Replaced only
    // What the store changed in the order's text before storing it (store/OrderText.h).
    std::vector<std::string> normalised;
};

struct Shipment {
    std::string number, carrier, url;
    std::int64_t created_at = 0;  // unix seconds, UTC (set by the store)
};

struct StatusChange {
    std::int64_t at = 0;
    std::optional<Id> from_status;  // nullopt for the first status of the order
    Id to_status = 0;
    std::string actor;  // "baselinker", "cli", "admin:<user>"...
    std::string note;   // e.g. "stock returned: 3 units"
};

// One entry of the stock ledger: a movement of stock caused by an order (docs/orders.md).
struct StockMove {
    Id id = 0;
    std::optional<std::int64_t> line_position;  // 0-based line; nullopt = no line of the order now
    Id product_id = 0;
    Id variant_id = 0;       // 0 = the product itself
    std::int64_t delta = 0;  // as seen from the stock: negative = taken, positive = returned
    std::string reason;      // order_added, replaced, cancelled, revived, migrated
    std::string actor;
    std::int64_t at = 0;  // unix seconds, UTC
};

struct OrderLine {
    Id line_id = 0;
    std::optional<Id> product_id;  // nullopt = free line (no catalogue product)
    Id variant_id = 0;
    std::string name, sku, ean;
    core::Money unit_price;
    std::int64_t quantity = 0;
    std::int64_t tax_rate_bp = 0;
    double weight_kg = 0;  // from the catalogue when bound, else 0
    std::string auction_id;
    std::vector<LineAttribute> attributes;
    std::int64_t stock_taken = 0;
    std::int64_t oversold = 0;
};

struct Order {
    Id id = 0;
    OrderOrigin origin = OrderOrigin::Shop;
    std::optional<std::int64_t> baselinker_id;
    std::string transaction_id, client_login, service_account;
    Address delivery, invoice;
    std::string invoice_nip;
    bool want_invoice = false;
    PickupPoint point;
    std::string phone, email;
    std::int64_t date_add = 0;
    Id status_id = 0;
    std::string payment_method;
    std::optional<Id> payment_method_id;
    bool cod = false;
    bool paid = false;
    std::int64_t paid_time = 0;  // 0 = not paid
    std::string currency;
    std::string delivery_method;
    std::optional<Id> delivery_method_id;
    core::Money delivery_price;
    std::optional<Shipment> latest_shipment;
    std::string user_comments, admin_comments;  // admin = staff comments joined by newlines
    bool stock_returned = false;  // cancelled and its stock given back (until it is revived)
    bool takes_stock = false;     // took stock when added (a revived order takes it again)
    bool held = false;            // on hold, waiting for staff (order_detail only)
    std::vector<OrderLine> lines;
    // Filled by order_detail only:
    std::vector<Shipment> shipments;
    std::vector<StatusChange> history;
    std::vector<StockMove> stock_moves;  // the ledger, oldest first
    std::optional<OrderHold> hold;       // an order that was ever held (open or released)

    core::Money total() const;  // lines (unit price x quantity) + delivery price
};

// OrdersGet: filters combine with AND; order_id set = only that order (others ignored).
struct OrderQuery {
    std::optional<std::int64_t> time_from;  // date_add >= time_from
    std::optional<Id> id_from;              // id > id_from (strict)
    bool only_paid = false;
    std::optional<Id> order_id;
};

struct OrderPage {
    std::vector<Order> orders;  // ascending id, with lines and the latest shipment
    std::int64_t total = 0;     // matching orders before slicing
};

// Staff listing (CLI, admin API).
struct OrderListQuery {
    std::optional<OrderOrigin> origin;
    std::optional<Id> status_id;
    std::optional<bool> paid;
    std::optional<std::int64_t> date_from, date_to;  // date_add within [from, to] (unix s)
    // Case-insensitive substring of the buyer's names (delivery, invoice), e-mail, phone,
    // login or transaction id; digits only also match the BaseLinker order id exactly.
    std::optional<std::string> text;
    std::optional<bool> held;     // true: only orders on hold; false: none on hold
    std::int64_t limit = 50;      // newest first
    std::optional<Id> before_id;  // cursor: orders with id < before_id
};

// Counts for the admin dashboard.
struct OrderStats {
    std::int64_t total = 0, from_baselinker = 0, from_shop = 0;
    std::int64_t unpaid = 0;
    std::int64_t with_oversells = 0;  // orders with at least one oversold line
    std::int64_t last_24h = 0;        // date_add within the day before `now`
    std::int64_t on_hold = 0;         // held and not cancelled: waiting for staff
};

struct OrderSummary {
    Id id = 0;
    OrderOrigin origin = OrderOrigin::Shop;
    std::optional<std::int64_t> baselinker_id;
    std::int64_t date_add = 0;
    Id status_id = 0;
    std::string status_name;
    bool paid = false;
    std::string buyer;  // delivery or invoice full name, else email
    core::Money total;
    std::string currency;
    std::int64_t oversold = 0;  // units oversold over all lines
    std::string latest_tracking;
    bool held = false;
};

// The result of one change to one order.
enum class UpdateResult {
    Applied,    // changed
    Unchanged,  // the order already had that value (counts as applied for OrderUpdate)
    UnknownOrder,
    UnknownStatus,
    // The order is on hold: only release (or a cancelled status) moves it on; and the hold
    // status is set by the inbox only.
    OnHold,
};

struct StatusUpdate {
    UpdateResult result = UpdateResult::Applied;
    bool stock_returned = false;  // entering a cancelled status gave back the order's stock
    bool stock_retaken = false;   // leaving a cancelled status took the order's stock again
    std::int64_t units = 0;       // units returned or taken again
    std::int64_t oversold = 0;    // units the retake could not take (oversold on the lines)
};

// A staff correction of one line of a held order (`blconnect order bind`, the admin API).
// Each member given is applied and resolves the line's problems of that field.
struct LineCorrection {
    std::optional<Id> product_id;          // bind to this catalogue product...
    Id variant_id = 0;                     // ...and variant (0 = a product without variants)
    bool free = false;                     // keep it as a free line (no product, no stock)
    std::optional<std::int64_t> quantity;  // 1 ... 1,000,000,000
    std::optional<core::Money> unit_price;
};

// What releasing a held order did.
struct ReleaseResult {
    Id status_id = 0;             // the order's status now
    std::int64_t units = 0;       // units taken from stock
    std::int64_t oversold = 0;    // units the stock did not have (oversold on the lines)
    std::int64_t free_lines = 0;  // lines bound to no product
};

// `blconnect stock audit`: an order whose ledger disagrees with its lines for one stock key.
struct StockAuditDifference {
    Id order_id = 0;
    Id product_id = 0;
    Id variant_id = 0;
    std::int64_t ledger_held = 0;  // −(sum of the order's ledger deltas for the key)
    std::int64_t lines_held = 0;   // sum of the order's lines' stock_taken for the key
};

struct StockAudit {
    std::int64_t orders = 0;                        // orders checked
    std::int64_t entries = 0;                       // ledger entries read
    std::vector<StockAuditDifference> differences;  // by order id, product, variant
};

}  // namespace store

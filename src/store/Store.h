#pragma once
// The store interfaces. Backends (sqlite/, later postgres/) implement them; everything above the
// store sees only these. All methods are thread-safe.
// Errors: what a caller can act on (an unknown id, a taken key, a bad import record) comes back
// as a core::Status / core::Result (core/Status.h). Only a failure of the database itself (lost
// connection, I/O, a bug) throws store::StoreError; each edge turns that into its internal error
// with a request id and logs the detail.
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/Status.h"
#include "store/AdminTypes.h"
#include "store/CatalogTypes.h"
#include "store/HeldTypes.h"
#include "store/ImportTypes.h"
#include "store/JournalTypes.h"
#include "store/OrderTypes.h"
#include "store/SettingsTypes.h"

namespace store {

// The database failed (or the store has a bug): nothing a caller can fix. Never a client error.
struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Catalog {
  public:
    virtual ~Catalog() = default;
    // Active categories whose ancestors are all active, ordered by path (case-insensitive), id.
    virtual std::vector<CategoryPath> active_category_paths() = 0;
    virtual ProductListPage list_products(const ProductFilter& filter, Slice slice) = 0;
    // In the order of `ids`; unknown ids are absent; duplicates in `ids` are returned once.
    virtual std::vector<ProductDetail> product_details(std::span<const Id> ids,
                                                       DetailParts parts) = 0;
    virtual std::int64_t product_count() = 0;
    // Products by id, with the catalogue's product count from the same snapshot; one query for
    // the products and one for their variants.
    virtual StockPage stock_page(Slice slice) = 0;
    virtual PricePage price_page(Slice slice) = 0;
    // One transaction for the whole batch; entries are applied in order. Skipped: unknown
    // product/variant, variant 0 of a product that has variants, a set above kMaxStock. Stock
    // stays within 0..kMaxStock: a change past either end is clamped (noted as applied with a
    // reason). No guard: HeldChanges::submit_stock is BaseLinker's way in.
    virtual BatchResult apply_stock_changes(std::span<const StockChange> changes) = 0;
    // Prices must be > 0 (callers validate). Same transaction and skip rules.
    virtual BatchResult apply_price_changes(std::span<const PriceChange> changes) = 0;
    // Upserts the batch in one transaction. A bad record writes nothing and fails with field
    // "<section> record <n>" (1-based) and the reason: InvalidField, or Conflict for a key another
    // product holds.
    virtual core::Result<ImportSummary> import(const ImportBatch& batch, ImportProgress progress,
                                               void* progress_user) = 0;
    // One product through the import rules (same validation, same upserts): `id` nullopt
    // creates it (or updates the product its external_id/sku already names, as import does);
    // `id` set replaces that product's content, keeping its id, even when the record changes
    // its external_id or sku. Returns the product id; InvalidField / Conflict naming the record's
    // field ("sku", "category", "variants[2]") for a bad record or a key taken by another
    // product, NotFound for an unknown id.
    virtual core::Result<Id> save_product(std::optional<Id> id, const ImportProduct& product) = 0;
};

// The mass-change guard (docs/guard.md): BaseLinker's stock and price batches are judged by
// GuardRules in the same write transaction that would apply them (the rows locked, the figures
// what the database holds then). A batch that trips a rule is stored whole and nothing of it is
// applied; an identical batch sent again while it is held is counted on it (resends), not stored
// twice. Staff apply (the normal batch rules, without the guard, in one transaction) or discard.
class HeldChanges {
  public:
    virtual ~HeldChanges() = default;
    virtual GuardedResult submit_stock(std::span<const StockChange> changes,
                                       const GuardRules& rules, std::int64_t now) = 0;
    virtual GuardedResult submit_prices(std::span<const PriceChange> changes,
                                        const GuardRules& rules, std::int64_t now) = 0;
    // Newest first; `state` nullopt = every state.
    virtual std::vector<HeldBatch> list(std::optional<HeldState> state, std::int64_t limit) = 0;
    virtual std::optional<HeldDetail> detail(Id id) = 0;
    virtual std::int64_t held_count() = 0;  // batches waiting for a decision
    // NotFound for an unknown id, Conflict when it was already applied or discarded.
    virtual core::Result<BatchResult> apply(Id id, const std::string& actor, std::int64_t now) = 0;
    virtual core::Status discard(Id id, const std::string& actor, std::int64_t now) = 0;
};

class Lookups {
  public:
    virtual ~Lookups() = default;
    virtual std::vector<NamedId> order_statuses() = 0;  // flag = cancelled
    virtual std::vector<NamedId> delivery_methods() = 0;
    virtual std::vector<NamedId> payment_methods() = 0;  // flag = cash on delivery
    // Create (item.id == 0: a new id is assigned) or rename/re-flag (item.id names a row;
    // NotFound otherwise). Returns the id. Names are non-empty (callers validate).
    virtual core::Result<Id> save_order_status(const NamedId& item) = 0;
    virtual core::Result<Id> save_delivery_method(const NamedId& item) = 0;
    virtual core::Result<Id> save_payment_method(const NamedId& item) = 0;
    virtual std::vector<CategoryRow> categories() = 0;         // by path, case-insensitive
    virtual std::vector<ManufacturerRow> manufacturers() = 0;  // by name, case-insensitive
};

class Journal {
  public:
    virtual ~Journal() = default;
    virtual void append(std::span<const JournalEntry> entries) = 0;
    virtual std::vector<JournalEntry> query(const JournalQuery& q) = 0;
    // Deletes entries older than `at_ms`; returns how many.
    virtual std::int64_t prune_before(std::int64_t at_ms) = 0;
    virtual std::optional<JournalEntry> entry(std::int64_t id) = 0;
    // Per action ever journalled (within retention): the newest entry with outcome "ok" (at_ms
    // 0 when none) and how many entries arrived after `since_ms`. Sorted by action.
    virtual std::vector<ActionLastOk> last_ok_by_action(std::int64_t since_ms) = 0;
};

// Orders of both origins. Every method is one transaction; stock moves in the same transaction
// as the order change that causes it, and never goes below 0 (a shortfall is an oversell on the
// line). `now` is unix seconds UTC (passed in so tests control time).
class Orders {
  public:
    virtual ~Orders() = default;
    // BaseLinker's OrderAdd. Exactly once: a known baselinker_id with no previous order returns
    // the existing id and changes nothing, however concurrent (a UNIQUE constraint decides).
    // previous_order_id naming an existing order replaces its content in place (same id; stock
    // moves only by the difference against what the previous version took); naming an unknown
    // order, a new one is created. Unmatched lines follow options.unknown_products.
    virtual AddOrderResult add_baselinker_order(const OrderInput& order,
                                                std::optional<Id> previous_order_id,
                                                const AddOrderOptions& options,
                                                std::int64_t now) = 0;
    // An order placed in the shop's storefront: origin Shop, always takes stock.
    virtual AddOrderResult create_shop_order(const OrderInput& order,
                                             const AddOrderOptions& options, std::int64_t now) = 0;
    // OrdersGet: ascending id, lines and latest shipment loaded set-based for the whole page.
    virtual OrderPage orders_page(const OrderQuery& query, Slice slice) = 0;
    // Entering a status flagged cancelled gives back what the order holds; leaving it for a
    // status not flagged cancelled takes the stock again (an order that took stock when added),
    // through the same plan as OrderAdd: exactly once per transition, however concurrent.
    virtual StatusUpdate set_status(Id order_id, Id status_id, const std::string& actor,
                                    std::int64_t now) = 0;
    // Adds a shipment unless the same number is already on the order (Unchanged).
    virtual UpdateResult add_shipment(Id order_id, const Shipment& shipment,
                                      const std::string& actor, std::int64_t now) = 0;
    // paid = true sets paid_time = now (unless already paid); false clears both.
    virtual UpdateResult set_paid(Id order_id, bool paid, const std::string& actor,
                                  std::int64_t now) = 0;
    virtual UpdateResult add_staff_comment(Id order_id, const std::string& text,
                                           const std::string& actor, std::int64_t now) = 0;
    virtual std::vector<OrderSummary> list_orders(const OrderListQuery& query) = 0;
    // With shipments and status history; nullopt when unknown.
    virtual std::optional<Order> order_detail(Id order_id) = 0;
    // Those of `ids` that name an order, in the order given (one statement for all of them).
    virtual std::vector<Id> existing_orders(std::span<const Id> ids) = 0;
    virtual OrderStats order_stats(std::int64_t now) = 0;
    // Every order's ledger against its lines' stock_taken, per product/variant (one snapshot).
    virtual StockAudit stock_audit() = 0;

    // The order inbox. A held order takes no stock; staff correct its lines and release it.
    // NotFound: no such order / line (0-based position) / product or variant to bind;
    // Conflict (field "order"): the order is not on hold; InvalidField: a value out of range.
    virtual core::Status correct_held_line(Id order_id, std::int64_t line,
                                           const LineCorrection& correction,
                                           const std::string& actor, std::int64_t now) = 0;
    // Ends the hold: Conflict (field "problems") while a blocking problem is open. An order in
    // the hold status moves to `status_id` (a known status, not the hold one) and takes its
    // stock through OrderAdd's plan (when BaseLinker asked it to take stock), oversells
    // recorded; a held order staff cancelled stays cancelled.
    virtual core::Result<ReleaseResult> release_held_order(Id order_id, Id status_id,
                                                           const std::string& actor,
                                                           std::int64_t now) = 0;
};

// Run-time settings (table `settings`), see SettingsTypes.h.
class Settings {
  public:
    virtual ~Settings() = default;
    virtual StoredSettings load() = 0;
    // Writes every member of `settings` (unset ones are removed) in one transaction and bumps
    // the version; `settings.version` is ignored.
    virtual void save(const StoredSettings& settings) = 0;
    virtual std::int64_t version() = 0;  // cheap: read on every refresh of the connector
};

// Admin users and API tokens. The store keeps hashes only; hashing and checking live in admin/.
class Admins {
  public:
    virtual ~Admins() = default;
    // Conflict (field "username") when the username is taken.
    virtual core::Result<Id> create_user(const std::string& username,
                                         const std::string& password_hash) = 0;
    virtual std::optional<AdminUser> find_user(const std::string& username) = 0;
    // NotFound for an unknown user (or, vanishingly unlikely, Conflict for a token hash already
    // stored: the caller draws a new token).
    virtual core::Result<Id> create_token(Id user_id, const std::string& name,
                                          const std::string& token_hash) = 0;
    virtual std::optional<AdminToken> find_token(const std::string& token_hash) = 0;
    // Every user and every token (never a hash), for `blconnect admin list`.
    virtual std::vector<AdminUserInfo> list_users() = 0;
    virtual std::vector<AdminTokenInfo> list_tokens() = 0;
    // False when there is no such user. A disabled user's sessions and tokens stop working.
    virtual bool set_user_disabled(const std::string& username, bool disabled) = 0;
    // Revokes the user's tokens named `name`; returns how many were revoked (0 = none such).
    virtual std::int64_t revoke_tokens(const std::string& username, const std::string& name) = 0;
    // Records a use of the token (`now`: unix seconds UTC).
    virtual void touch_token(Id token_id, std::int64_t now) = 0;
    // Panel sessions, found by the SHA-256 (hex) of the cookie's token.
    virtual void create_session(Id user_id, const std::string& token_hash,
                                const std::string& csrf_token, std::int64_t now,
                                std::int64_t expires_at) = 0;
    // nullopt when unknown or expired (expires_at <= now).
    virtual std::optional<AdminSession> find_session(const std::string& token_hash,
                                                     std::int64_t now) = 0;
    virtual void touch_session(Id session_id, std::int64_t now) = 0;
    virtual void delete_session(const std::string& token_hash) = 0;
    virtual std::int64_t prune_sessions(std::int64_t now) = 0;  // expired ones; returns count
};

struct StoreOptions {
    bool use_promo_price = true;  // reported price = active promotional price when present
    int pool_size = 16;           // connections kept open (one per worker thread)
    int busy_timeout_ms = 5000;
    // Product records an import writes per transaction: each holds the write lock for one
    // chunk only (docs/import.md), so the connector's writes interleave with a long import.
    int import_chunk = 250;
};

class Store {
  public:
    virtual ~Store() = default;
    virtual Catalog& catalog() = 0;
    virtual Lookups& lookups() = 0;
    virtual Orders& orders() = 0;
    virtual Journal& journal() = 0;
    virtual Admins& admins() = 0;
    virtual Settings& settings() = 0;
    virtual HeldChanges& held_changes() = 0;
    // Schema version of the database and the newest this program knows.
    virtual int schema_version() = 0;
    virtual int latest_schema_version() const = 0;
    // A tiny write (the one row of table heartbeat) that proves the database accepts writes;
    // throws StoreError when it does not (disk full, read-only, server lost).
    virtual void write_heartbeat(std::int64_t now) = 0;
};

// A database location as it may be shown (errors, logs, reports): a PostgreSQL URL without its
// password; a file path as it is.
std::string redact_location(const std::string& location);
// `message` with every occurrence of the location's password (a PostgreSQL URL's) replaced.
std::string scrub_location_secret(std::string message, const std::string& location);

// Creates the database if needed and applies every pending migration.
std::unique_ptr<Store> init_store(const std::string& location, const StoreOptions& options);
// Opens an existing database; throws StoreError when it does not exist, has pending migrations
// ("run blconnect init") or is newer than this program ("upgrade blconnect").
std::unique_ptr<Store> open_store(const std::string& location, const StoreOptions& options);

}  // namespace store

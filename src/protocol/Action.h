#pragma once
// An action reads typed parameters, calls the store, and writes its JSON. One file per action.
#include <cstdint>
#include <map>
#include <string>

#include "core/Status.h"
#include "store/Store.h"
#include "wire/JsonWriter.h"
#include "wire/Params.h"

namespace protocol {

// The vocabulary of every action: typed form fields in, JSON out (both from wire/).
using wire::JsonWriter;
using wire::Params;

// How BaseLinker's orders are taken in and what it may change: store::OrderPolicy (config
// [orders], overridden at run time by the admin side) plus the OrdersGet page size.
struct OrderSettings : store::OrderPolicy {
    std::int64_t page_size = 100;  // OrdersGet orders per page ([page_size] orders)
};

struct ConnectorSettings {
    std::string currency = "PLN";
    std::string base_url;  // prefix for relative image/logo/product URLs ("" = leave as stored)
    std::string version = "0.1.0";
    std::int64_t page_size_products = 1000;
    std::int64_t page_size_stock = 1000;
    std::int64_t max_products_data_ids = 1000;
    // ProductsList category_id ([connector] category_filter): "exact" = Listed, "subtree".
    store::CategoryMatch category_filter = store::CategoryMatch::Listed;
    OrderSettings orders;
    store::GuardRules guard;  // [guard]: the mass-change guard of the *Update batches
};

struct ActionContext {
    store::Store& store;
    const ConnectorSettings& settings;
    std::string journal_detail;  // JSON text the action wants in its journal entry ("" = none)
    std::int64_t now = 0;        // unix seconds UTC when the request arrived (set by the endpoint)
};

// Writes the success object into `out` and returns an ok Status, or returns the failure (the
// endpoint writes the envelope; anything already written to `out` is discarded).
using ActionFn = core::Status (*)(const Params& params, ActionContext& ctx, JsonWriter& out);

struct ActionInfo {
    const char* name;  // CamelCase, as SupportedMethods lists it
    ActionFn run;
};

namespace actions {
// What an action function returns (see ActionFn). Each action's file in actions/ defines
// `Outcome <action>(const Params&, ActionContext&, JsonWriter&)`; Registry.cpp declares and lists
// it on one line.
using Outcome = core::Status;
}  // namespace actions

}  // namespace protocol

// GET /categories and GET /manufacturers: every row (active or not) with its product count, for
// the panel's filters and pickers. Small tables: no paging.
#include "admin/api/Fields.h"
#include "admin/api/ProductHandlers.h"

namespace admin::api::products {
namespace {

void write_category(wire::JsonWriter& out, const store::CategoryRow& c) {
    out.begin_object();
    out.key("id").integer(c.id);
    out.key("parent_id");
    if (c.parent_id) {
        out.integer(*c.parent_id);
    } else {
        out.null();
    }
    out.key("external_id").string(c.external_id);
    out.key("name").string(c.name);
    out.key("path").string(c.path);
    out.key("active").boolean(c.active);
    out.key("products").integer(c.products);
    out.end_object();
}

void write_manufacturer(wire::JsonWriter& out, const store::ManufacturerRow& m) {
    out.begin_object();
    out.key("id").integer(m.id);
    out.key("name").string(m.name);
    out.key("logo_url").string(m.logo_url);
    out.key("products").integer(m.products);
    out.end_object();
}

template <class Row, class Write>
core::WebResponse items_reply(const std::vector<Row>& rows, Write write) {
    return json_reply_with(200, [&](wire::JsonWriter& out) {
        out.begin_object().key("items").begin_array();
        for (const auto& row : rows) write(out, row);
        out.end_array().end_object();
    });
}

}  // namespace

core::WebResponse categories(Call& call) {
    return items_reply(call.store.lookups().categories(), write_category);
}

core::WebResponse manufacturers(Call& call) {
    return items_reply(call.store.lookups().manufacturers(), write_manufacturer);
}

}  // namespace admin::api::products

#include "blsim/CheckList.h"

#include "blsim/Json.h"

namespace blsim {

namespace json = boost::json;

bool read_listed(const std::string& id, const json::value& v, ListedProduct& out,
                 Findings& fields) {
    if (!v.is_object()) {
        fields.fail("product " + id + " is not an object");
        return false;
    }
    const auto& obj = v.get_object();
    for (const char* key : {"name", "ean", "sku"}) {
        const auto* field = obj.if_contains(key);
        if (!field) {
            fields.fail("product " + id + " has no \"" + key + "\"");
            continue;
        }
        std::string text;
        if (field->is_string())
            text = std::string(field->get_string());
        else if (auto n = as_id(*field)) {
            text = *n;
            fields.note("product " + id + " \"" + key + "\" is a number");
        } else if (!field->is_null())
            fields.fail("product " + id + " \"" + key + "\" is " + describe_json_type(*field));
        (key[0] == 'n' ? out.name : key[0] == 'e' ? out.ean : out.sku) = text;
    }
    const auto* quantity = obj.if_contains("quantity");
    const auto q = quantity ? as_int(*quantity) : std::nullopt;
    if (!q)
        fields.fail("product " + id + " quantity missing or not an integer");
    else if (!quantity->is_int64() && !quantity->is_uint64())
        fields.note("product " + id + " quantity is a string");
    const auto* price = obj.if_contains("price");
    const auto p = price ? as_money(*price) : std::nullopt;
    if (!p)
        fields.fail("product " + id + " price missing or not money");
    else if (price->is_string())
        fields.note("product " + id + " price is a string");
    if (!q || !p) return false;
    out.quantity = *q;
    out.price = *p;
    return true;
}

ListPages fetch_list(Checker& checker, const Fields& filters, Findings& fields, int max_pages) {
    ListPages out;
    for (int page = 1; page <= max_pages; ++page) {
        Fields f = filters;
        f["page"] = std::to_string(page);
        const Reply reply = checker.call("ProductsList", f);
        const auto v = parse_json(reply.body);
        if (!v || is_error_envelope(*v)) {
            out.error = true;
            out.error_code = v ? error_code(*v) : "not JSON";
            out.problems.push_back("page " + std::to_string(page) + ": " + out.error_code);
            return out;
        }
        const auto map = read_paged_map(*v);
        if (!map) {
            out.problems.push_back("page " + std::to_string(page) + " is not a map");
            return out;
        }
        if (map->empty_list) {
            if (page == 1) return out;  // nothing matches
            out.problems.push_back("page " + std::to_string(page) + " of " +
                                   std::to_string(out.pages) + " is empty");
            return out;
        }
        if (!money_has_two_decimals(reply.body, "price"))
            fields.note("a price without exactly two decimals");
        if (!map->pages) {
            out.problems.push_back("page " + std::to_string(page) + " has no integer \"pages\"");
            return out;
        }
        if (page == 1)
            out.pages = *map->pages;
        else if (*map->pages != out.pages)
            out.problems.push_back("pages changed from " + std::to_string(out.pages) + " to " +
                                   std::to_string(*map->pages));
        for (const auto& [id, value] : map->entries) {
            ListedProduct product;
            if (read_listed(id, value, product, fields)) out.items.emplace_back(id, product);
        }
        if (page >= out.pages) break;
    }
    // Past the last page the protocol answers [].
    if (out.pages >= 1 && out.pages < max_pages) {
        Fields f = filters;
        f["page"] = std::to_string(out.pages + 1);
        const auto past = checker.call_json("ProductsList", f);
        if (!past || !is_empty_map(*past))
            out.problems.push_back("the page past the end is not []");
    }
    return out;
}

}  // namespace blsim

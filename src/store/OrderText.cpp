#include "store/OrderText.h"

#include <utility>

#include "core/Text.h"

namespace store {
namespace {

bool is_removed(unsigned char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

}  // namespace

void clean_text(std::string& text, std::size_t max_chars, std::string_view field,
                std::vector<std::string>& notes) {
    std::size_t removed = 0;
    std::string out;
    std::size_t chars = 0;
    bool cut = false;
    std::string_view rest = text;
    while (!rest.empty()) {
        const auto step = core::next_utf8(rest);
        const std::string_view piece = rest.substr(0, step.length);
        rest.remove_prefix(step.length);
        if (step.length == 1 && is_removed(static_cast<unsigned char>(piece[0]))) {
            ++removed;
            continue;
        }
        if (chars == max_chars) {
            cut = true;
            break;
        }
        out.append(piece);
        ++chars;
    }
    if (removed == 0 && !cut) return;
    if (removed > 0) {
        notes.push_back(std::string(field) + ": " + std::to_string(removed) +
                        (removed == 1 ? " control character" : " control characters") + " removed");
    }
    if (cut) {
        notes.push_back(std::string(field) + ": cut to " + std::to_string(max_chars) +
                        " characters");
    }
    text = std::move(out);
}

void clean_text(std::string& text, std::size_t max_chars) {
    std::vector<std::string> ignored;
    clean_text(text, max_chars, "", ignored);
}

std::vector<std::string> clean_order_text(OrderInput& o) {
    std::vector<std::string> notes;
    auto clean = [&notes](std::string& text, std::size_t max, std::string_view field) {
        clean_text(text, max, field, notes);
    };
    for (auto [address, prefix] : {std::pair{&o.delivery, "delivery_"}, {&o.invoice, "invoice_"}}) {
        const std::string p = prefix;
        clean(address->fullname, kLineText, p + "fullname");
        clean(address->company, kLineText, p + "company");
        clean(address->address, kLineText, p + "address");
        clean(address->city, kLineText, p + "city");
        clean(address->postcode, kCodeText, p + "postcode");
        clean(address->state_code, kCodeText, p + "state_code");
        clean(address->country, kLineText, p + "country");
        clean(address->country_code, kCodeText, p + "country_code");
    }
    clean(o.point.id, kLineText, "delivery_point_id");
    clean(o.point.name, kLineText, "delivery_point_name");
    clean(o.point.address, kLineText, "delivery_point_address");
    clean(o.point.postcode, kCodeText, "delivery_point_postcode");
    clean(o.point.city, kLineText, "delivery_point_city");
    clean(o.invoice_nip, kCodeText, "invoice_nip");
    clean(o.transaction_id, kLineText, "transaction_id");
    clean(o.client_login, kLineText, "client_login");
    clean(o.service_account, kLineText, "service_account");
    clean(o.phone, kCodeText, "phone");
    clean(o.email, kLineText, "email");
    clean(o.currency, kCodeText, "currency");
    clean(o.delivery_method, kLineText, "delivery_method");
    clean(o.payment_method, kLineText, "payment_method");
    clean(o.user_comments, kLongText, "user_comments");
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
        auto& line = o.lines[i];
        const std::string p = "line " + std::to_string(i + 1) + " ";
        clean(line.sku, kLineText, p + "sku");
        clean(line.ean, kLineText, p + "ean");
        clean(line.name, kLineText, p + "name");
        clean(line.auction_id, kLineText, p + "auction_id");
        for (std::size_t a = 0; a < line.attributes.size(); ++a) {
            const std::string q = p + "attribute " + std::to_string(a + 1) + " ";
            clean(line.attributes[a].name, kLineText, q + "name");
            clean(line.attributes[a].value, kLineText, q + "value");
        }
    }
    return notes;
}

std::vector<std::string> clean_shipment_text(Shipment& shipment) {
    std::vector<std::string> notes;
    clean_text(shipment.number, kLineText, "tracking number", notes);
    clean_text(shipment.carrier, kLineText, "carrier", notes);
    clean_text(shipment.url, kLineText, "tracking URL", notes);
    return notes;
}

}  // namespace store

#pragma once
// What an order's text may hold, whatever the database and whoever sends it (BaseLinker, the
// storefront, staff): no control characters but tab, line feed and carriage return (PostgreSQL
// cannot store NUL at all, and no address needs a bell), and a sane length per field, cut at a
// character boundary. The store applies it to every order it adds and to every shipment and
// comment; what it changed comes back as notes for the journal ("delivery_city: 2 control
// characters removed", "line 3 name: cut to 1000 characters"). Text is valid UTF-8 already (every
// edge checks that).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "store/OrderTypes.h"

namespace store {

// Field lengths in characters (code points).
inline constexpr std::size_t kCodeText = 64;     // postcode, phone, tax id, currency, codes
inline constexpr std::size_t kLineText = 1000;   // names, addresses, e-mail, methods, sku, ean
inline constexpr std::size_t kLongText = 10000;  // the buyer's comments, staff comments

// Cleans `text` in place; appends "<field>: ..." to `notes` when it changed anything.
void clean_text(std::string& text, std::size_t max_chars, std::string_view field,
                std::vector<std::string>& notes);
// The same where nobody reads the notes (a staff comment: staff see what was stored).
void clean_text(std::string& text, std::size_t max_chars);

// Cleans every text of an order (lines and attributes included) with the lengths above.
std::vector<std::string> clean_order_text(OrderInput& order);
// A shipment's number, carrier and URL; the notes name them "tracking number", "carrier",
// "tracking URL" (a caller that journals asks first what the store will change).
std::vector<std::string> clean_shipment_text(Shipment& shipment);

}  // namespace store

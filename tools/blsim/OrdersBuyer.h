#pragma once
// Realistic Polish marketplace buyers: names, addresses, phones, e-mails, tax ids, lockers.
#include "blsim/Client.h"
#include "blsim/Orders.h"

namespace blsim {

// Fills delivery_*, invoice_*, want_invoice, phone, email, client_login, user_comments.
void fill_buyer(Rng& rng, Fields& fields);
// Fills delivery_point_* with a parcel locker in the delivery city.
void fill_locker(Rng& rng, Fields& fields);

}  // namespace blsim

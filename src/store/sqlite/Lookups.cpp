#include "store/sqlite/Lookups.h"

namespace store::sqlite {

std::vector<NamedId> SqliteLookups::read(const char* sql) {
    auto conn = pool_.acquire();
    auto st = conn->prepare(sql);
    std::vector<NamedId> out;
    while (st.step()) out.push_back(NamedId{st.integer(0), st.text(1), st.integer(2) != 0});
    return out;
}

std::vector<NamedId> SqliteLookups::order_statuses() {
    return read("SELECT id, name, cancelled FROM order_statuses ORDER BY id");
}

std::vector<NamedId> SqliteLookups::delivery_methods() {
    return read("SELECT id, name, 0 FROM delivery_methods ORDER BY id");
}

std::vector<NamedId> SqliteLookups::payment_methods() {
    return read("SELECT id, name, cod FROM payment_methods ORDER BY id");
}

}  // namespace store::sqlite

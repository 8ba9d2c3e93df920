#include "blsim/SyncState.h"

#include <fcntl.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "blsim/Json.h"

namespace blsim {

namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

std::string text(const json::object& o, const char* key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : "";
}

json::object line_to_json(const OrderLine& l) {
    return {{"product_id", l.item.product_id},
            {"variant_id", l.item.variant_id},
            {"name", l.item.name},
            {"sku", l.item.sku},
            {"ean", l.item.ean},
            {"tax", l.item.tax},
            {"price", l.item.price.format()},
            {"quantity", l.quantity}};
}

OrderLine line_from_json(const json::object& o) {
    OrderLine l;
    l.item = {text(o, "product_id"),
              text(o, "variant_id"),
              text(o, "name"),
              text(o, "sku"),
              text(o, "ean"),
              text(o, "tax"),
              {}};
    l.item.price = core::Money::parse(text(o, "price")).value_or(core::Money{});
    if (const auto* q = o.if_contains("quantity")) l.quantity = as_int(*q).value_or(0);
    return l;
}

json::object order_to_json(const AddedOrder& a) {
    json::object fields;
    for (const auto& [k, v] : a.pushed.fields) fields[k] = v;
    json::array lines;
    for (const auto& l : a.pushed.lines) lines.push_back(line_to_json(l));
    return {{"order_id", a.order_id},         {"fields", fields},       {"lines", lines},
            {"status_id", a.status_id},       {"tracking", a.tracking}, {"carrier", a.carrier},
            {"tracking_url", a.tracking_url}, {"paid", a.paid}};
}

AddedOrder order_from_json(const json::object& o) {
    AddedOrder a;
    a.order_id = text(o, "order_id");
    a.status_id = text(o, "status_id");
    a.tracking = text(o, "tracking");
    a.carrier = text(o, "carrier");
    a.tracking_url = text(o, "tracking_url");
    a.paid = text(o, "paid");
    if (const auto* f = o.if_contains("fields"); f && f->is_object())
        for (const auto& [k, v] : f->get_object())
            if (v.is_string()) a.pushed.fields[std::string(k)] = std::string(v.get_string());
    if (const auto* ls = o.if_contains("lines"); ls && ls->is_array())
        for (const auto& l : ls->get_array())
            if (l.is_object()) a.pushed.lines.push_back(line_from_json(l.get_object()));
    return a;
}

}  // namespace

SyncState load_state(const std::string& dir) {
    SyncState state;
    const fs::path path = fs::path(dir) / "state.json";
    std::ifstream in(path);
    if (!in) return state;
    std::stringstream buf;
    buf << in.rdbuf();
    auto parsed = parse_json(buf.str());
    if (!parsed || !parsed->is_object())
        throw std::runtime_error(path.string() + ": not a state file");
    const auto& o = parsed->get_object();
    state.id_from = text(o, "id_from").empty() ? "0" : text(o, "id_from");
    if (const auto* v = o.if_contains("time_from")) state.time_from = as_int(*v).value_or(0);
    if (const auto* v = o.if_contains("counter"))
        state.counter = static_cast<std::uint64_t>(as_int(*v).value_or(0));
    if (const auto* v = o.if_contains("id_base"))
        state.id_base = static_cast<std::uint64_t>(as_int(*v).value_or(0));
    if (const auto* v = o.if_contains("orders"); v && v->is_array())
        for (const auto& a : v->get_array())
            if (a.is_object()) state.orders.push_back(order_from_json(a.get_object()));
    return state;
}

void save_state(const std::string& dir, const SyncState& state) {
    fs::create_directories(dir);
    json::array orders;
    for (const auto& a : state.orders) orders.push_back(order_to_json(a));
    const json::object doc{{"id_from", state.id_from},
                           {"time_from", state.time_from},
                           {"counter", state.counter},
                           {"id_base", state.id_base},
                           {"orders", orders}};
    const std::string body = json::serialize(doc) + "\n";
    const fs::path path = fs::path(dir) / "state.json";
    const fs::path tmp = fs::path(dir) / "state.json.tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error(tmp.string() + ": cannot write");
    std::size_t done = 0;
    while (done < body.size()) {
        const ssize_t n = ::write(fd, body.data() + done, body.size() - done);
        if (n <= 0) {
            ::close(fd);
            throw std::runtime_error(tmp.string() + ": write failed");
        }
        done += static_cast<std::size_t>(n);
    }
    // The rename must not become visible before the data: otherwise a crash leaves an empty state.
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) throw std::runtime_error(tmp.string() + ": fsync failed");
    fs::rename(tmp, path);
}

}  // namespace blsim

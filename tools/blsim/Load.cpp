#include "blsim/Load.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <thread>

#include "blsim/Json.h"
#include "blsim/LoadMix.h"
#include "blsim/LoadReport.h"
#include "blsim/Orders.h"
#include "blsim/SyncCall.h"

namespace blsim {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::int64_t kMaxDiscoverPages = 1000;
constexpr std::uint64_t kMaxRequestsPerThread = 10000000;
constexpr std::size_t kDataBatch = 100;
constexpr int kMaxConcurrency = 256;
constexpr int kMaxDuration = 24 * 3600;

// What the threads choose from, found once before the clock starts.
struct Discovery {
    std::int64_t list_pages = 1, stock_pages = 1;
    std::vector<std::string> product_ids;
    std::vector<std::string> order_ids{"0"};  // id_from candidates
};

Discovery discover(Client& client) {
    Discovery d;
    for (std::int64_t page = 1; page <= d.stock_pages && page <= kMaxDiscoverPages; ++page) {
        auto answer = call_json(client, "ProductsQuantity", {{"page", std::to_string(page)}});
        if (page == 1) d.stock_pages = std::max<std::int64_t>(1, pages_of(answer));
        if (!answer.is_object()) break;
        for (const auto& [id, v] : answer.get_object())
            if (id != "pages") d.product_ids.emplace_back(id);
    }
    d.list_pages = std::max<std::int64_t>(1, pages_of(call_json(client, "ProductsList")));
    auto orders = call_json(client, "OrdersGet");
    if (orders.is_object())
        for (const auto& [id, v] : orders.get_object())
            if (id != "pages") d.order_ids.emplace_back(id);
    return d;
}

std::pair<std::string, Fields> request_for(LoadAction action, const Discovery& d, Rng& rng) {
    const auto page = [&](std::int64_t pages) {
        return std::to_string(1 + rng.below(static_cast<std::uint64_t>(pages)));
    };
    switch (action) {
        case LoadAction::list:
            return {"ProductsList", {{"page", page(d.list_pages)}}};
        case LoadAction::stock:
            return {"ProductsQuantity", {{"page", page(d.stock_pages)}}};
        case LoadAction::orders:
            return {"OrdersGet", {{"id_from", rng.pick(d.order_ids)}}};
        case LoadAction::data:
            break;
    }
    std::string ids;
    for (std::size_t i = 0; i < kDataBatch && !d.product_ids.empty(); ++i)
        ids += (ids.empty() ? "" : ",") + rng.pick(d.product_ids);
    return {"ProductsData", {{"products_id", ids}}};
}

// "" when the answer is a protocol success; otherwise why not.
std::string failure_of(const Reply& reply) {
    if (!reply.error.empty()) return reply.error;
    if (reply.status != 200) return "HTTP " + std::to_string(reply.status);
    const auto first = reply.body.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || (reply.body[first] != '{' && reply.body[first] != '['))
        return "not JSON: " + reply.body.substr(0, 80);
    // Parsing every large page would measure the client; only suspects are parsed.
    if (reply.body.find("\"error\"") == std::string::npos) return "";
    auto json = parse_json(reply.body);
    if (!json) return "not JSON: " + reply.body.substr(0, 80);
    if (is_error_envelope(*json)) return reply.body.substr(0, 200);
    return "";
}

LoadStats worker(const LoadOptions& options, const std::vector<MixEntry>& mix, const Discovery& d,
                 Clock::time_point deadline, std::uint64_t seed) {
    LoadStats stats;
    Client client(options.target);
    Rng rng(seed);
    const unsigned total = total_weight(mix);
    for (std::uint64_t n = 0; n < kMaxRequestsPerThread && Clock::now() < deadline; ++n) {
        const LoadAction action = pick_action(mix, static_cast<unsigned>(rng.below(total)));
        const auto [name, fields] = request_for(action, d, rng);
        const Reply reply = client.call(name, fields);
        auto& s = stats[static_cast<std::size_t>(action)];
        s.ms.push_back(reply.ms);
        if (auto why = failure_of(reply); !why.empty()) {
            ++s.errors;
            if (s.first_error.empty()) s.first_error = name + ": " + why;
            // A refused connection fails in microseconds: do not spin a core until the deadline.
            if (reply.status == 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    return stats;
}

bool valid(const LoadOptions& o) {
    if (o.duration_s < 1 || o.duration_s > kMaxDuration || o.concurrency < 1 ||
        o.concurrency > kMaxConcurrency) {
        std::fprintf(stderr, "blsim load: --duration must be 1..%d, --concurrency 1..%d\n",
                     kMaxDuration, kMaxConcurrency);
        return false;
    }
    return true;
}

}  // namespace

int run_load(const LoadOptions& options) {
    std::string error;
    const auto mix = parse_mix(options.mix, error);
    if (!mix) {
        std::fprintf(stderr, "blsim load: %s\n", error.c_str());
        return 2;
    }
    if (!valid(options)) return 2;
    try {
        Client probe(options.target);
        const Discovery d = discover(probe);
        std::printf("blsim load %s: %d threads for %d s, mix %s (%zu products, %lld list pages)\n",
                    options.target.url.c_str(), options.concurrency, options.duration_s,
                    options.mix.c_str(), d.product_ids.size(),
                    static_cast<long long>(d.list_pages));
        std::fflush(stdout);
        const auto start = Clock::now();
        const auto deadline = start + std::chrono::seconds(options.duration_s);
        std::vector<LoadStats> per_thread(static_cast<std::size_t>(options.concurrency));
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < per_thread.size(); ++i)
            threads.emplace_back(
                [&, i] { per_thread[i] = worker(options, *mix, d, deadline, 1 + i); });
        for (auto& t : threads) t.join();
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        LoadStats all;
        for (auto& s : per_thread) merge_stats(all, std::move(s));
        print_load_report(all, seconds);
        std::uint64_t errors = 0;
        for (const auto& s : all) errors += s.errors;
        return errors ? 1 : 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "blsim load: %s\n", e.what());
        return 2;
    }
}

}  // namespace blsim

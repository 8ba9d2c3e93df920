#include "Scenarios.h"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <exception>
#include <iostream>
#include <latch>
#include <mutex>
#include <thread>

#include "Process.h"

namespace bench {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Far above any real page count (10M products / 1000); a runaway `pages` is a bug to report.
constexpr std::int64_t kMaxPages = 1'000'000;

boost::json::object parse_object(const std::string& body, const std::string& what) {
    boost::system::error_code ec;
    auto value = boost::json::parse(body, ec);
    if (ec || !value.is_object()) throw BenchError(what + ": the answer is not a JSON object");
    return std::move(value.as_object());
}

std::int64_t pages_of(const boost::json::object& page, const std::string& what) {
    auto* pages = page.if_contains("pages");
    std::int64_t n = pages && pages->is_number() ? pages->to_number<std::int64_t>() : -1;
    if (n < 1 || n > kMaxPages) throw BenchError(what + ": missing or odd \"pages\"");
    return n;
}

std::int64_t first_page_pages(Client& client, const std::string& action, const Fields& fields) {
    return pages_of(parse_object(client.call(action, fields).body, action), action);
}

std::int64_t parse_id(std::string_view key, const std::string& what) {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
    if (ec != std::errc() || end != key.data() + key.size()) {
        throw BenchError(what + ": key '" + std::string(key) + "' is not a product id");
    }
    return id;
}

// Reads one ProductsQuantity page into the catalogue.
void collect_stock_page(const boost::json::object& page, Catalogue& out) {
    for (const auto& [key, value] : page) {
        if (key == "pages") continue;
        out.ids.push_back(parse_id(key, "ProductsQuantity"));
        if (!value.is_object() || !value.as_object().contains("0")) {
            throw BenchError("ProductsQuantity: product " + std::string(key) + " has no key 0");
        }
        out.variants += static_cast<std::int64_t>(value.as_object().size()) - 1;
    }
}

Fields page_field(std::int64_t pages, Rng& rng) {
    std::uniform_int_distribution<std::int64_t> pick(1, pages);
    return {{"page", std::to_string(pick(rng))}};
}

// `count` distinct random ids (all of them when the shop has fewer), comma-separated.
std::string random_ids(const std::vector<std::int64_t>& ids, std::size_t count, Rng& rng) {
    std::size_t want = std::min(count, ids.size());
    std::vector<std::int64_t> picked;
    std::uniform_int_distribution<std::size_t> pick(0, ids.size() - 1);
    for (std::size_t tries = 0; picked.size() < want && tries < want * 50; ++tries) {
        auto id = ids[pick(rng)];
        if (std::find(picked.begin(), picked.end(), id) == picked.end()) picked.push_back(id);
    }
    std::string out;
    for (auto id : picked) out += (out.empty() ? "" : ",") + std::to_string(id);
    return out;
}

void check_data_answer(const std::string& body, const Fields& sent) {
    auto requested = std::count(sent[0].second.begin(), sent[0].second.end(), ',') + 1;
    auto answer = parse_object(body, "ProductsData");
    if (static_cast<std::int64_t>(answer.size()) != requested) {
        throw BenchError("ProductsData: asked for " + std::to_string(requested) +
                         " products, got " + std::to_string(answer.size()));
    }
}

void check_page_answer(const std::string& body, const Fields&) {
    pages_of(parse_object(body, "page"), "page");
}

}  // namespace

Catalogue discover(Client& client, const std::string& filter_name) {
    Catalogue c;
    c.list_pages = first_page_pages(client, "ProductsList", {});
    c.price_pages = first_page_pages(client, "ProductsPrices", {});
    try {
        c.name_pages = first_page_pages(client, "ProductsList",
                                        {{"filter_name", filter_name}, {"filter_limit", "100"}});
    } catch (const BenchError& e) {
        throw BenchError("the name filter must find products (try --filter-name): " +
                         std::string(e.what()));
    }
    c.stock_pages = first_page_pages(client, "ProductsQuantity", {});
    for (std::int64_t page = 1; page <= c.stock_pages; ++page) {
        auto body = client.call("ProductsQuantity", {{"page", std::to_string(page)}}).body;
        collect_stock_page(parse_object(body, "ProductsQuantity"), c);
    }
    std::sort(c.ids.begin(), c.ids.end());
    c.products = static_cast<std::int64_t>(c.ids.size());
    if (c.products == 0) throw BenchError("the shop has no products");
    return c;
}

Scenario list_page_scenario(const Catalogue& c) {
    auto pages = c.list_pages;
    return {"ProductsList, random page (" + std::to_string(pages) + " pages)", "ProductsList",
            [pages](Rng& rng) { return page_field(pages, rng); }, check_page_answer};
}

Scenario stock_page_scenario(Client& client) {
    const std::int64_t pages = first_page_pages(client, "ProductsQuantity", {});
    return {"ProductsQuantity, random page (" + std::to_string(pages) + " pages)",
            "ProductsQuantity", [pages](Rng& rng) { return page_field(pages, rng); },
            check_page_answer};
}

std::vector<Scenario> catalogue_scenarios(const Catalogue& c, const std::string& filter_name) {
    std::vector<Scenario> out;
    out.push_back(list_page_scenario(c));
    auto name_pages = c.name_pages;
    out.push_back({"ProductsList, filter_name=" + filter_name + ", filter_limit=100, random page",
                   "ProductsList",
                   [name_pages, filter_name](Rng& rng) {
                       Fields f = page_field(name_pages, rng);
                       f.emplace_back("filter_name", filter_name);
                       f.emplace_back("filter_limit", "100");
                       return f;
                   },
                   check_page_answer});
    const auto* ids = &c.ids;
    out.push_back({"ProductsData, 100 random ids", "ProductsData",
                   [ids](Rng& rng) {
                       return Fields{{"products_id", random_ids(*ids, 100, rng)}};
                   },
                   check_data_answer});
    auto stock = c.stock_pages;
    out.push_back({"ProductsQuantity, random page", "ProductsQuantity",
                   [stock](Rng& rng) { return page_field(stock, rng); }, check_page_answer});
    auto prices = c.price_pages;
    out.push_back({"ProductsPrices, random page", "ProductsPrices",
                   [prices](Rng& rng) { return page_field(prices, rng); }, check_page_answer});
    return out;
}

Summary run_scenario(Client& client, const Scenario& s, int warmup, int iterations, Rng& rng) {
    for (int i = 0; i < warmup; ++i) {
        auto fields = s.fields(rng);
        auto reply = client.call(s.action, fields);
        if (s.check) s.check(reply.body, fields);
    }
    std::vector<double> latencies;
    latencies.reserve(static_cast<std::size_t>(iterations));
    double bytes = 0;
    auto start = Clock::now();
    for (int i = 0; i < iterations; ++i) {
        auto reply = client.call(s.action, s.fields(rng));
        latencies.push_back(reply.ms);
        bytes += static_cast<double>(reply.body.size());
    }
    return summarize(std::move(latencies), seconds_since(start), bytes);
}

std::vector<double> run_sweeps(Client& client, const std::string& action, std::int64_t pages,
                               int repeats) {
    std::vector<double> seconds;
    for (int r = 0; r < repeats; ++r) {
        auto start = Clock::now();
        for (std::int64_t page = 1; page <= pages; ++page) {
            client.call(action, {{"page", std::to_string(page)}});
        }
        seconds.push_back(seconds_since(start));
    }
    return seconds;
}

namespace {

struct ThreadResult {
    std::vector<double> latencies;
    double bytes = 0;
    Clock::time_point start, end;
    std::exception_ptr error;
};

void client_thread(std::uint16_t port, const std::string& password, const Scenario& s, int warmup,
                   int count, std::uint64_t seed, std::latch& ready, ThreadResult& out) {
    bool arrived = false;
    try {
        Client client(port, password);
        Rng rng(seed);
        for (int i = 0; i < warmup; ++i) client.call(s.action, s.fields(rng));
        arrived = true;
        ready.arrive_and_wait();
        out.start = Clock::now();
        for (int i = 0; i < count; ++i) {
            auto reply = client.call(s.action, s.fields(rng));
            out.latencies.push_back(reply.ms);
            out.bytes += static_cast<double>(reply.body.size());
        }
        out.end = Clock::now();
    } catch (...) {
        out.error = std::current_exception();
        if (!arrived) ready.count_down();  // never leave the other threads waiting
    }
}

}  // namespace

Summary run_concurrent(std::uint16_t port, const std::string& password, const Scenario& s,
                       int threads, int warmup, int per_thread) {
    return run_concurrent(std::vector<std::uint16_t>{port}, password, s, threads, warmup,
                          per_thread);
}

Summary run_concurrent(const std::vector<std::uint16_t>& ports, const std::string& password,
                       const Scenario& s, int threads, int warmup, int per_thread) {
    std::vector<ThreadResult> results(static_cast<std::size_t>(threads));
    std::latch ready(threads);
    std::vector<std::jthread> pool;
    for (int t = 0; t < threads; ++t) {
        const std::uint16_t port = ports[static_cast<std::size_t>(t) % ports.size()];
        pool.emplace_back(client_thread, port, std::cref(password), std::cref(s), warmup,
                          per_thread, 1000 + static_cast<std::uint64_t>(t), std::ref(ready),
                          std::ref(results[static_cast<std::size_t>(t)]));
    }
    pool.clear();  // joins
    std::vector<double> latencies;
    double bytes = 0;
    auto start = Clock::time_point::max();
    auto end = Clock::time_point::min();
    for (auto& r : results) {
        if (r.error) std::rethrow_exception(r.error);
        latencies.insert(latencies.end(), r.latencies.begin(), r.latencies.end());
        bytes += r.bytes;
        start = std::min(start, r.start);
        end = std::max(end, r.end);
    }
    return summarize(std::move(latencies), std::chrono::duration<double>(end - start).count(),
                     bytes);
}

}  // namespace bench

#pragma once
// `blsim check`: conformance checks derived from docs/protocol.md. Each check has a stable id, a
// one-line description and a verdict; a NOTE is a tolerated deviation (what PHP files emit), a
// FAIL is something BaseLinker would trip over or a rule of the protocol that is broken.
#include <boost/json/value.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "blsim/Client.h"
#include "core/Money.h"

namespace blsim {

struct CheckOptions {
    Target target;
    bool write = false;
    std::string json_file;
};

// Exit status: 0 no failure, 1 a check failed, 2 could not run.
int run_check(const CheckOptions& options);

enum class Verdict { pass, fail, note, skip };
const char* verdict_name(Verdict v);

struct CheckResult {
    std::string id;
    std::string description;
    Verdict verdict = Verdict::pass;
    std::string detail;    // why it failed / what the deviation is
    std::string request;   // action and fields of the exchange that decided it (never bl_pass)
    std::string response;  // excerpt of the answer
};

// What one check found: any problem makes it FAIL, otherwise any deviation makes it a NOTE.
struct Findings {
    std::vector<std::string> problems;
    std::vector<std::string> deviations;
    void fail(std::string text) { problems.push_back(std::move(text)); }
    void note(std::string text) { deviations.push_back(std::move(text)); }
    bool ok() const { return problems.empty(); }
};

class Checker {
  public:
    explicit Checker(Client& client) : client_(client) {}
    Client& client() { return client_; }

    // One protocol call; the exchange is remembered for the next recorded result.
    Reply call(const std::string& action, const Fields& fields = {});
    // call() + JSON parse; nullopt (and a remembered reason) when the answer is not JSON.
    std::optional<boost::json::value> call_json(const std::string& action,
                                                const Fields& fields = {});
    // The last exchange as text, for results recorded by hand.
    void remember(const std::string& request, const Reply& reply);

    void record(const std::string& id, const std::string& description, const Findings& findings);
    void skip(const std::string& id, const std::string& description, const std::string& why);
    const std::vector<CheckResult>& results() const { return results_; }
    // Actions whose answer was not valid UTF-8 / not JSON at all, over the whole run.
    const std::vector<std::string>& bad_utf8() const { return bad_utf8_; }
    const std::vector<std::string>& not_json() const { return not_json_; }

  private:
    Client& client_;
    std::string last_request_, last_response_;
    std::vector<CheckResult> results_;
    std::vector<std::string> bad_utf8_, not_json_;
};

// What the read-only checks learned about the shop, used by later checks.
struct ListedProduct {
    std::string name, ean, sku;
    std::int64_t quantity = 0;
    core::Money price;
};

struct Snapshot {
    std::map<std::string, ListedProduct> products;  // every ProductsList entry, all pages
    std::map<std::string, std::string> categories;  // id -> path
    boost::json::object data;                       // ProductsData of a sample
    std::map<std::string, std::map<std::string, std::int64_t>> quantities;
    std::map<std::string, std::map<std::string, core::Money>> prices;
    std::set<std::string> statuses, deliveries, payments;
    std::vector<std::string> order_ids;  // ascending, from OrdersGet
    bool list_ok = false;
};

// The areas, in the order run_check calls them.
void check_transport(Checker& checker);
void check_utf8_everywhere(Checker& checker);  // last: covers every answer of the run
void check_catalog(Checker& checker, Snapshot& snap);
void check_catalog_filters(Checker& checker, const Snapshot& snap);
void check_catalog_stock(Checker& checker, Snapshot& snap);
void check_orders(Checker& checker, Snapshot& snap);
void check_write(Checker& checker, Snapshot& snap);

// Output.
void print_report(const std::vector<CheckResult>& results, std::ostream& out);
void write_json_report(const std::vector<CheckResult>& results, const std::string& path);

// Helpers shared by the areas.
std::string excerpt(const std::string& text, std::size_t max = 300);
std::string describe_json_type(const boost::json::value& v);
// Reads a `{"<id>": {...}, "pages": N}` map; "pages" is returned apart. nullopt when not a map.
struct PagedMap {
    std::vector<std::pair<std::string, boost::json::value>> entries;  // in answer order
    std::optional<std::int64_t> pages;
    bool empty_list = false;  // the answer was []
};
std::optional<PagedMap> read_paged_map(const boost::json::value& v);

}  // namespace blsim

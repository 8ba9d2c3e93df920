#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <iomanip>
#include <ostream>
#include <stdexcept>

#include "blsim/Check.h"

namespace blsim {

namespace json = boost::json;

void print_report(const std::vector<CheckResult>& results, std::ostream& out) {
    int counts[4] = {0, 0, 0, 0};
    for (const auto& r : results) {
        ++counts[static_cast<int>(r.verdict)];
        out << std::left << std::setw(36) << r.id << " " << verdict_name(r.verdict) << "  "
            << r.description << "\n";
        if (r.verdict == Verdict::pass) continue;
        if (!r.detail.empty()) out << "      " << r.detail << "\n";
        // Only failures carry the exchange: that is what an integrator needs to reproduce them.
        if (r.verdict != Verdict::fail) continue;
        if (!r.request.empty()) out << "      request:  " << r.request << "\n";
        if (!r.response.empty()) out << "      response: " << r.response << "\n";
    }
    out << "\n"
        << counts[0] << " passed, " << counts[1] << " failed, " << counts[2] << " notes, "
        << counts[3] << " skipped\n";
}

void write_json_report(const std::vector<CheckResult>& results, const std::string& path) {
    json::array list;
    for (const auto& r : results) {
        list.push_back(json::object{{"id", r.id},
                                    {"description", r.description},
                                    {"verdict", verdict_name(r.verdict)},
                                    {"detail", r.detail},
                                    {"request", r.request},
                                    {"response", r.response}});
    }
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (!file) throw std::runtime_error("cannot write " + path);
    file << json::serialize(json::object{{"results", std::move(list)}}) << "\n";
}

}  // namespace blsim

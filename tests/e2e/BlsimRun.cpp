#include "e2e/BlsimRun.h"

#include <stdlib.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace e2e {
namespace {

namespace json = boost::json;

std::string text_of(const json::value* value) {
    if (value == nullptr) return {};
    if (value->is_string()) return std::string(value->as_string());
    return json::serialize(*value);
}

void add_result(std::map<std::string, CheckVerdict>& report, const json::object& check) {
    const json::value* id = check.if_contains("id");
    if (id == nullptr || !id->is_string()) return;
    // The table prints verdicts in capitals; compare them in one case.
    std::string verdict = text_of(check.if_contains("verdict"));
    std::transform(verdict.begin(), verdict.end(), verdict.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    report[std::string(id->as_string())] = {verdict, text_of(check.if_contains("detail"))};
}

// Accepts [check, ...] or {"checks": [check, ...], ...}.
const json::array* checks_of(const json::value& root) {
    if (root.is_array()) return &root.as_array();
    if (!root.is_object()) return nullptr;
    for (const char* key : {"checks", "results"}) {
        const json::value* list = root.as_object().if_contains(key);
        if (list != nullptr && list->is_array()) return &list->as_array();
    }
    return nullptr;
}

}  // namespace

Outcome run_blsim(const std::string& args) {
    std::string command =
        "timeout --kill-after=5 240 " + std::string(BLSIM_BINARY) + " " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    Outcome out;
    if (pipe == nullptr) return out;
    std::array<char, 4096> buffer{};
    while (auto n = fread(buffer.data(), 1, buffer.size(), pipe)) {
        out.output.append(buffer.data(), n);
    }
    out.code = WEXITSTATUS(pclose(pipe));
    return out;
}

std::map<std::string, CheckVerdict> read_report(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    boost::system::error_code ec;
    json::value root = json::parse(text.str(), ec);
    std::map<std::string, CheckVerdict> report;
    if (ec) return report;
    if (const json::array* checks = checks_of(root)) {
        for (const json::value& check : *checks) {
            if (check.is_object()) add_result(report, check.as_object());
        }
    }
    return report;
}

std::string verdict_of(const std::map<std::string, CheckVerdict>& report, const std::string& id) {
    auto found = report.find(id);
    return found == report.end() ? "(missing)" : found->second.verdict;
}

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "blc-e2e-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

}  // namespace e2e

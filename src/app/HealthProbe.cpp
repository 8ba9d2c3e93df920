#include "app/HealthProbe.h"

#include <sys/statvfs.h>

#include <filesystem>

#include <spdlog/spdlog.h>

#include "store/Store.h"
#include "wire/JsonWriter.h"

namespace app {
namespace {

std::string directory_of(const std::string& file) {
    if (file.empty()) return {};
    auto parent = std::filesystem::path(file).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

std::optional<std::uint64_t> free_bytes(const std::string& directory) {
    if (directory.empty()) return std::nullopt;
    struct statvfs fs {};
    if (::statvfs(directory.c_str(), &fs) != 0) return std::nullopt;
    return static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
}

}  // namespace

HealthProbe::HealthProbe(store::Store& store, std::string sqlite_file,
                         std::int64_t write_interval_s)
    : store_(store), directory_(directory_of(sqlite_file)), interval_(write_interval_s) {}

HealthProbe::Report HealthProbe::check(std::int64_t now) {
    Report report;
    report.disk_free_bytes = free_bytes(directory_);
    try {
        store_.schema_version();
        report.database = true;
    } catch (const std::exception& e) {
        spdlog::error("health check: database unavailable: {}", e.what());
        return report;
    }
    std::lock_guard lock(mutex_);
    // A failing database is tried again on every check, so recovery shows at once.
    if (last_write_ == 0 || now - last_write_ >= interval_ || !last_write_ok_) {
        last_write_ = now;
        try {
            store_.write_heartbeat(now);
            if (!last_write_ok_ && failing_since_ != 0)
                spdlog::info("health check: the database accepts writes again");
            last_write_ok_ = true;
            failing_since_ = 0;
        } catch (const std::exception& e) {
            if (failing_since_ == 0)
                spdlog::error("health check: the database refuses writes: {}", e.what());
            if (failing_since_ == 0) failing_since_ = now;
            last_write_ok_ = false;
        }
    }
    report.writes = last_write_ok_;
    return report;
}

core::WebResponse HealthProbe::response(std::int64_t now) {
    const Report r = check(now);
    const bool ok = r.database && r.writes;
    core::WebResponse response;
    response.status = ok ? 200 : 503;
    wire::JsonWriter out(response.body);
    out.begin_object();
    out.key("status").string(ok ? "ok" : "error");
    out.key("database").string(r.database ? "ok" : "down");
    out.key("writes").string(!r.database ? "unknown" : r.writes ? "ok" : "failing");
    out.key("disk_free_bytes");
    r.disk_free_bytes ? out.integer(static_cast<std::int64_t>(*r.disk_free_bytes)) : out.null();
    out.end_object();
    return response;
}

}  // namespace app

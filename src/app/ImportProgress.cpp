#include "app/ImportProgress.h"

namespace app {
namespace {

constexpr auto kTerminalStep = std::chrono::milliseconds(200);
constexpr auto kLogStep = std::chrono::seconds(10);

}  // namespace

ImportProgress::ImportProgress(std::FILE* out, bool terminal) : out_(out), terminal_(terminal) {}

void ImportProgress::report(void* user, std::int64_t done, std::int64_t total) {
    static_cast<ImportProgress*>(user)->update(done, total);
}

void ImportProgress::update(std::int64_t done, std::int64_t total) {
    written_ = true;
    done_ = done;
    total_ = total;
    const bool final = done >= total;
    const auto now = Clock::now();
    if (!final && now - last_print_ < (terminal_ ? kTerminalStep : kLogStep)) return;
    last_print_ = now;
    print(final);
}

double ImportProgress::rate() const {
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    return seconds > 0 ? static_cast<double>(done_) / seconds : 0;
}

void ImportProgress::print(bool final) {
    const double per_second = rate();
    const auto done = static_cast<long long>(done_), total = static_cast<long long>(total_);
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    if (final) {
        std::fprintf(out_, "%simported %lld products in %.1f s (%.0f/s)\n",
                     terminal_ ? "\r\033[K" : "", done, seconds, per_second);
    } else {
        const double eta = per_second > 0 ? static_cast<double>(total_ - done_) / per_second : 0;
        std::fprintf(out_, "%simporting %lld/%lld products (%lld %%), %.0f/s, ETA %.0f s%s",
                     terminal_ ? "\r\033[K" : "", done, total, total > 0 ? done * 100 / total : 0,
                     per_second, eta, terminal_ ? "" : "\n");
    }
    std::fflush(out_);
}

}  // namespace app

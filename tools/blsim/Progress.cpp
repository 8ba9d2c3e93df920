#include "blsim/Progress.h"

#include <unistd.h>

#include <cstdio>

namespace blsim {

Progress::Progress(bool enabled, std::string label, std::uint64_t total)
    : on_(enabled && isatty(STDERR_FILENO) == 1), label_(std::move(label)), total_(total) {
    draw(true);
}

Progress::~Progress() {
    done();
}

void Progress::set_total(std::uint64_t total) {
    total_ = total;
    draw(false);
}

void Progress::advance(std::uint64_t n) {
    count_ += n;
    draw(count_ >= total_);
}

void Progress::draw(bool force) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    constexpr int kWidth = 30;
    const std::uint64_t shown = total_ == 0 ? 0 : (count_ > total_ ? total_ : count_);
    const int filled = total_ == 0 ? 0 : static_cast<int>(shown * kWidth / total_);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.append(static_cast<std::size_t>(kWidth - filled), '.');
    std::fprintf(stderr, "\r%-14s [%s] %llu/%llu", label_.c_str(), bar.c_str(),
                 static_cast<unsigned long long>(count_), static_cast<unsigned long long>(total_));
    std::fflush(stderr);
}

void Progress::done() {
    if (!on_) return;
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    on_ = false;
}

}  // namespace blsim

#include "proc/Process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace proc {
namespace {

std::vector<std::string> child_environment(const std::vector<std::string>& extra) {
    std::vector<std::string> env;
    // A developer's own BLCONNECT_* settings must not change what is measured.
    for (char** e = environ; *e != nullptr; ++e) {
        if (std::strncmp(*e, "BLCONNECT_", 10) != 0) env.emplace_back(*e);
    }
    env.insert(env.end(), extra.begin(), extra.end());
    return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
    std::vector<char*> out;
    out.reserve(strings.size() + 1);
    for (auto& s : strings) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

void redirect_output(posix_spawn_file_actions_t& actions, const std::string& log_path) {
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (log_path.empty()) {
        posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
        return;
    }
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
}

ExitStatus decode(int status, double seconds) {
    ExitStatus out;
    out.exited = WIFEXITED(status);
    out.code = out.exited ? WEXITSTATUS(status) : -1;
    out.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    out.seconds = seconds;
    return out;
}

std::int64_t status_field_kib(const std::string& status_text, const std::string& field) {
    auto at = status_text.find(field + ":");
    if (at == std::string::npos) return -1;
    return std::strtoll(status_text.c_str() + at + field.size() + 1, nullptr, 10);
}

}  // namespace

pid_t spawn(const std::vector<std::string>& argv, const std::vector<std::string>& env,
            const std::string& log_path) {
    std::vector<std::string> args = argv;
    std::vector<std::string> vars = child_environment(env);
    auto c_args = c_strings(args);
    auto c_vars = c_strings(vars);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    redirect_output(actions, log_path);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, c_args[0], &actions, nullptr, c_args.data(), c_vars.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw ProcessError("cannot start " + argv[0] + ": " + std::strerror(rc));
    return pid;
}

ExitStatus wait_for(pid_t pid, std::chrono::milliseconds limit) {
    using Clock = std::chrono::steady_clock;
    auto start = Clock::now();
    // Polling keeps the wait bounded without signals or extra threads.
    const auto max_pause = std::chrono::milliseconds(50);
    for (auto pause = std::chrono::milliseconds(1);; pause = std::min(pause * 2, max_pause)) {
        int status = 0;
        pid_t done = waitpid(pid, &status, WNOHANG);
        double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        if (done == pid) return decode(status, seconds);
        if (done < 0) throw ProcessError("waitpid failed: " + std::string(std::strerror(errno)));
        if (Clock::now() - start > limit) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            throw ProcessError("process " + std::to_string(pid) + " did not end within " +
                               std::to_string(limit.count()) + " ms; killed");
        }
        std::this_thread::sleep_for(pause);
    }
}

ServerProcess::ServerProcess(const std::vector<std::string>& argv,
                             const std::vector<std::string>& env, std::string log_path)
    : log_path_(std::move(log_path)) {
    pid_ = spawn(argv, env, log_path_);
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0 && running()) {
        kill(pid_, SIGKILL);
        int status = 0;
        waitpid(pid_, &status, 0);
    }
}

bool ServerProcess::running() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == 0) return true;
    pid_ = -1;  // reaped: it died on its own
    return false;
}

MemoryUse ServerProcess::memory() const {
    std::ifstream in("/proc/" + std::to_string(pid_) + "/status");
    std::stringstream text;
    text << in.rdbuf();
    return {status_field_kib(text.str(), "VmHWM"), status_field_kib(text.str(), "VmRSS")};
}

ExitStatus ServerProcess::terminate(std::chrono::milliseconds grace) {
    if (pid_ <= 0) throw ProcessError("the server is not running any more");
    kill(pid_, SIGTERM);
    pid_t pid = pid_;
    pid_ = -1;
    return wait_for(pid, grace);
}

std::string file_tail(const std::string& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::string all = text.str();
    return all.size() > max_bytes ? "..." + all.substr(all.size() - max_bytes) : all;
}

}  // namespace proc

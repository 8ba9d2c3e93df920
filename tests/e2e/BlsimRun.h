#pragma once
// Running the blsim binary as a subprocess and reading its --json report.
#include <map>
#include <string>

namespace e2e {

struct Outcome {
    int code = -1;       // exit status
    std::string output;  // stdout and stderr
};

// Runs `blsim <args>`; a hung blsim is killed by `timeout` so a test can never hang.
Outcome run_blsim(const std::string& args);

struct CheckVerdict {
    std::string verdict;  // pass | fail | note | skip
    std::string detail;
};

// The checks of a `blsim check --json FILE` report by id; empty when the file is missing or not
// a report.
std::map<std::string, CheckVerdict> read_report(const std::string& path);

// The verdict of `id`, or "(missing)" when the report has no such check.
std::string verdict_of(const std::map<std::string, CheckVerdict>& report, const std::string& id);

// A temporary directory removed with everything in it at the end of the scope.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

  private:
    std::string path_;
};

}  // namespace e2e

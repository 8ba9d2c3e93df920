#include "support/TempDb.h"

#include <fstream>
#include <iterator>

#include <cstdlib>
#include <stdexcept>

namespace testing_support {

TempDb::TempDb() {
    std::string pattern = (std::filesystem::temp_directory_path() / "blc-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
}

TempDb::~TempDb() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

store::StoreOptions TempDb::test_options() {
    store::StoreOptions options;
    options.pool_size = 4;
    options.busy_timeout_ms = 5000;
    return options;
}

std::unique_ptr<store::Store> TempDb::init(store::StoreOptions options) const {
    return store::init_store(path(), options);
}

std::unique_ptr<store::Store> TempDb::open(store::StoreOptions options) const {
    return store::open_store(path(), options);
}

std::string TempDb::file_bytes(const std::string& path) {
    std::string bytes;
    for (const char* suffix : {"", "-wal"}) {
        std::ifstream in(path + suffix, std::ios::binary);
        bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return bytes;
}

}  // namespace testing_support

// `blconnect import` end to end: the example file, counts, a refused file writes nothing (the
// file format itself: tests/records/ImportFileTest.cpp).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "store/Store.h"

namespace {

// Runs the blconnect binary; returns exit status and everything it printed.
std::pair<int, std::string> run(const std::string& args) {
    std::string command = std::string(BLCONNECT_BINARY) + " " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    std::string output;
    std::array<char, 4096> buffer{};
    while (auto n = fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
    int status = pclose(pipe);
    return {WEXITSTATUS(status), output};
}

TEST(ImportCommand, ImportsTheExampleAndReportsCounts) {
    std::string dir = (std::filesystem::temp_directory_path() / "blc-import-XXXXXX").string();
    ASSERT_NE(mkdtemp(dir.data()), nullptr);
    std::string db = dir + "/shop.db";
    ASSERT_EQ(run("init --db " + db).first, 0);
    std::string file = std::string(BLCONNECT_SOURCE_DIR) + "/examples/import-example.json";

    auto [code, output] = run("import " + file + " --db " + db);
    EXPECT_EQ(code, 0) << output;
    EXPECT_NE(output.find("products 2 created, 0 updated"), std::string::npos) << output;
    auto again = run("import " + file + " --db " + db);
    EXPECT_NE(again.second.find("products 0 created, 2 updated"), std::string::npos)
        << again.second;

    std::ofstream(dir + "/bad.json") << R"({"products":[{"id":"n","name":"N","price":"1"},
                                                         {"id":"m","name":"M","price":"-1"}]})";
    auto bad = run("import " + dir + "/bad.json --db " + db);
    EXPECT_EQ(bad.first, 1);
    EXPECT_NE(bad.second.find(
                  "import failed: products record 2: price: must not be negative; nothing was "
                  "written"),
              std::string::npos)
        << bad.second;
    EXPECT_EQ(store::open_store(db, {})->catalog().product_count(), 2);
    std::filesystem::remove_all(dir);
}

}  // namespace

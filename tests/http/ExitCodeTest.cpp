// The CLI's edge of the error vocabulary: exit code and the line on stderr (docs/operations.md).
#include <gtest/gtest.h>

#include <iostream>
#include <sstream>

#include "app/ExitCode.h"

namespace {

using core::Code;
using core::Status;

TEST(ExitCode, ZeroOnlyForOkOneForEveryFailure) {
    EXPECT_EQ(app::exit_code(Status()), 0);
    for (int c = 1; c <= static_cast<int>(Code::Internal); ++c) {
        EXPECT_EQ(app::exit_code({static_cast<Code>(c), "f", "m"}), 1)
            << core::code_name(static_cast<Code>(c));
    }
}

TEST(ExitCode, ReportPrintsTheMessageForThePersonAtTheKeyboard) {
    std::ostringstream captured;
    auto* old = std::cerr.rdbuf(captured.rdbuf());
    const int code = app::report(Status::not_found("unknown order 999"));
    const int ok = app::report(Status());
    std::cerr.rdbuf(old);
    EXPECT_EQ(code, 1);
    EXPECT_EQ(ok, 0);
    EXPECT_EQ(captured.str(), "blconnect: unknown order 999\n");
}

}  // namespace

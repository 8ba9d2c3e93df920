// admin::api::Body without a server: strict objects, types, and money read from the JSON text.
#include <gtest/gtest.h>

#include "admin/api/HttpError.h"
#include "admin/api/Json.h"

namespace admin_test {
namespace {

using admin::api::ApiError;
using admin::api::Body;

// The status and field of the ApiError `make` throws (0 when it throws none).
template <typename F>
std::pair<int, std::string> failure(F make) {
    try {
        make();
    } catch (const ApiError& e) {
        return {admin::api::http_error(e.status.code()).status, e.status.field()};
    }
    return {0, ""};
}

TEST(Body, ReadsTypedMembers) {
    Body body(R"({"name":"Żółw","n":-12,"on":true,"gone":null})", {"name", "n", "on", "gone"});
    EXPECT_EQ(body.string("name"), "Żółw");
    EXPECT_EQ(body.integer("n"), -12);
    EXPECT_TRUE(body.boolean("on"));
    EXPECT_FALSE(body.has("gone"));
    EXPECT_FALSE(body.optional_string("gone").has_value());
    EXPECT_FALSE(body.optional_integer("absent").has_value());
}

TEST(Body, MoneyFromNumbersIsReadFromTheTextNotThroughADouble) {
    Body body(R"({"a":129.99,"b":"0.10","c":0.1,"d":90071992547409.93,"e":12})",
              {"a", "b", "c", "d", "e"});
    EXPECT_EQ(body.money("a").minor(), 12999);
    EXPECT_EQ(body.money("b").minor(), 10);
    EXPECT_EQ(body.money("c").minor(), 10);
    EXPECT_EQ(body.money("d").minor(), 9007199254740993);  // 2^53 + 1: no double holds it
    EXPECT_EQ(body.money("e").minor(), 1200);
}

TEST(Body, MoneyWithMoreDecimalsOrAnExponentIsRefused) {
    for (const char* text : {R"({"p":12.345})", R"({"p":1e2})", R"({"p":"12,50"})", R"({"p":true})",
                             R"({"p":[1]})", R"({"p":null})"}) {
        Body body(text, {"p"});
        EXPECT_EQ(failure([&] { body.money("p"); }), (std::pair<int, std::string>{422, "p"}))
            << text;
    }
}

TEST(Body, WrongTypesAre422NamingTheKey) {
    Body body(R"({"s":1,"i":"1","f":1.5,"b":"true","big":18446744073709551615})",
              {"s", "i", "f", "b", "big"});
    using Failure = std::pair<int, std::string>;
    EXPECT_EQ(failure([&] { body.string("s"); }), (Failure{422, "s"}));
    EXPECT_EQ(failure([&] { body.integer("i"); }), (Failure{422, "i"}));
    EXPECT_EQ(failure([&] { body.integer("f"); }), (Failure{422, "f"}));
    EXPECT_EQ(failure([&] { body.boolean("b"); }), (Failure{422, "b"}));
    EXPECT_EQ(failure([&] { body.integer("big"); }), (Failure{422, "big"}));
    EXPECT_EQ(failure([&] { body.string("missing"); }), (Failure{422, "missing"}));
}

TEST(Body, UnknownKeysAre422AndBrokenJsonIs400) {
    using Failure = std::pair<int, std::string>;
    EXPECT_EQ(failure([] { Body(R"({"a":1,"zzz":2})", {"a"}); }), (Failure{422, "zzz"}));
    EXPECT_EQ(failure([] { Body(R"({"a":{"x":1,"x":2}})", {"a"}); }).first, 400);
    EXPECT_EQ(failure([] { Body("[]", {}); }).first, 400);
    EXPECT_EQ(failure([] { Body("{} {}", {}); }).first, 400);
    EXPECT_EQ(failure([] { Body("{\"a\":\"\xc3\x28\"}", {"a"}); }).first, 400);
    EXPECT_EQ(failure([] { Body(std::string(1024 * 1024 + 1, ' '), {}); }).first, 413);
}

}  // namespace
}  // namespace admin_test

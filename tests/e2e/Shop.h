#pragma once
// The shop the e2e tests run blsim against: a real blconnect with the demo catalogue.
#include <memory>
#include <string>

#include "support/TestServer.h"

namespace e2e {

// 300 demo products (about a third with variants) on pages of 100, so that ProductsList,
// ProductsQuantity and ProductsPrices each have three pages to walk.
std::unique_ptr<test::TestServer> make_shop();

// http://127.0.0.1:<port>/baselinker
std::string shop_url(const test::TestServer& server);

// `check URL --password P --write --json FILE`
std::string check_args(const std::string& url, const std::string& password,
                       const std::string& json_file);

}  // namespace e2e

#include "e2e/Shop.h"

namespace e2e {

std::unique_ptr<test::TestServer> make_shop() {
    return std::make_unique<test::TestServer>(300, [](app::Config& config) {
        config.endpoint.connector.page_size_products = 100;
        config.endpoint.connector.page_size_stock = 100;
    });
}

std::string shop_url(const test::TestServer& server) {
    return "http://127.0.0.1:" + std::to_string(server.port()) + server.config().connector_path;
}

std::string check_args(const std::string& url, const std::string& password,
                       const std::string& json_file) {
    return "check " + url + " --password " + password + " --write --json " + json_file;
}

}  // namespace e2e

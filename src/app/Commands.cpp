#include "app/Commands.h"

namespace app {

Config config_with_db(const std::string& config_file, const std::string& db) {
    Config config = load_config(config_file);
    if (!db.empty()) config.database = db;
    return config;
}

}  // namespace app

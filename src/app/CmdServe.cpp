// `blconnect serve`: runs the connector until SIGINT/SIGTERM.
#include <iostream>

#include <spdlog/spdlog.h>

#include "app/Commands.h"
#include "app/Service.h"

namespace app {

int cmd_serve(const ServeOptions& options) {
    Config config = config_with_db(options.config, options.db);
    if (!options.listen.empty()) config.server.listen_address = options.listen;
    if (options.port) config.server.port = *options.port;
    if (options.admin_port) config.admin.port = *options.admin_port;
    spdlog::set_level(spdlog::level::from_str(config.log_level));

    Service service(config);
    service.start();
    const bool https = !config.server.tls_cert_file.empty();
    std::cout << "blconnect listening on " << (https ? "https" : "http") << "://"
              << config.server.listen_address << ":" << service.port() << config.connector_path
              << std::endl;
    if (service.admin_port() != 0) {
        const bool shared = service.admin_port() == service.port();
        std::cout << "admin panel on " << (https ? "https" : "http") << "://"
                  << (shared ? config.server.listen_address : config.admin.listen_address) << ":"
                  << service.admin_port() << "/admin/" << std::endl;
    }
    service.run_until_signal();
    service.shutdown();
    std::cout << "blconnect stopped" << std::endl;
    return 0;
}

}  // namespace app

// `blconnect init`: creates or migrates the database, optionally with the demo catalogue.
#include <unistd.h>

#include <iostream>

#include "app/Commands.h"
#include "app/ExitCode.h"
#include "app/ImportProgress.h"
#include "records/Demo.h"
#include "store/Store.h"

namespace app {

int cmd_init(const InitOptions& options) {
    if (!options.password.empty() && options.password.size() < 16) {
        return report(core::Status::invalid_field(
            "password", "--password must be at least 16 characters long"));
    }
    store::StoreOptions store_options;
    auto store = store::init_store(options.db, store_options);
    std::cout << "database ready: " << options.db << " (schema version " << store->schema_version()
              << ")\n";
    if (options.demo) {
        std::cout << "generating " << options.demo_products << " demo products..." << std::endl;
        auto batch = records::make_demo_batch(options.demo_products);
        ImportProgress progress(stderr, isatty(STDERR_FILENO) != 0);
        auto imported = store->catalog().import(batch, &ImportProgress::report, &progress);
        // The generator's records are valid by construction: a refusal is a bug in it.
        if (!imported) return report(core::Status::internal(imported.status().text()));
        const auto& summary = *imported;
        std::cout << "demo catalogue: " << summary.products_created + summary.products_updated
                  << " products, " << summary.variants_created + summary.variants_updated
                  << " variants, " << summary.categories_created + summary.categories_updated
                  << " categories\n";
    }
    std::string password = options.password.empty() ? "<at least 16 characters>" : options.password;
    std::cout << "next: BLCONNECT_PASSWORD='" << password << "' blconnect serve --db " << options.db
              << "\n";
    return 0;
}

}  // namespace app

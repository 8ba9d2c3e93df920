// `blconnect import FILE`: upserts a catalogue file (docs/import.md) in one transaction.
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/Commands.h"
#include "records/ImportFile.h"
#include "store/Store.h"

namespace app {
namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void print_summary(const store::ImportSummary& s) {
    std::cout << "imported: categories " << s.categories_created << " created, "
              << s.categories_updated << " updated; manufacturers " << s.manufacturers_created
              << " created, " << s.manufacturers_updated << " updated; products "
              << s.products_created << " created, " << s.products_updated << " updated; variants "
              << s.variants_created << " created, " << s.variants_updated << " updated, "
              << s.variants_removed << " removed\n";
}

}  // namespace

int cmd_import(const ImportOptions& options) {
    Config config = config_with_db(options.config, options.db);
    try {
        auto batch = records::parse_import_file(read_file(options.file));
        auto store = store::open_store(config.database, config.store);
        print_summary(store->catalog().import(batch, print_import_progress, nullptr));
        return 0;
    } catch (const store::ImportError& e) {
        std::cerr << "\nimport failed: " << e.what() << "; nothing was written\n";
    } catch (const std::runtime_error& e) {
        std::cerr << "\nimport failed: " << e.what() << "; nothing was written\n";
    }
    return 1;
}

}  // namespace app

// `blconnect import FILE`: upserts a catalogue file (docs/import.md): checked whole, then
// written a chunk of products per transaction, with progress on stderr.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "app/Commands.h"
#include "app/ExitCode.h"
#include "app/ImportProgress.h"
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

// "import failed: products record 17: price: ...": the field names the record, the message the
// rule (docs/import.md). After the first chunk was written, says how far the import got.
int import_failed(const core::Status& status, const ImportProgress* progress = nullptr) {
    if (progress && progress->written()) {
        std::cerr << "\nimport interrupted after " << progress->done() << " of "
                  << progress->total() << " products: " << status.text()
                  << "; the products before were imported: import the same file again to"
                     " complete it\n";
    } else {
        std::cerr << "\nimport failed: " << status.text() << "; nothing was written\n";
    }
    return exit_code(status);
}

}  // namespace

int cmd_import(const ImportOptions& options) {
    Config config = config_with_db(options.config, options.db);
    ImportProgress progress(stderr, isatty(STDERR_FILENO) != 0);
    try {
        auto batch = records::parse_import_file(read_file(options.file));
        if (!batch) return import_failed(batch.status());
        auto store = store::open_store(config.database, config.store);
        auto imported = store->catalog().import(*batch, &ImportProgress::report, &progress);
        if (!imported) return import_failed(imported.status(), &progress);
        print_summary(*imported);
        return 0;
    } catch (const std::runtime_error& e) {  // an unreadable file, a lost database
        return import_failed(core::Status::internal(e.what()), &progress);
    }
}

}  // namespace app

#include <exception>
#include <iostream>

#include "blsim/Check.h"

namespace blsim {

int run_check(const CheckOptions& options) {
    Client client(options.target);
    if (options.write)
        std::cerr << "WARNING: --write changes stock and prices and adds orders on "
                  << options.target.url
                  << " (originals are restored where possible). Use it on test shops only.\n\n";
    Checker checker(client);
    Snapshot snap;
    check_transport(checker);
    check_catalog(checker, snap);
    check_catalog_filters(checker, snap);
    check_catalog_stock(checker, snap);
    // Writes first: the orders they add give the OrdersGet filter checks something to compare.
    if (options.write) check_write(checker, snap);
    check_orders(checker, snap);
    check_utf8_everywhere(checker);

    print_report(checker.results(), std::cout);
    std::cout << client.requests() << " requests, " << client.bytes_received()
              << " bytes received\n";
    if (!options.json_file.empty()) write_json_report(checker.results(), options.json_file);
    for (const auto& r : checker.results())
        if (r.verdict == Verdict::fail) return 1;
    return 0;
}

}  // namespace blsim

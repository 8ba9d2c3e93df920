#include "app/ExitCode.h"

#include <iostream>

namespace app {

int exit_code(const core::Status& status) {
    // One code for every failure, as the docs have always promised; this is the one place to
    // change should scripts ever need to tell a bad input from a lost database.
    return status.ok() ? 0 : 1;
}

int report(const core::Status& status) {
    if (!status.ok()) std::cerr << "blconnect: " << status.message() << "\n";
    return exit_code(status);
}

}  // namespace app

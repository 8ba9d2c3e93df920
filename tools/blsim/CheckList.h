#pragma once
// Reading ProductsList answers, shared by the catalogue, filter and sort checks.
#include <string>
#include <utility>
#include <vector>

#include "blsim/Check.h"

namespace blsim {

struct ListPages {
    std::vector<std::pair<std::string, ListedProduct>> items;  // in answer order, all pages
    std::int64_t pages = 0;                                    // as reported by page 1
    std::vector<std::string> problems;                         // paging problems (not field types)
    bool error = false;                                        // an error envelope or non-JSON
    std::string error_code;
};

// Fetches every page of ProductsList with `filters` (at most max_pages), checking field types
// into `fields` (FAIL for wrong types, NOTE for numbers-as-strings).
ListPages fetch_list(Checker& checker, const Fields& filters, Findings& fields, int max_pages);

// One entry of ProductsList; false when unusable.
bool read_listed(const std::string& id, const boost::json::value& v, ListedProduct& out,
                 Findings& fields);

}  // namespace blsim

#pragma once
// Matching "/orders/12/status" against the route patterns of every resource file. A "{id}"
// segment matches a positive int64 only, so "/orders/abc" and "/orders/0" are unknown paths
// (404), not bad requests reaching a handler.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "admin/api/Call.h"

namespace admin::api {

struct RouteMatch {
    const Route* route = nullptr;    // nullptr: no route for this method
    std::vector<std::int64_t> ids;   // the {id} segments, in order
    std::vector<std::string> allow;  // methods of the path when route is nullptr (405 vs 404)
};

class Router {
  public:
    explicit Router(std::vector<Route> routes);
    // `path` is relative to the API prefix ("/orders/12").
    RouteMatch match(std::string_view method, std::string_view path) const;

  private:
    std::vector<Route> routes_;
};

// Every route of the API except /session (Auth.cpp answers that one).
std::vector<Route> all_routes();

}  // namespace admin::api

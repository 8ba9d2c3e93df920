#include "admin/api/Router.h"

#include <algorithm>

#include "core/Decimal.h"

namespace admin::api {
namespace {

// Splits "/a/b" into {"a","b"}; a trailing slash leaves an empty last segment, which matches
// nothing (no two spellings of one resource).
std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> out;
    if (path.empty() || path.front() != '/') return out;
    path.remove_prefix(1);
    while (true) {
        auto slash = path.find('/');
        out.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return out;
}

std::optional<std::int64_t> positive_id(std::string_view text) {
    if (text.empty() ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    auto id = core::parse_int(text);
    if (!id || *id <= 0) return std::nullopt;
    return id;
}

// The ids of `path` when it has the shape of `pattern`, else nullopt.
std::optional<std::vector<std::int64_t>> match_pattern(std::string_view pattern,
                                                       const std::vector<std::string_view>& path) {
    auto wanted = segments(pattern);
    if (wanted.size() != path.size()) return std::nullopt;
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        if (wanted[i] == "{id}") {
            auto id = positive_id(path[i]);
            if (!id) return std::nullopt;
            ids.push_back(*id);
        } else if (wanted[i] != path[i]) {
            return std::nullopt;
        }
    }
    return ids;
}

}  // namespace

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
    RouteMatch result;
    auto parts = segments(path);
    for (const auto& route : routes_) {
        auto ids = match_pattern(route.pattern, parts);
        if (!ids) continue;
        if (method == route.method) {
            result.route = &route;
            result.ids = std::move(*ids);
            result.allow.clear();
            return result;
        }
        if (std::find(result.allow.begin(), result.allow.end(), route.method) ==
            result.allow.end()) {
            result.allow.emplace_back(route.method);
        }
    }
    return result;
}

std::vector<Route> all_routes() {
    std::vector<Route> routes;
    for (auto list : {product_routes(), order_routes(), lookup_routes(), settings_routes(),
                      journal_routes(), health_routes(), held_change_routes()}) {
        routes.insert(routes.end(), list.begin(), list.end());
    }
    return routes;
}

}  // namespace admin::api

#pragma once
// The admin REST API under /admin/api/v1 (docs/admin-api.md): authentication (panel sessions in
// a cookie with CSRF token, or bearer API tokens), login throttling, routing to the resource
// handlers, JSON errors. Built on the same store operations as the CLI.
#include <memory>

#include "admin/api/Call.h"
#include "core/Exchange.h"

namespace admin::api {

inline constexpr std::string_view kPrefix = "/admin/api/v1";

class Api {
  public:
    Api(store::Store& store, ConnectorControl connector, ApiOptions options);
    ~Api();
    // Any request whose path starts with /admin/api/. Never throws: store failures become 500
    // internal_error with the request id (detail in the log only).
    core::WebResponse handle(const core::WebRequest& request);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace admin::api

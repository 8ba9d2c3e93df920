#pragma once
// The web panel: plain HTML/CSS/JS from web/, embedded into the binary at build time and served
// under /admin/ (no CDN, no external fonts). GET/HEAD only; "/admin" redirects to "/admin/".
#include "core/Exchange.h"

namespace admin {

// True for "/admin" and paths under "/admin/" that are not the API.
bool is_panel_path(std::string_view path);
core::WebResponse serve_panel(const core::WebRequest& request);

}  // namespace admin

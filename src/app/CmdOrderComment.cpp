// `blconnect order comment ID TEXT`: a staff comment (BaseLinker shows them as admin_comments).
#include <iostream>

#include "app/CmdOrder.h"
#include "app/ExitCode.h"
#include "core/Text.h"

namespace app {

using namespace order_cli;

int cmd_order_comment(const OrderCommentOptions& options) {
    if (core::trim(options.text).empty()) {
        return report(core::Status::invalid_field("text", "the comment must not be empty"));
    }
    if (!core::is_valid_utf8(options.text)) {
        return report(core::Status::invalid_field("text", "the comment is not valid UTF-8"));
    }
    auto session = open_session(options);
    auto result = session.store->orders().add_staff_comment(options.order_id, options.text, kActor,
                                                            now_utc());
    if (result == store::UpdateResult::UnknownOrder) return unknown_order(options.order_id);
    std::cout << "order " << options.order_id << ": staff comment added\n";
    return 0;
}

}  // namespace app

// FileVersion: who we are and which protocol standard we speak.
#include "protocol/Action.h"

namespace protocol::actions {

Outcome file_version(const Params&, ActionContext& ctx, JsonWriter& out) {
    out.begin_object();
    out.key("platform").string("blconnect");
    out.key("version").string(ctx.settings.version);
    out.key("standard").integer(4);  // an integer: BaseLinker compares it numerically
    out.end_object();
    return {};
}

}  // namespace protocol::actions

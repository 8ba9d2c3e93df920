// SupportedMethods: the CamelCase names of every registered action.
#include "protocol/Action.h"
#include "protocol/Registry.h"

namespace protocol::actions {

Outcome supported_methods(const Params&, ActionContext&, JsonWriter& out) {
    // Read from the registry so that the list can never name an action that is not callable.
    out.begin_array();
    for (const auto& action : all_actions()) out.string(action.name);
    out.end_array();
    return {};
}

}  // namespace protocol::actions

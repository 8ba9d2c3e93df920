#pragma once
#include <span>
#include <string_view>

#include "protocol/Action.h"

namespace protocol {

// Every implemented action, in the order SupportedMethods lists them.
std::span<const ActionInfo> all_actions();
// Case-insensitive lookup; nullptr when unknown.
const ActionInfo* find_action(std::string_view name);

}  // namespace protocol

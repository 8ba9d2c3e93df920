#include "store/HeldTypes.h"

namespace store {

const char* held_kind_name(HeldKind kind) {
    return kind == HeldKind::Stock ? "stock" : "price";
}

const char* held_state_name(HeldState state) {
    switch (state) {
        case HeldState::Held:
            return "held";
        case HeldState::Applied:
            return "applied";
        case HeldState::Discarded:
            return "discarded";
    }
    return "held";
}

std::optional<HeldState> held_state_from(const std::string& name) {
    for (auto state : {HeldState::Held, HeldState::Applied, HeldState::Discarded})
        if (name == held_state_name(state)) return state;
    return std::nullopt;
}

}  // namespace store

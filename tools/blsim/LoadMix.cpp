#include "blsim/LoadMix.h"

#include <charconv>
#include <sstream>

namespace blsim {

namespace {

constexpr unsigned kMaxWeight = 1000000;

std::optional<LoadAction> action_of(const std::string& name) {
    for (int i = 0; i < kLoadActions; ++i)
        if (name == action_name(static_cast<LoadAction>(i))) return static_cast<LoadAction>(i);
    return std::nullopt;
}

}  // namespace

const char* action_name(LoadAction action) {
    switch (action) {
        case LoadAction::list:
            return "list";
        case LoadAction::data:
            return "data";
        case LoadAction::stock:
            return "stock";
        case LoadAction::orders:
            return "orders";
    }
    return "?";
}

std::optional<std::vector<MixEntry>> parse_mix(const std::string& text, std::string& error) {
    std::vector<MixEntry> mix;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        if (item.empty()) continue;
        const auto colon = item.find(':');
        const std::string name = item.substr(0, colon);
        const auto action = action_of(name);
        unsigned weight = 0;
        const char* begin = colon == std::string::npos ? nullptr : item.data() + colon + 1;
        const char* end = item.data() + item.size();
        const bool number = begin && begin != end &&
                            std::from_chars(begin, end, weight).ptr == end && weight <= kMaxWeight;
        if (!action || !number) {
            error = "--mix: expected name:weight with name in list,data,stock,orders, got '" +
                    item + "'";
            return std::nullopt;
        }
        if (weight > 0) mix.push_back({*action, weight});
    }
    if (total_weight(mix) == 0) {
        error = "--mix: the weights add up to 0";
        return std::nullopt;
    }
    return mix;
}

unsigned total_weight(const std::vector<MixEntry>& mix) {
    unsigned total = 0;
    for (const auto& e : mix) total += e.weight;
    return total;
}

LoadAction pick_action(const std::vector<MixEntry>& mix, unsigned roll) {
    for (const auto& e : mix) {
        if (roll < e.weight) return e.action;
        roll -= e.weight;
    }
    return mix.back().action;
}

}  // namespace blsim

#pragma once
// The --mix of `blsim load`: which actions the client threads pick, with what weight.
#include <optional>
#include <string>
#include <vector>

namespace blsim {

enum class LoadAction { list, data, stock, orders };
inline constexpr int kLoadActions = 4;

struct MixEntry {
    LoadAction action;
    unsigned weight;
};

// "list:60,data:20,stock:15,orders:5" -> entries; nullopt (with `error` set) on unknown names,
// bad weights or a zero total.
std::optional<std::vector<MixEntry>> parse_mix(const std::string& text, std::string& error);
const char* action_name(LoadAction action);
// The entry whose cumulative weight covers `roll` (0 <= roll < total weight).
LoadAction pick_action(const std::vector<MixEntry>& mix, unsigned roll);
unsigned total_weight(const std::vector<MixEntry>& mix);

}  // namespace blsim

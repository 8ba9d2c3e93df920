#pragma once
// Typed access to the decoded form fields of one connector request.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Status.h"
#include "wire/Form.h"

namespace wire {

// What a lenient reader normalised, for the request's journal entry: "line 2 quantity: \"2.0\"
// read as 2". Readers append; the action writes them out.
using Notes = std::vector<std::string>;

class Params {
  public:
    explicit Params(const Form& form) : form_(form) {}
    // Raw value; nullopt when the field was not sent.
    std::optional<std::string_view> get(std::string_view name) const;
    // Value or "" when not sent; empty means "not given" per the protocol.
    std::string_view text(std::string_view name) const;
    bool has_value(std::string_view name) const { return !text(name).empty(); }
    // 1-based page: missing, empty, 0, negative or non-numeric mean 1.
    std::int64_t page() const;
    // A flag read with PHP truthiness (core::php::truth: 1/0, true/false, on/off, yes/no, any
    // number); nullopt when empty or not sent. Any other text is false, with a note in
    // `normalised` when one is given: BaseLinker's PHP would not refuse the request for it.
    std::optional<bool> flag(std::string_view name, Notes* normalised = nullptr) const;
    // Integer id list from a comma-separated field; error names the field on a non-integer or
    // when it holds more than `max` ids (read no further: a request's cost stays bounded).
    core::Result<std::vector<std::int64_t>> id_list(std::string_view name, std::size_t max) const;
    const Form& form() const { return form_; }

  private:
    const Form& form_;
};

}  // namespace wire

#pragma once
// The one vocabulary for expected failures (after LevelDB's Status): a code from a fixed set,
// the offending field ("products[3].name", "" = none) and a message for a person. Every layer
// returns these as values; each edge maps them once (protocol/ErrorEnvelope.h for the connector,
// admin/api/HttpError.h for the admin API, app/ExitCode.h for the CLI). Exceptions are kept for
// what no caller can handle: a lost database or a bug (store::StoreError, std::logic_error).
// Light on purpose: included almost everywhere.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace core {

// What kind of failure, in terms every edge can map. Add a code only when some edge has to answer
// it differently from every existing one.
enum class Code : std::uint8_t {
    Ok = 0,
    InvalidField,     // a value breaks a rule; field() names it
    Malformed,        // the input as a whole cannot be read (not JSON, not UTF-8, a bad escape)
    NotFound,         // names something that does not exist (product, order, status, user)
    Conflict,         // a key already taken (a username, another product's sku)
    Unauthenticated,  // the caller is unknown or the credential is wrong
    Forbidden,        // the caller is known but not allowed here (address, CSRF)
    TooLarge,         // the request or file is over a limit
    RateLimited,      // too many failures; try again later
    Unsupported,      // no such action / method here
    Unavailable,      // busy or shutting down; try again later
    Held,             // accepted but kept for staff to approve (the mass-change guard)
    Internal,         // a bug or a lost database: the message is for the log, never the client
};

// The stable lower-case name of a code ("invalid_field"), for logs and tests.
std::string_view code_name(Code code);

class [[nodiscard]] Status {
  public:
    Status() = default;  // ok
    Status(Code code, std::string field, std::string message)
        : code_(code), field_(std::move(field)), message_(std::move(message)) {}

    static Status invalid_field(std::string field, std::string message) {
        return {Code::InvalidField, std::move(field), std::move(message)};
    }
    static Status malformed(std::string message, std::string field = {}) {
        return {Code::Malformed, std::move(field), std::move(message)};
    }
    static Status not_found(std::string message, std::string field = {}) {
        return {Code::NotFound, std::move(field), std::move(message)};
    }
    static Status conflict(std::string field, std::string message) {
        return {Code::Conflict, std::move(field), std::move(message)};
    }
    static Status internal(std::string message) { return {Code::Internal, {}, std::move(message)}; }

    bool ok() const { return code_ == Code::Ok; }
    Code code() const { return code_; }
    const std::string& field() const { return field_; }
    const std::string& message() const { return message_; }
    // "field: message", or the message alone when no field is named: what the connector and the
    // CLI print, so a client always learns which field to fix.
    std::string text() const { return field_.empty() ? message_ : field_ + ": " + message_; }

    // The same failure reported one level up, e.g. "price" inside "products[3]" becomes
    // "products[3].price": the innermost parser knows the rule, the outer one the position.
    Status within(std::string_view outer) const;

  private:
    Code code_ = Code::Ok;
    std::string field_;
    std::string message_;
};

// A value, or the Status that explains why there is none. Never holds an ok Status: building one
// from an ok Status is a bug and yields Code::Internal.
template <class T>
class [[nodiscard]] Result {
  public:
    Result(T value) : v_(std::move(value)) {}
    Result(Status status) : v_(std::move(status)) {
        if (std::get<1>(v_).ok()) v_ = Status::internal("Result built from an ok Status");
    }
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Status& status() const { return std::get<1>(v_); }

  private:
    std::variant<T, Status> v_;
};

// The protocol's most common failure, kept as a short name.
inline Status invalid_parameter(std::string field, std::string what) {
    return Status::invalid_field(std::move(field), std::move(what));
}

}  // namespace core

#pragma once
// Errors that the protocol reports are values, not exceptions crossing layers.
#include <string>
#include <utility>
#include <variant>

namespace core {

struct Error {
    std::string code;  // protocol error code, e.g. "invalid_parameter"
    std::string text;  // human text; never SQL, paths or secrets
};

inline Error invalid_parameter(const std::string& field, const std::string& what) {
    return Error{"invalid_parameter", field + ": " + what};
}

template <class T>
class Result {
  public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    T& operator*() { return value(); }
    T* operator->() { return &value(); }
    const Error& error() const { return std::get<1>(v_); }

  private:
    std::variant<T, Error> v_;
};

}  // namespace core

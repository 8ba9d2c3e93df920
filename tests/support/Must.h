#pragma once
// The value of a core::Result a test expects to succeed (a fixture's import, a user it creates).
// A failure throws, so the test fails with the Status's code and text instead of going on with
// nothing.
#include <stdexcept>
#include <string>
#include <utility>

#include "core/Status.h"

template <class T>
T must(core::Result<T> result) {
    if (!result) {
        throw std::runtime_error("expected success, got " +
                                 std::string(core::code_name(result.status().code())) + ": " +
                                 result.status().text());
    }
    return std::move(*result);
}

#include "admin/Password.h"

#include <sodium.h>

#include <stdexcept>

#include "admin/Sodium.h"
#include "core/Text.h"

namespace admin {
namespace {

// Code points, not bytes: "zażółćgęśląj" is as long to a person as its ASCII twin.
std::size_t utf8_chars(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace

std::optional<std::string> password_problem(std::string_view password) {
    if (!core::is_valid_utf8(password)) return "the password is not valid UTF-8";
    if (utf8_chars(password) < kMinPasswordChars)
        return "the password must be at least " + std::to_string(kMinPasswordChars) +
               " characters long";
    if (password.size() > kMaxPasswordBytes)
        return "the password must be at most " + std::to_string(kMaxPasswordBytes) + " bytes long";
    return std::nullopt;
}

std::string hash_password(std::string_view password) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("password hashing failed (out of memory?)");
    return out;
}

bool verify_password(std::string_view password, const std::string& hash) {
    ensure_sodium();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace admin

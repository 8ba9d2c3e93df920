#pragma once
// admin_users and admin_tokens (migration 003) and panel sessions (004), the same code for both
// backends. Where the dialects differ (how a username is matched and ordered case-insensitively)
// the backend's Dialect `D` gives the SQL fragment.
#include <optional>
#include <string>
#include <vector>

#include "store/Store.h"
#include "store/engine/Port.h"

namespace store::engine {

class Admins final : public store::Admins {
  public:
    explicit Admins(Port& port) : port_(port) {}

    core::Result<Id> create_user(const std::string& username,
                                 const std::string& password_hash) override;

    std::optional<AdminUser> find_user(const std::string& username) override;

    core::Result<Id> create_token(Id user_id, const std::string& name,
                                  const std::string& token_hash) override;

    std::optional<AdminToken> find_token(const std::string& token_hash) override;

    std::vector<AdminUserInfo> list_users() override;

    std::vector<AdminTokenInfo> list_tokens() override;

    // Disabling also deletes the user's panel sessions (in the same transaction), so enabling the
    // user again later does not bring an old cookie back to life; tokens keep working again then.
    bool set_user_disabled(const std::string& username, bool disabled) override;

    std::int64_t revoke_tokens(const std::string& username, const std::string& name) override;

    void touch_token(Id token_id, std::int64_t now) override;

    // ---- panel sessions (admin_sessions, migration 004), found by the hash of the cookie's token

    void create_session(Id user_id, const std::string& token_hash, const std::string& csrf_token,
                        std::int64_t now, std::int64_t expires_at) override;

    std::optional<AdminSession> find_session(const std::string& token_hash,
                                             std::int64_t now) override;

    void touch_session(Id session_id, std::int64_t now) override;

    void delete_session(const std::string& token_hash) override;

    std::int64_t prune_sessions(std::int64_t now) override;

  private:
    // Reads the RETURNING id, then runs the statement to its end: on SQLite, outside a
    // transaction, the statement commits there, and a failing commit must not go unnoticed
    // (on PostgreSQL the statement has already completed and this is a no-op).
    static Id finish_insert(Statement& st);

    Port& port_;
};

}  // namespace store::engine

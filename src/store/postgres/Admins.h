#pragma once
#include "store/Store.h"
#include "store/postgres/Pool.h"

namespace store::postgres {

// admin_users and admin_tokens (migration 003); sessions (004) in AdminSessions.cpp. Usernames
// compare case-insensitively: every lookup goes through lower(username), which the unique
// index admin_users_username covers.
class PgAdmins final : public Admins {
  public:
    explicit PgAdmins(Pool& pool) : pool_(pool) {}
    Id create_user(const std::string& username, const std::string& password_hash) override;
    std::optional<AdminUser> find_user(const std::string& username) override;
    Id create_token(Id user_id, const std::string& name, const std::string& token_hash) override;
    std::optional<AdminToken> find_token(const std::string& token_hash) override;
    std::vector<AdminUserInfo> list_users() override;
    std::vector<AdminTokenInfo> list_tokens() override;
    bool set_user_disabled(const std::string& username, bool disabled) override;
    std::int64_t revoke_tokens(const std::string& username, const std::string& name) override;
    void touch_token(Id token_id, std::int64_t now) override;
    void create_session(Id user_id, const std::string& token_hash, const std::string& csrf_token,
                        std::int64_t now, std::int64_t expires_at) override;
    std::optional<AdminSession> find_session(const std::string& token_hash,
                                             std::int64_t now) override;
    void touch_session(Id session_id, std::int64_t now) override;
    void delete_session(const std::string& token_hash) override;
    std::int64_t prune_sessions(std::int64_t now) override;

  private:
    Pool& pool_;
};

}  // namespace store::postgres

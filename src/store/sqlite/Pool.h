#pragma once
// A fixed-size pool of connections to one database file. A connection (with its cached
// statements) is used by one thread at a time; a caller waits when all are busy.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sqlite/Connection.h"

namespace store::sqlite {

class Pool {
  public:
    Pool(std::string path, int size, int busy_timeout_ms);

    class Lease {
      public:
        Lease(Pool& pool, std::unique_ptr<Connection> conn)
            : pool_(&pool), conn_(std::move(conn)) {}
        Lease(Lease&&) = default;
        ~Lease() {
            if (conn_) pool_->release(std::move(conn_));
        }
        Connection& operator*() { return *conn_; }
        Connection* operator->() { return conn_.get(); }

      private:
        Pool* pool_;
        std::unique_ptr<Connection> conn_;
    };

    Lease acquire();

  private:
    void release(std::unique_ptr<Connection> conn);

    std::string path_;
    int size_;
    int busy_timeout_ms_;
    int opened_ = 0;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace store::sqlite

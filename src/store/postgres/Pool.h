#pragma once
// A fixed-size pool of connections to one PostgreSQL database (the shape of sqlite/Pool.h). A
// connection (with its prepared statements) is used by one thread at a time; a caller waits when
// all are busy. A connection the server dropped (restart, failover) is replaced on acquire; when
// no connection can be made, acquire throws StoreError("database unreachable: ...") and the
// next acquire tries again, so the process keeps running and recovers when the database returns.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/postgres/Connection.h"

namespace store::postgres {

class Pool {
  public:
    Pool(std::string uri, int size);

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
    const std::string& uri() const { return uri_; }

  private:
    void release(std::unique_ptr<Connection> conn);
    std::unique_ptr<Connection> connect();  // outside the lock; gives the slot back on failure

    std::string uri_;
    int size_;
    int opened_ = 0;  // connections in use or idle, counting the ones being opened
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace store::postgres

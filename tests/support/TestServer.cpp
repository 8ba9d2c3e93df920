#include "support/TestServer.h"

#include "admin/Credentials.h"

#include <httplib.h>
#include <stdlib.h>

#include <filesystem>
#include <stdexcept>

#include "records/Demo.h"
#include "support/Must.h"

namespace test {
namespace {

void append_encoded(std::string& out, const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
}

HttpReply to_reply(const httplib::Result& result) {
    HttpReply reply;
    if (!result) return reply;
    reply.status = result->status;
    reply.body = result->body;
    reply.content_type = result->get_header_value("Content-Type");
    reply.request_id = result->get_header_value("X-Request-Id");
    return reply;
}

}  // namespace

std::string encode_form(const std::map<std::string, std::string>& fields) {
    std::string out;
    for (const auto& [key, value] : fields) {
        if (!out.empty()) out += '&';
        append_encoded(out, key);
        out += '=';
        append_encoded(out, value);
    }
    return out;
}

TestServer::TestServer(std::int64_t demo_products, std::function<void(app::Config&)> configure) {
    config_.database = db_.path();
    config_.server.listen_address = "127.0.0.1";
    config_.server.port = 0;
    config_.server.worker_threads = 2;
    config_.admin.port = 0;  // its own free port
    config_.endpoint.password = kPassword;
    {
        auto store = store::init_store(config_.database, config_.store);
        if (demo_products > 0) {
            must(
                store->catalog().import(records::make_demo_batch(demo_products), nullptr, nullptr));
        }
    }
    if (configure) configure(config_);
    service_ = std::make_unique<app::Service>(config_);
    service_->start();
}

std::uint16_t TestServer::admin_port() const {
    return service_->admin_port();
}

void TestServer::add_admin_user(const std::string& user, const std::string& password) {
    must(admin::add_user(service_->store().admins(), user, password));
}

std::string TestServer::add_admin_token(const std::string& user) {
    return must(admin::add_token(service_->store().admins(), user, "test"));
}

TestServer::~TestServer() {
    service_.reset();  // before db_ removes the database
}

std::uint16_t TestServer::port() const {
    return service_->port();
}

HttpReply TestServer::post_raw(const std::string& path, const std::string& body,
                               const std::string& content_type) {
    httplib::Client client("127.0.0.1", port());
    client.set_read_timeout(120, 0);
    return to_reply(client.Post(path.c_str(), body, content_type.c_str()));
}

HttpReply TestServer::post_form(const std::map<std::string, std::string>& fields) {
    return post_raw(config_.connector_path, encode_form(fields),
                    "application/x-www-form-urlencoded");
}

HttpReply TestServer::call(const std::string& action, std::map<std::string, std::string> fields) {
    fields["bl_pass"] = password();
    fields["action"] = action;
    return post_form(fields);
}

HttpReply TestServer::get(const std::string& path) {
    httplib::Client client("127.0.0.1", port());
    client.set_read_timeout(120, 0);
    return to_reply(client.Get(path.c_str()));
}

HttpReply TestServer::put_raw(const std::string& path, const std::string& body,
                              const std::string& content_type) {
    httplib::Client client("127.0.0.1", port());
    client.set_read_timeout(120, 0);
    return to_reply(client.Put(path.c_str(), body, content_type.c_str()));
}

std::unique_ptr<store::Store> TestServer::open_second_store() const {
    return store::open_store(config_.database, config_.store);
}

}  // namespace test

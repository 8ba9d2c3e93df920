#include "e2e/FaultProxy.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <cctype>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "support/TestServer.h"
#include "wire/Form.h"

namespace e2e {
namespace {

namespace json = boost::json;

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr const char* kForm = "application/x-www-form-urlencoded";

std::string field(const wire::Form& form, std::string_view key) {
    const std::string* value = form.find(key);
    return value ? *value : std::string();
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::optional<std::int64_t> to_int(const std::string& text) {
    try {
        std::size_t used = 0;
        std::int64_t value = std::stoll(text, &used);
        if (used == text.size()) return value;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::optional<json::object> parse_object(const std::string& body) {
    boost::system::error_code ec;
    json::value value = json::parse(body, ec);
    if (ec || !value.is_object()) return std::nullopt;
    return value.as_object();
}

// Key "0" of a product with variants must be the sum of its variants' stock: add one to it.
std::optional<std::string> break_key_zero(const std::string& body) {
    auto page = parse_object(body);
    if (!page) return std::nullopt;
    bool changed = false;
    for (auto& [key, product] : *page) {
        if (key == "pages" || !product.is_object() || product.as_object().size() < 2) continue;
        json::value* zero = product.as_object().if_contains("0");
        if (zero == nullptr || !zero->is_int64()) continue;
        *zero = zero->as_int64() + 1;
        changed = true;
    }
    return changed ? std::optional(json::serialize(*page)) : std::nullopt;
}

// A page that claims to exist ("pages" kept) but lists none of its products.
std::optional<std::string> empty_page(const std::string& body) {
    auto page = parse_object(body);
    if (!page || page->size() < 2 || !page->contains("pages")) return std::nullopt;
    json::object kept;
    kept["pages"] = (*page)["pages"];
    return json::serialize(kept);
}

// {"error":true,"error_code":c,"error_text":t} -> {"error":"c"}
std::optional<std::string> bare_error(const std::string& body) {
    auto answer = parse_object(body);
    if (!answer || !answer->contains("error_code")) return std::nullopt;
    json::object bare;
    bare["error"] = (*answer)["error_code"];
    return json::serialize(bare);
}

struct Upstream {
    std::string method, path, body, content_type;
};

struct Answer {
    int status = 502;
    std::string body, content_type = kJson;
};

}  // namespace

struct FaultProxy::Impl {
    std::uint16_t backend_port;
    Fault fault;
    httplib::Server server;
    std::thread thread;
    int port = 0;
    std::atomic<int> applied{0};
    std::mutex mutex;  // guards the two below (the server runs handlers on a thread pool)
    std::set<std::string> seen_baselinker_ids;
    int fake_orders = 0;

    void handle(const httplib::Request& request, httplib::Response& response);
    std::optional<std::string> intercept(const std::string& action, const wire::Form& form);
    void rewrite_request(const std::string& action, const wire::Form& form, Upstream& up);
    std::optional<std::string> rewrite_reply(const std::string& action, const wire::Form& form,
                                             const std::string& body);
    Answer forward(const Upstream& up) const;
};

void FaultProxy::Impl::handle(const httplib::Request& request, httplib::Response& response) {
    Upstream up{request.method, request.path, request.body,
                request.get_header_value("Content-Type")};
    auto decoded = wire::decode_form(request.body, up.content_type);
    // Undecodable bodies pass through untouched.
    const wire::Form form = decoded ? std::move(*decoded) : wire::Form{};
    std::string action = lower(field(form, "action"));
    if (auto faked = intercept(action, form)) {
        ++applied;
        response.set_content(*faked, kJson);
        return;
    }
    rewrite_request(action, form, up);
    Answer answer = forward(up);
    if (auto changed = rewrite_reply(action, form, answer.body)) {
        ++applied;
        answer.body = *changed;
    }
    response.status = answer.status;
    response.set_content(answer.body, answer.content_type.c_str());
}

// DuplicateOnResend: a plain re-send of a known baselinker_id gets a brand-new order id.
std::optional<std::string> FaultProxy::Impl::intercept(const std::string& action,
                                                       const wire::Form& form) {
    if (fault != Fault::DuplicateOnResend || action != "orderadd") return std::nullopt;
    std::string id = field(form, "baselinker_id");
    std::string previous = field(form, "previous_order_id");
    if (id.empty() || !(previous.empty() || previous == "0")) return std::nullopt;
    std::lock_guard lock(mutex);
    if (seen_baselinker_ids.insert(id).second) return std::nullopt;
    return R"({"order_id":")" + std::to_string(900000 + ++fake_orders) + R"("})";
}

// NonStrictIdFrom: id_from=N reaches the shop as N-1, so order N is returned again.
void FaultProxy::Impl::rewrite_request(const std::string& action, const wire::Form& form,
                                       Upstream& up) {
    if (fault != Fault::NonStrictIdFrom || action != "ordersget") return;
    auto id_from = to_int(field(form, "id_from"));
    if (!id_from || *id_from <= 0) return;
    std::map<std::string, std::string> fields(form.fields.begin(), form.fields.end());
    fields["id_from"] = std::to_string(*id_from - 1);
    up.body = test::encode_form(fields);
    up.content_type = kForm;
    ++applied;
}

std::optional<std::string> FaultProxy::Impl::rewrite_reply(const std::string& action,
                                                           const wire::Form& form,
                                                           const std::string& body) {
    switch (fault) {
        case Fault::WrongKeyZero:
            return action == "productsquantity" ? break_key_zero(body) : std::nullopt;
        case Fault::SkippedPage:
            if (action != "productslist" || to_int(field(form, "page")) != 2) return std::nullopt;
            return empty_page(body);
        case Fault::BareErrorEnvelope:
            return bare_error(body);
        default:
            return std::nullopt;
    }
}

Answer FaultProxy::Impl::forward(const Upstream& up) const {
    httplib::Client client("127.0.0.1", backend_port);
    client.set_read_timeout(120, 0);
    client.set_tcp_nodelay(true);  // see the server below
    auto result = up.method == "GET"
                      ? client.Get(up.path.c_str())
                      : client.Post(up.path.c_str(), up.body, up.content_type.c_str());
    Answer answer;
    if (!result) return answer;  // 502: the shop did not answer
    answer.status = result->status;
    answer.body = result->body;
    answer.content_type = result->get_header_value("Content-Type");
    return answer;
}

FaultProxy::FaultProxy(std::uint16_t backend_port, Fault fault) : impl_(std::make_unique<Impl>()) {
    impl_->backend_port = backend_port;
    impl_->fault = fault;
    auto handler = [impl = impl_.get()](const httplib::Request& request,
                                        httplib::Response& response) {
        impl->handle(request, response);
    };
    // Without TCP_NODELAY every exchange through the proxy waited on a delayed ACK: one check
    // run took ~4 s instead of ~0.1 s.
    impl_->server.set_tcp_nodelay(true);
    impl_->server.Get(".*", handler);
    impl_->server.Post(".*", handler);
    impl_->port = impl_->server.bind_to_any_port("127.0.0.1");
    if (impl_->port <= 0) throw std::runtime_error("FaultProxy: cannot bind a loopback port");
    impl_->thread = std::thread([impl = impl_.get()] { impl->server.listen_after_bind(); });
    // stop() is a no-op until the accept loop runs; wait for it so the destructor cannot hang.
    while (!impl_->server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FaultProxy::~FaultProxy() {
    impl_->server.stop();
    impl_->thread.join();
}

std::string FaultProxy::url() const {
    return "http://127.0.0.1:" + std::to_string(impl_->port) + "/baselinker";
}

int FaultProxy::faults_applied() const {
    return impl_->applied.load();
}

}  // namespace e2e

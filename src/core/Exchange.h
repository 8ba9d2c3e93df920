#pragma once
// Plain request/response values passed from the transport to the handlers. No Beast here: the
// protocol and admin layers see only these.
#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace core {

struct WebRequest {
    std::string method;        // "POST", "GET", ...
    std::string path;          // target without the query string
    std::string query;         // raw query string (after '?'), may be empty
    std::string content_type;  // as sent, may be empty
    std::string body;
    std::string client_ip;   // textual address of the peer
    std::string request_id;  // assigned by the transport, short and unique per process
    std::vector<std::pair<std::string, std::string>> headers;  // lower-case names
};

struct WebResponse {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace core

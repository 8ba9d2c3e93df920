// Transport and authentication (docs/protocol.md §1, §1.3, §1.4).
#include <boost/json/serialize.hpp>

#include "blsim/Check.h"
#include "blsim/Json.h"

namespace blsim {

namespace json = boost::json;

namespace {

// Posts a hand-made body (the password, when any, is not repeated in the report).
Reply post_form(Checker& checker, const Fields& fields, const std::string& shown) {
    Reply reply =
        checker.client().post_raw(encode_form(fields), "application/x-www-form-urlencoded");
    checker.remember(shown, reply);
    return reply;
}

// The answer must be the error envelope with `code`; `alt` is a tolerated other code (NOTE).
Findings expect_error(const Reply& reply, const std::string& code, const std::string& alt = "") {
    Findings f;
    if (reply.status == 0) {
        f.fail("no answer: " + reply.error);
        return f;
    }
    const auto v = parse_json(reply.body);
    if (!v) {
        f.fail("answer is not JSON");
        return f;
    }
    const std::string got = error_code(*v);
    if (got == code) {
        // ok
    } else if (!alt.empty() && got == alt) {
        f.note("error_code " + got + " where the protocol says " + code);
    } else {
        f.fail("expected error_code " + code + ", got " +
               (got.empty() ? "no error envelope" : got));
    }
    if (reply.status != 200)
        f.note("HTTP " + std::to_string(reply.status) + " (protocol: 200 for errors)");
    return f;
}

void check_auth(Checker& checker) {
    const std::string pass = checker.client().target().password;
    checker.record("auth.no_password", "no bl_pass field -> no_password",
                   expect_error(post_form(checker, {{"action", "FileVersion"}},
                                          "action=FileVersion (no bl_pass)"),
                                "no_password"));
    checker.record(
        "auth.wrong_password", "wrong bl_pass -> incorrect_password",
        expect_error(post_form(checker, {{"action", "FileVersion"}, {"bl_pass", pass + "x"}},
                               "action=FileVersion bl_pass=<wrong>"),
                     "incorrect_password"));
    // Some PHP files treat an empty password as a missing one; BaseLinker reads both as "denied".
    checker.record("auth.empty_password", "empty bl_pass -> incorrect_password",
                   expect_error(post_form(checker, {{"action", "FileVersion"}, {"bl_pass", ""}},
                                          "action=FileVersion bl_pass="),
                                "incorrect_password", "no_password"));
    Reply get = checker.client().get();
    checker.remember("GET (no body)", get);
    checker.record("transport.get", "GET on the URL -> no_password envelope",
                   expect_error(get, "no_password"));
}

void check_actions(Checker& checker) {
    Findings ci;
    const auto lower = checker.call_json("fileversion");
    if (!lower || !lower->is_object() || is_error_envelope(*lower) ||
        !lower->get_object().contains("standard"))
        ci.fail("'fileversion' is not answered like FileVersion");
    checker.record("action.case_insensitive", "action names are case-insensitive", ci);

    Findings unknown;
    const auto v = checker.call_json("NoSuchActionBlsim");
    if (!v || error_code(*v) != "unsupported_action") {
        unknown.fail("expected error_code unsupported_action");
    } else {
        const auto* text = v->get_object().if_contains("error_text");
        if (!text || !text->is_string() ||
            std::string(text->get_string()).find("NoSuchActionBlsim") == std::string::npos)
            unknown.note("error_text does not name the action (protocol: \"No action: <name>\")");
    }
    checker.record("action.unknown", "unknown action -> unsupported_action", unknown);
}

void check_envelope(Checker& checker) {
    Findings f;
    // The success answer first: a failure then shows the error exchange, the last one made.
    // A success answer carries no envelope and no status field.
    const auto ok = checker.call_json("FileVersion");
    if (ok && ok->is_object() &&
        (ok->get_object().contains("status") || ok->get_object().contains("error")))
        f.fail("FileVersion answer carries an envelope/status field");
    const Reply reply = checker.call("NoSuchActionBlsim");
    const auto v = parse_json(reply.body);
    if (reply.status != 200)
        f.fail("HTTP " + std::to_string(reply.status) + " for a protocol error (must be 200)");
    if (reply.content_type.find("application/json") == std::string::npos)
        f.note("Content-Type is '" + reply.content_type + "', not application/json");
    if (!v || !v->is_object()) {
        f.fail("error answer is not a JSON object");
    } else {
        const auto& obj = v->get_object();
        const auto* err = obj.if_contains("error");
        const auto* code = obj.if_contains("error_code");
        const auto* text = obj.if_contains("error_text");
        if (!err || !err->is_bool() || !err->get_bool()) f.fail("\"error\" is not true");
        if (!code || !code->is_string()) f.fail("\"error_code\" is not a string");
        if (!text || !text->is_string()) f.fail("\"error_text\" is not a string");
        for (const auto& kv : obj)
            if (kv.key() != "error" && kv.key() != "error_code" && kv.key() != "error_text")
                f.note("extra key in the envelope: " + std::string(kv.key()));
    }
    checker.record("envelope.shape",
                   "error envelope is exactly {error:true,error_code,error_text}, HTTP 200", f);
}

}  // namespace

void check_transport(Checker& checker) {
    check_auth(checker);
    check_actions(checker);
    check_envelope(checker);
}

void check_utf8_everywhere(Checker& checker) {
    Findings f;
    for (const auto& action : checker.bad_utf8())
        f.fail("invalid UTF-8 in the answer to " + action);
    for (const auto& action : checker.not_json()) f.fail("answer to " + action + " is not JSON");
    checker.record("json.valid_utf8", "every answer of this run is JSON and valid UTF-8", f);
}

}  // namespace blsim

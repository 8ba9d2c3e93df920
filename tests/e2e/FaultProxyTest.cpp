// blsim pinpoints a broken connector: a proxy in front of a real blconnect breaks exactly one
// protocol rule, and `blsim check --write` must exit 1 with the check for that rule failed.
#include <gtest/gtest.h>

#include "e2e/BlsimRun.h"
#include "e2e/FaultProxy.h"
#include "e2e/Shop.h"

namespace e2e {
namespace {

struct ProxiedRun {
    Outcome outcome;
    std::map<std::string, CheckVerdict> report;
    int faults_applied = 0;
};

ProxiedRun check_through_proxy(Fault fault) {
    auto server = make_shop();
    FaultProxy proxy(server->port(), fault);
    TempDir dir;
    ProxiedRun run;
    run.outcome = run_blsim(check_args(proxy.url(), server->password(), dir.file("r.json")));
    run.report = read_report(dir.file("r.json"));
    run.faults_applied = proxy.faults_applied();
    return run;
}

void expect_pinpointed(Fault fault, const std::string& check_id) {
    auto run = check_through_proxy(fault);
    EXPECT_GT(run.faults_applied, 0) << "blsim never made the request that the fault breaks";
    EXPECT_EQ(run.outcome.code, 1) << run.outcome.output;
    EXPECT_EQ(verdict_of(run.report, check_id), "fail") << run.outcome.output;
    EXPECT_NE(run.outcome.output.find(check_id), std::string::npos)
        << "the table does not name the failed check\n"
        << run.outcome.output;
}

// Without a fault the proxy is invisible: every failure below is the fault's doing.
TEST(E2e, TransparentProxyPassesEveryCheck) {
    auto run = check_through_proxy(Fault::None);
    EXPECT_EQ(run.outcome.code, 0) << run.outcome.output;
    ASSERT_FALSE(run.report.empty()) << run.outcome.output;
    for (const auto& [id, check] : run.report) {
        EXPECT_NE(check.verdict, "fail") << id << ": " << check.detail;
    }
}

TEST(E2e, BlsimPinpointsAWrongKeyZero) {
    expect_pinpointed(Fault::WrongKeyZero, "catalog.key0");
}

TEST(E2e, BlsimPinpointsASkippedPage) {
    expect_pinpointed(Fault::SkippedPage, "catalog.list.paging");
}

TEST(E2e, BlsimPinpointsADuplicateOnResend) {
    expect_pinpointed(Fault::DuplicateOnResend, "orders.add.exactly_once");
}

TEST(E2e, BlsimPinpointsANonStrictIdFrom) {
    expect_pinpointed(Fault::NonStrictIdFrom, "orders.get.id_from_strict");
}

TEST(E2e, BlsimPinpointsAWrongErrorEnvelope) {
    expect_pinpointed(Fault::BareErrorEnvelope, "envelope.shape");
}

}  // namespace
}  // namespace e2e

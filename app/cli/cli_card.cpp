// madoguchi-cli card status|read|triage — the My Number card through pcscd. The card-info PIN comes
// from stdin only (never argv, never logged) and is wiped after use; the My Number is printed
// masked. Card faults: one line on stderr naming what happened, exit 5 (with --json, also an
// "error" document on stdout).
#include "app/cli/cli_context.hpp"
#include "app/cli/command_registry.hpp"
#include "app/pcsc/pcsc_transport.hpp"
#include "core/card/card_error.hpp"
#include "core/card/my_number_card_reader.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/era/wareki.hpp"
#include "core/security/audit_chain.hpp"
#include "core/triage/card_triage.hpp"

#include <array>
#include <chrono>
#include <ctime>
#include <functional>
#include <iostream>
#include <openssl/crypto.h>
#include <termios.h>
#include <unistd.h>

namespace po = boost::program_options;

namespace madoguchi::cli {

namespace {

using card::CardError;

struct CardOptions {
    std::string reader;
    double timeoutSeconds = 5;
};

void addCommonOptions(po::options_description& o, CardOptions& c)
{
    o.add_options()("reader", po::value<std::string>(&c.reader), "the reader's name (default: the first with a card)")(
        "timeout", po::value<double>(&c.timeoutSeconds)->default_value(5), "seconds to wait for each card answer");
}

std::chrono::milliseconds timeoutOf(const CardOptions& c)
{
    if (!(c.timeoutSeconds > 0 && c.timeoutSeconds <= 600))
        throw ValidationError("--timeout must be between 0 and 600 seconds");
    return std::chrono::milliseconds(static_cast<long>(c.timeoutSeconds * 1000));
}

nlohmann::json pinsJson(const std::vector<card::PinStatus>& pins)
{
    nlohmann::json j = {{"signature", nullptr}, {"user-auth", nullptr}, {"card-info", nullptr}, {"residence", nullptr}};
    for (const auto& p : pins)
        j[p.id] = {
            {"name", p.japanese}, {"tries_left", p.triesLeft}, {"max_tries", p.maxTries}, {"blocked", p.blocked()}};
    return j;
}

// A PIN typed on stdin: one line, read into a fixed buffer (no string growing and leaving copies),
// without echo when stdin is a terminal.
card::SecurePin readPinFromStdin(std::ostream& err)
{
    bool tty = isatty(0);
    termios saved{};
    if (tty) {
        err << "券面事項入力補助用の暗証番号（4桁）: " << std::flush;
        tcgetattr(0, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(0, TCSAFLUSH, &quiet);
    }
    std::array<char, 64> buf{};
    std::size_t n = 0;
    while (n < buf.size()) {
        ssize_t got = ::read(0, buf.data() + n, 1);
        if (got <= 0 || buf[n] == '\n')
            break;
        ++n;
    }
    if (tty) {
        tcsetattr(0, TCSAFLUSH, &saved);
        err << '\n';
    }
    while (n > 0 && (buf[n - 1] == '\r' || buf[n - 1] == ' '))
        --n;
    bool tooLong = n > card::SecurePin::kMaxLength;
    card::SecurePin pin(std::string_view(buf.data(), tooLong ? 0 : n));
    OPENSSL_cleanse(buf.data(), buf.size());
    if (n == 0 || tooLong || !pin.isFourDigits())
        throw ValidationError("券面事項入力補助用の暗証番号は4桁の数字で標準入力から与えてください "
                              "(give the 4-digit card-info PIN on stdin)");
    return pin;
}

int cardFault(CliContext& ctx, const CardError& e, const char* command)
{
    if (ctx.json) {
        nlohmann::json err = {{"kind", card::kindId(e.kind())}, {"message", e.japanese()}, {"message_en", e.english()}};
        if (e.triesLeft())
            err["tries_left"] = *e.triesLeft();
        ctx.printJson({{"ok", false}, {"error", err}});
    }
    ctx.err << "madoguchi-cli: card " << command << ": " << e.what() << '\n';
    return kCardFault;
}

// After an answer that never came, the PC/SC library still holds a call that may never return;
// its clean-up at exit would wait for it, so such a run ends without that clean-up.
[[noreturn]] void exitAbandoned(CliContext& ctx, int code)
{
    ctx.out.flush();
    ctx.err.flush();
    std::cout.flush();
    std::cerr.flush();
    _exit(code);
}

// Runs `work` on a reader over pcscd; a CardError becomes the fault report and exit 5.
int withCardReader(CliContext& ctx, const CardOptions& c, std::chrono::milliseconds timeout, const char* command,
                   const std::function<int(card::MyNumberCardReader&)>& work)
{
    pcsc::PcscTransport transport(timeout);
    int code = kOk;
    try {
        card::MyNumberCardReader reader(transport, c.reader);
        code = work(reader);
    } catch (const CardError& e) {
        code = cardFault(ctx, e, command);
    }
    if (transport.abandoned())
        exitAbandoned(ctx, code);
    return code;
}

int cardStatus(CliContext& ctx, const std::vector<std::string>& args)
{
    CardOptions c;
    po::options_description o("card status");
    addCommonOptions(o, c);
    parseArgs(args, o);
    return withCardReader(ctx, c, timeoutOf(c), "status", [&](card::MyNumberCardReader& reader) {
        card::CardStatus st = reader.status();
        bool isMyNumber = st.cardType == card::CardType::MyNumberCard;
        if (ctx.json) {
            ctx.printJson({{"ok", !st.readers.empty() && st.cardPresent},
                           {"reader_present", !st.readers.empty()},
                           {"readers", st.readers},
                           {"reader", st.reader.empty() ? nlohmann::json(nullptr) : nlohmann::json(st.reader)},
                           {"card_present", st.cardPresent},
                           {"card_type",
                            st.cardPresent ? nlohmann::json(card::cardTypeId(st.cardType)) : nlohmann::json(nullptr)},
                           {"my_number_card", isMyNumber},
                           {"token", st.token.empty() ? nlohmann::json(nullptr) : nlohmann::json(st.token)},
                           {"pins", pinsJson(st.pins)},
                           {"warnings", st.warnings},
                           {"apdus", st.apdus}});
        } else if (st.cardPresent) {
            ctx.out << "reader: " << st.reader << "\ncard: " << card::cardTypeId(st.cardType)
                    << (isMyNumber ? "" : " (マイナンバーカードではありません / not a My Number card)") << '\n';
            for (const auto& p : st.pins)
                ctx.out << "  " << p.japanese << " (" << p.id << "): 残り " << p.triesLeft << "/" << p.maxTries << " 回"
                        << (p.blocked() ? " ロック中 / blocked" : "") << '\n';
        }
        for (const auto& w : st.warnings)
            ctx.err << "madoguchi-cli: card status: 注意: " << w << '\n';
        if (st.readers.empty()) {
            ctx.err << "madoguchi-cli: card status: カードリーダーが見つかりません (no card reader is connected)\n";
            return kCardFault;
        }
        if (!st.cardPresent) {
            ctx.err << "madoguchi-cli: card status: カードが置かれていません (no card in the reader)\n";
            return kCardFault;
        }
        return kOk;
    });
}

int cardRead(CliContext& ctx, const std::vector<std::string>& args)
{
    CardOptions c;
    bool withPin = false;
    bool lastTry = false;
    po::options_description o("card read");
    addCommonOptions(o, c);
    o.add_options()("with-pin", po::bool_switch(&withPin), "read the card-info AP with the PIN given on stdin")(
        "last-try", po::bool_switch(&lastTry), "go on when the PIN has one try left");
    parseArgs(args, o);
    auto timeout = timeoutOf(c);
    std::optional<card::SecurePin> pin;
    if (withPin) {
        // The card-info AP gives a resident's name, address, birth and sex: only a logged-in user
        // reads it, and the read is audited. Logged in before the PIN is asked for.
        ctx.actor();
        pin.emplace(readPinFromStdin(ctx.err));
    }

    return withCardReader(ctx, c, timeout, "read", [&](card::MyNumberCardReader& reader) {
        card::AuthCertificateInfo cert = reader.readAuthCertificate();
        std::optional<card::CardInfo> info;
        std::vector<std::string> warnings;
        if (pin) {
            card::CardInfoOptions options;
            options.confirmLastTry = [&](int) {
                ctx.err << "madoguchi-cli: card read: 注意: 暗証番号の残り回数は1回です"
                        << (lastTry ? "（--last-try により照合します）" : "（照合するには --last-try）") << '\n';
                return lastTry;
            };
            info = reader.readCardInfo(std::move(*pin), options);
            pin.reset();
            warnings = info->warnings;
            // Before anything of it is printed: no entry, no output.
            ctx.recordAccess(audit_actions::kCardRead, {}, "console: card-info AP");
        }
        // Expired: notAfter (UTC, ISO) before now; ISO strings of equal format compare as times.
        char now[32];
        std::time_t t = std::time(nullptr);
        std::strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
        bool expired = cert.validity.notAfter < now;
        if (expired)
            warnings.push_back("利用者証明用電子証明書の有効期限が切れています");
        if (ctx.json) {
            nlohmann::json doc = {{"ok", true},
                                  {"card_type", "my-number-card"},
                                  {"auth_certificate",
                                   {{"not_before", cert.validity.notBefore},
                                    {"not_after", cert.validity.notAfter},
                                    {"expiry_date", cert.validity.expiryDateJst},
                                    {"expired", expired},
                                    {"size", cert.size},
                                    {"sha256", cert.validity.sha256}}},
                                  {"card_info", nullptr},
                                  {"warnings", warnings},
                                  {"apdus", cert.apdus + (info ? info->apdus : 0)}};
            if (info)
                doc["card_info"] = {{"name", info->facts.name},
                                    {"address", info->facts.address},
                                    {"birth", info->facts.birth},
                                    {"sex", info->facts.sex},
                                    {"my_number_masked", info->myNumberMasked}};
            ctx.printJson(doc);
        } else {
            ctx.out << "利用者証明用電子証明書の有効期限 (auth certificate expiry): " << cert.validity.expiryDateJst
                    << " (" << cert.validity.notAfter << ")\n";
            if (info)
                ctx.out << "氏名: " << info->facts.name << "\n住所: " << info->facts.address
                        << "\n生年月日: " << info->facts.birth << "\n性別: " << info->facts.sex
                        << "\n個人番号: " << info->myNumberMasked << '\n';
        }
        for (const auto& w : warnings)
            ctx.err << "madoguchi-cli: card read: 注意: " << w << '\n';
        return kOk;
    });
}

nlohmann::json dateOrNull(const std::optional<boost::gregorian::date>& d)
{
    return d ? nlohmann::json(toIso(*d)) : nlohmann::json(nullptr);
}

nlohmann::json triageJson(const triage::Triage& t, const boost::gregorian::date& today)
{
    const auto& r = t.reading;
    const bool isMyNumber = r.cardType == card::CardType::MyNumberCard;
    nlohmann::json cert = nullptr;
    if (isMyNumber) {
        const auto& f = t.certificate;
        cert = {
            {"state", triage::certificateStateId(f.state)},
            {"not_before", nullptr},
            {"not_after", nullptr},
            {"expiry_date", dateOrNull(f.expiry)},
            {"expiry_date_wareki", f.expiry ? nlohmann::json(era::formatJa(*f.expiry)) : nlohmann::json(nullptr)},
            {"renewal_opens", dateOrNull(f.renewalOpens)},
            {"new_cert_birthday", f.newCertBirthdays ? nlohmann::json(f.newCertBirthdays) : nlohmann::json(nullptr)}};
        if (r.certificatePresent) {
            cert["not_before"] = r.authCertificate.notBefore;
            cert["not_after"] = r.authCertificate.notAfter;
        }
    }
    nlohmann::json proposals = nlohmann::json::array();
    for (const auto& p : t.proposals) {
        nlohmann::json j = {{"procedure", info(p.procedure).id},
                            {"procedure_name", info(p.procedure).nameJa},
                            {"procedure_name_en", info(p.procedure).nameEn},
                            {"reason", p.reason},
                            {"reason_en", p.reasonEn}};
        if (p.procedure == Procedure::PinReset)
            j["pins"] = p.pins;
        proposals.push_back(std::move(j));
    }
    nlohmann::json notices = nlohmann::json::array();
    for (const auto& n : t.notices)
        notices.push_back({{"message", n.ja}, {"message_en", n.en}});
    return {{"ok", true},
            {"reader", r.reader},
            {"card_type", card::cardTypeId(r.cardType)},
            {"my_number_card", isMyNumber},
            {"today", toIso(today)},
            {"pins", pinsJson(r.pins)},
            {"auth_certificate", cert},
            {"proposals", proposals},
            {"notices", notices},
            {"apdus", r.apdus}};
}

void printTriage(std::ostream& out, const triage::Triage& t)
{
    const auto& r = t.reading;
    out << "card: " << card::cardTypeId(r.cardType) << '\n';
    for (const auto& p : r.pins)
        out << "  " << p.japanese << " (" << p.id << "): 残り " << p.triesLeft << "/" << p.maxTries << " 回"
            << (p.blocked() ? " ロック中 / blocked" : "") << '\n';
    if (t.certificate.expiry)
        out << "利用者証明用電子証明書の有効期限 (auth certificate expiry): " << era::formatBoth(*t.certificate.expiry)
            << " [" << triage::certificateStateId(t.certificate.state) << "]\n";
    if (t.proposals.empty())
        out << "提案なし (no proposal)\n";
    for (std::size_t i = 0; i < t.proposals.size(); ++i) {
        const auto& p = t.proposals[i];
        out << "提案 " << i + 1 << ": " << info(p.procedure).nameJa << " (" << info(p.procedure).id << ")\n  "
            << p.reason << "\n  " << p.reasonEn << '\n';
    }
    for (const auto& n : t.notices)
        out << "注意: " << n.ja << " / " << n.en << '\n';
}

int cardTriage(CliContext& ctx, const std::vector<std::string>& args)
{
    CardOptions c;
    std::string todayText;
    po::options_description o("card triage");
    addCommonOptions(o, c);
    o.add_options()("today", po::value<std::string>(&todayText),
                    "the day the renewal window is judged for (default: today)");
    parseArgs(args, o);
    auto timeout = timeoutOf(c);
    const auto today = todayText.empty() ? now().localDay : parseIsoDate(todayText, "--today");
    return withCardReader(ctx, c, timeout, "triage", [&](card::MyNumberCardReader& reader) {
        triage::Triage t = triage::triageCard(reader.readForTriage(), today);
        if (ctx.json)
            ctx.printJson(triageJson(t, today));
        else
            printTriage(ctx.out, t);
        return kOk;
    });
}

const CommandRegistration kCard{
    "card",
    "the My Number card: PIN tries, certificate expiry, what the visit needs, card-info (PIN on stdin)",
    {{"status", cardStatus}, {"read", cardRead}, {"triage", cardTriage}}};

} // namespace
} // namespace madoguchi::cli

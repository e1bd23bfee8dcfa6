// madoguchi-cli documents — what to bring, fees, where to go and whom to call for a procedure, or
// why it cannot be done this way (a refusal is an answer: exit 0, printed first, `refused` in JSON).
#include "app/cli/cli_context.hpp"
#include "app/cli/cli_requirements.hpp"
#include "app/cli/cli_rule_book.hpp"
#include "app/cli/command_registry.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace madoguchi::cli {

using nlohmann::json;

namespace {

json text(const rules::Text& t)
{
    return {{"ja", t.ja}, {"en", t.en}};
}
json optionalText(const std::optional<rules::Text>& t)
{
    return t ? text(*t) : json();
}
// The inquiry route's last day for the answer: days after the mailing day, the words, the source.
json answerWithin(const rules::Route& route)
{
    if (!route.answerWithin)
        return json();
    const auto& a = *route.answerWithin;
    return {{"days", a.days}, {"ja", a.text.ja}, {"en", a.text.en}, {"source", a.source}};
}
json circumstanceList(const std::vector<rules::Circumstance>& list)
{
    json out = json::array();
    for (const auto& c : list)
        out.push_back({{"id", c.id}, {"ja", c.text.ja}, {"en", c.text.en}});
    return out;
}

} // namespace

json provenanceJson(const rules::Provenance& p)
{
    return {{"entry", p.entry},
            {"file", p.file},
            {"office", p.office},
            {"effective_from", p.effectiveFrom.is_special() ? json() : json(toIso(p.effectiveFrom))},
            {"effective_until", p.effectiveUntil ? json(toIso(*p.effectiveUntil)) : json()},
            {"source", p.source}};
}

json requirementsJson(const rules::Requirements& r, bool withRules)
{
    auto from = [&](json line, const rules::Provenance& p) {
        if (withRules)
            line["rule"] = provenanceJson(p);
        return line;
    };
    json docs = json::array();
    for (const auto& d : r.documents) {
        json alternatives = json::array();
        for (const auto& o : d.alternatives) {
            json items = json::array();
            for (const auto& i : o.items)
                items.push_back({{"id", i.id}, {"ja", i.text.ja}, {"en", i.text.en}});
            alternatives.push_back(
                {{"id", o.id}, {"count", o.count}, {"ja", o.label.ja}, {"en", o.label.en}, {"items", items}});
        }
        docs.push_back(from({{"id", d.id},
                             {"ja", d.text.ja},
                             {"en", d.text.en},
                             {"note", optionalText(d.note)},
                             {"alternatives", alternatives}},
                            d.from));
    }
    json fees = json::array();
    for (const auto& f : r.fees)
        fees.push_back(from({{"id", f.id},
                             {"yen", f.yen},
                             {"full_yen", f.fullYen},
                             {"applies", f.applies},
                             {"ja", f.label.ja},
                             {"en", f.label.en},
                             {"condition", optionalText(f.condition)},
                             {"only_when", circumstanceList(f.onlyWhen)},
                             {"free_when", circumstanceList(f.freeWhen)},
                             {"waived_by", f.waivedBy ? json(f.waivedBy->id) : json()}},
                            f.from));
    json contacts = json::array();
    for (const auto& c : r.contacts)
        contacts.push_back(
            from({{"id", c.id}, {"ja", c.name.ja}, {"en", c.name.en}, {"phone", c.phone}, {"hours", text(c.hours)}},
                 c.from));
    json notes = json::array();
    for (const auto& n : r.notes)
        notes.push_back(withRules ? from(text(n), n.from) : text(n));
    json places = json::array();
    for (const auto& p : r.places) {
        json hours = json::array();
        for (const auto& h : p.hours)
            hours.push_back(text(h));
        places.push_back(from({{"id", p.id},
                               {"ja", p.name.ja},
                               {"en", p.name.en},
                               {"phone", p.phone.empty() ? json() : json(p.phone)},
                               {"hours", hours},
                               {"reservation", optionalText(p.reservation)}},
                              p.from));
    }
    json refused;
    if (r.refusal)
        refused = from({{"ja", r.refusal->reason.ja},
                        {"en", r.refusal->reason.en},
                        {"instead", r.refusal->instead ? json(info(*r.refusal->instead).id) : json()}},
                       r.refusal->from);
    json window;
    if (r.window)
        window = from({{"ja", r.window->text.ja},
                       {"en", r.window->text.en},
                       {"days", r.window->days ? json(*r.window->days) : json()},
                       {"before_age", r.window->beforeAge ? json(*r.window->beforeAge) : json()},
                       {"last_day", r.window->lastDay ? json(toIso(*r.window->lastDay)) : json()}},
                      r.window->from);
    const auto& p = info(r.procedure);
    json out = {{"procedure", p.id},
                {"procedure_name", {{"ja", p.nameJa}, {"en", p.nameEn}}},
                {"applicant", applicantId(r.applicant)},
                {"day", toIso(r.day)},
                {"refused", refused},
                {"documents", docs},
                {"fees", fees},
                {"total_yen", r.totalYen()},
                {"where", text(r.whereToGo)},
                {"places", places},
                {"contacts", contacts},
                {"notes", notes},
                {"inquiry_route", r.route.inquiry},
                {"same_day_exception", optionalText(r.route.sameDayException)},
                {"answer_within", answerWithin(r.route)},
                {"second_visit", optionalText(r.route.secondVisit)},
                {"window", window},
                {"circumstances", circumstanceList(r.circumstances)},
                {"sources", r.sources},
                {"entries", r.entryIds}};
    if (withRules) {
        out["where_rule"] = provenanceJson(r.whereFrom);
        if (r.route.inquiry)
            out["inquiry_route_rule"] = provenanceJson(r.route.from);
    }
    return out;
}

void addRequirementOptions(po::options_description& o)
{
    o.add_options()("procedure", po::value<std::string>()->required(), "procedure id (card-receipt, reissue, ...)")(
        "applicant", po::value<std::string>()->default_value("principal"),
        "principal, proxy, legal-representative, household-member, curator")("birth", po::value<std::string>(),
                                                                             "the resident's birth date (age bands)")(
        "foreign", "the resident is a foreign resident")(
        "circumstance", po::value<std::vector<std::string>>()->composing(),
        "a fact that changes a fee (theft-reported, card-not-returned, ...; may be repeated)")(
        "since", po::value<std::string>(), "the day of the event a procedure's window counts from (express issuance)")(
        "office", po::value<std::string>(), "the office's own file (default: ~/.config/madoguchi/office.json if any)");
}

RequirementQuery requirementQuery(const po::variables_map& vm, const boost::gregorian::date& day)
{
    RequirementQuery q;
    q.procedure = parseProcedure(vm["procedure"].as<std::string>());
    q.applicant = parseApplicant(vm["applicant"].as<std::string>());
    if (auto b = optionalString(vm, "birth"))
        q.resident.birth = parseIsoDate(*b, "birth");
    q.resident.foreignResident = vm.count("foreign") > 0;
    if (vm.count("circumstance"))
        q.resident.circumstances = vm["circumstance"].as<std::vector<std::string>>();
    if (auto s = optionalString(vm, "since"))
        q.resident.since = parseIsoDate(*s, "since");
    q.day = day;
    if (q.resident.birth && *q.resident.birth > day)
        throw ValidationError("birth (" + toIso(*q.resident.birth) + ") is after the day asked for (" + toIso(day) +
                              ")");
    q.officeFile = officeFileFor(optionalString(vm, "office"));
    return q;
}

namespace {

void printRequirements(std::ostream& out, const rules::Requirements& r)
{
    const auto& p = info(r.procedure);
    out << p.nameJa << "（" << applicantNameJa(r.applicant) << "） " << toIso(r.day) << "\n\n";
    if (r.refusal) {
        // First and alone: the counter must not read a list that is not there as "nothing needed".
        out << "受付できません: " << r.refusal->reason.ja << '\n';
        if (r.refusal->instead)
            out << "代わりに: " << info(*r.refusal->instead).nameJa << "（" << info(*r.refusal->instead).id << "）\n";
        out << "\n窓口: " << r.whereToGo.ja << '\n';
        for (const auto& n : r.notes)
            out << "・" << n.ja << '\n';
        return;
    }
    out << "持ち物:\n";
    for (const auto& d : r.documents) {
        out << "  □ " << d.text.ja << '\n';
        if (!d.single())
            for (const auto& o : d.alternatives) {
                out << "      " << o.label.ja << ": ";
                for (std::size_t i = 0; i < o.items.size(); ++i)
                    out << (i ? "、" : "") << o.items[i].text.ja;
                out << '\n';
            }
        if (d.note)
            out << "      ※ " << d.note->ja << '\n';
    }
    out << "\n手数料:\n";
    for (const auto& f : r.fees) {
        out << "  " << f.label.ja << " " << f.yen << "円";
        if (!f.applies)
            out << "（該当する場合）";
        if (f.waivedBy)
            out << "（無料: " << f.waivedBy->text.ja << "）";
        else if (f.condition)
            out << "（" << f.condition->ja << "）";
        out << '\n';
    }
    out << "  合計 " << r.totalYen() << "円\n";
    if (r.window)
        out << "\n期限: " << r.window->text.ja << (r.window->lastDay ? "（" + toIso(*r.window->lastDay) + "まで）" : "")
            << '\n';
    if (r.route.inquiry) {
        out << "\n照会書方式: 市から本人に照会書兼回答書を郵送し、回答を持って再度来庁して完了します。\n";
        if (r.route.sameDayException)
            out << "  当日完了する場合: " << r.route.sameDayException->ja << '\n';
        if (r.route.answerWithin)
            out << "  回答の期限: " << r.route.answerWithin->text.ja << "（郵送日 + " << r.route.answerWithin->days
                << " 日。根拠: " << r.route.answerWithin->source << "）\n";
        if (r.route.secondVisit)
            out << "  2回目に持参: " << r.route.secondVisit->ja << '\n';
    }
    out << "\n窓口: " << r.whereToGo.ja << '\n';
    for (const auto& place : r.places) {
        out << "  " << place.name.ja;
        for (const auto& h : place.hours)
            out << "　" << h.ja;
        out << '\n';
        if (place.reservation)
            out << "    予約: " << place.reservation->ja << '\n';
    }
    for (const auto& c : r.contacts)
        out << "連絡先: " << c.name.ja << " " << c.phone << "（" << c.hours.ja << "）\n";
    for (const auto& n : r.notes)
        out << "・" << n.ja << '\n';
}

int runDocuments(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("documents");
    addRequirementOptions(o);
    o.add_options()("today", po::value<std::string>(), "the day the rules are taken for (default: today)");
    auto vm = parseArgs(args, o);
    auto today = optionalString(vm, "today");
    auto q = requirementQuery(vm, today ? parseIsoDate(*today, "today") : now().localDay);
    return withRuleBook(ctx, q.officeFile, [&](const rules::RuleBook& book) {
        auto r = book.requirementsFor(q.procedure, q.applicant, q.resident, q.day);
        if (ctx.json)
            ctx.printJson(requirementsJson(r, false));
        else
            printRequirements(ctx.out, r);
        return kOk;
    });
}

const CommandRegistration kDocuments{
    "documents", "required documents, ID combinations, fees and contacts for a procedure", runDocuments};

} // namespace
} // namespace madoguchi::cli

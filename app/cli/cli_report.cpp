// madoguchi-cli report daily — the supervisor's daily report (PDF) and the day's CSV.
#include "app/cli/cli_context.hpp"
#include "app/cli/command_registry.hpp"
#include "app/common/audited_output.hpp"
#include "app/common/day_cases.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/rules/deadlines.hpp"
#include "core/security/audit_chain.hpp"
#include "reports/daily_report.hpp"
#include "reports/monthly_report.hpp"

#include <algorithm>
#include <iostream>

namespace po = boost::program_options;

namespace madoguchi::cli {

namespace {

// The daily and the monthly report take the same --pdf/--csv/--overwrite/--office options: one
// reading of them, refusing bad or existing targets before anything is read or recorded.
struct ReportOutputs {
    std::optional<std::string> pdf;
    std::optional<std::string> csv;
    files::Overwrite overwrite;
    std::optional<std::filesystem::path> officePath;
};

ReportOutputs reportOutputs(const po::variables_map& vm)
{
    ReportOutputs out{optionalString(vm, "pdf"), optionalString(vm, "csv"), overwriteAsked(vm), {}};
    for (const auto& f : {out.pdf, out.csv})
        if (f && f->empty())
            throw ValidationError("--pdf/--csv: the file name is empty");
    if (out.pdf && out.csv && *out.pdf == *out.csv)
        throw ValidationError("--pdf and --csv name the same file");
    for (const auto& f : {out.pdf, out.csv})
        if (f)
            files::checkOutputTarget(*f, out.overwrite);
    if (auto p = optionalString(vm, "office"))
        out.officePath = *p;
    return out;
}

// {"received": 3, "in-progress": 1, …}
nlohmann::json countsByStatus(const std::array<int, reports::kStatusCount>& counts)
{
    nlohmann::json j = nlohmann::json::object();
    for (auto st : allStatuses())
        j[std::string(statusId(st))] = counts[reports::statusIndex(st)];
    return j;
}

// The day's bookings: {"total": counts, "by_procedure": {id: counts}}, each counts {"booked",
// "kept", "late", "missed", "cancelled", "to_come"}; null where the case book keeps none.
nlohmann::json bookingsJson(const std::optional<reports::BookingDay>& b)
{
    if (!b)
        return nullptr;
    auto counts = [](const reports::BookingCounts& c) {
        return nlohmann::json{{"booked", c.booked}, {"kept", c.kept},           {"late", c.late},
                              {"missed", c.missed}, {"cancelled", c.cancelled}, {"to_come", c.toCome}};
    };
    nlohmann::json byProcedure = nlohmann::json::object();
    for (const auto& [p, c] : b->byProcedure)
        byProcedure[std::string(info(p).id)] = counts(c);
    return {{"total", counts(b->total)}, {"by_procedure", byProcedure}};
}

// Visits (`total`, `by_status`: the visit's status) and the procedures asked for at them
// (`procedures`, `procedures_by_status`, `by_procedure`: each line's status) apart.
nlohmann::json summaryJson(const reports::DailySummary& s)
{
    nlohmann::json byProcedure = nlohmann::json::object();
    for (const auto& [p, counts] : s.byProcedure)
        byProcedure[std::string(info(p).id)] = countsByStatus(counts);
    auto tallies = [](const std::map<std::string, reports::Tally>& m) {
        nlohmann::json j = nlohmann::json::object();
        for (const auto& [k, t] : m)
            j[k] = {{"total", t.total},
                    {"open", t.open},
                    {"waiting", t.waiting},
                    {"done", t.done},
                    {"withdrawn", t.withdrawn}};
        return j;
    };
    auto numbers = [](const std::vector<const reports::DayCase*>& v) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto* dc : v)
            j.push_back(dc->c.receptionNumber);
        return j;
    };
    nlohmann::json avg = s.averageMinutes ? nlohmann::json(*s.averageMinutes) : nlohmann::json(nullptr);
    nlohmann::json longest = s.longestMinutes ? nlohmann::json(*s.longestMinutes) : nlohmann::json(nullptr);
    return {{"date", toIso(s.day)},
            {"reference_time", s.referenceTime},
            {"total", s.total},
            {"by_status", countsByStatus(s.byStatus)},
            {"procedures", s.procedureLines},
            {"procedures_by_status", countsByStatus(s.linesByStatus)},
            {"by_procedure", byProcedure},
            {"by_window", tallies(s.byWindow)},
            {"by_clerk", tallies(s.byClerk)},
            {"average_minutes", avg},
            {"longest_minutes", longest},
            {"longest_reception_number", s.longestReception},
            {"open", numbers(s.open())},
            {"waiting", numbers(s.waiting())},
            {"overdue", numbers(s.overdue())},
            {"bookings", bookingsJson(s.bookings)}};
}

int reportDaily(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("report daily");
    o.add_options()("date", po::value<std::string>(), "office day YYYY-MM-DD (default: today)")(
        "pdf", po::value<std::string>(), "write the daily report (PDF) here")(
        "csv", po::value<std::string>(), "write the day's cases (CSV, UTF-8 with BOM) here")(
        "office", po::value<std::string>(),
        "the office's own file (what the paper prints, places, rules); default: ~/.config/madoguchi/office.json if "
        "any")("overdue-minutes", po::value<int>()->default_value(60), "an open case older than this is overdue")(
        "overwrite", po::bool_switch(), "replace existing files of those names (never a database)");
    auto vm = parseArgs(args, o);
    auto day = now().localDay;
    if (auto d = optionalString(vm, "date"))
        day = parseIsoDate(*d, "--date");
    // A later day is fine (its bookings), but not past the days the program counts: 9999-12-31
    // ran past the calendar ("internal error").
    if (day > rules::kLastDayCounted)
        throw ValidationError("--date: " + toIso(day) + " is after " + toIso(rules::kLastDayCounted) +
                              ", the last day the rules count");
    int overdue = vm["overdue-minutes"].as<int>();
    if (overdue <= 0)
        throw ValidationError("--overdue-minutes: give a positive number of minutes");
    auto [pdf, csv, overwrite, officePath] = reportOutputs(vm);
    auto office = reports::loadOfficeInfoOrDefault(officePath); // bad settings: exit 2 before any work

    db::Actor actor = ctx.actor();
    requirePermission(actor.user, actor.role, Permission::ViewReports);
    // Late and missed bookings by the office's minutes (its office file's "appointments").
    auto calendar = bookings::OfficeCalendar::forOfficeFile(officePath.value_or(reports::defaultOfficeConfigPath()));
    auto summary = reports::summarizeDayAsOfNow(app::casesReceivedOn(ctx.store(), day), day, overdue,
                                                app::bookingsOn(ctx.store(), day), &calendar);
    summary.awaitingAnswers = reports::awaitingLetters(app::casesAwaitingAnswer(ctx.store()), day);
    if (pdf || csv) {
        // Every case on the report is exported: one audit entry each, once the files are complete
        // and before they take their names (app/common/audited_output.hpp).
        std::vector<CaseId> ids;
        for (const auto& d : summary.cases)
            ids.push_back(d.c.id);
        for (const auto& a : summary.awaitingAnswers)
            if (std::find(ids.begin(), ids.end(), a.c.id) == ids.end())
                ids.push_back(a.c.id);
        std::vector<app::OutputDocument> files;
        if (pdf)
            files.push_back({*pdf, reports::renderDailyReport(summary, office).pdf});
        if (csv)
            files.push_back({*csv, reports::dailyCsv(summary)});
        app::writeAudited(
            ctx.store().audit(), actor,
            {audit_actions::kExport, ids, std::string("daily report") + (pdf ? " pdf" : "") + (csv ? " csv" : "")},
            files, overwrite);
    }
    if (ctx.json) {
        auto j = summaryJson(summary);
        // The lines waiting on an inquiry letter's answer, of any day (ids and days: no names).
        nlohmann::json awaiting = nlohmann::json::array();
        for (const auto& a : summary.awaitingAnswers)
            awaiting.push_back({{"id", a.c.id},
                                {"reception_number", a.c.receptionNumber},
                                {"procedure", std::string(info(a.line.procedure).id)},
                                {"mailed_on", a.line.mailedOn ? toIso(*a.line.mailedOn) : ""},
                                {"days", a.days}});
        j["awaiting_answer"] = awaiting;
        j["pdf"] = pdf ? nlohmann::json(*pdf) : nlohmann::json(nullptr);
        j["csv"] = csv ? nlohmann::json(*csv) : nlohmann::json(nullptr);
        ctx.printJson(j);
        return kOk;
    }
    ctx.out << toIso(day) << ": " << summary.total << " cases (" << summary.procedureLines << " procedures), "
            << summary.open().size() << " open, " << summary.waiting().size() << " waiting, "
            << summary.overdue().size() << " overdue, " << summary.awaitingAnswers.size()
            << " awaiting an inquiry answer\n";
    if (pdf)
        ctx.out << "daily report written to " << *pdf << '\n';
    if (csv)
        ctx.out << "CSV written to " << *csv << '\n';
    return kOk;
}

nlohmann::json timeJson(const reports::TimeFigures& t)
{
    auto orNull = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    return {
        {"measured", t.measured}, {"average_minutes", orNull(t.averageMinutes)}, {"p90_minutes", orNull(t.p90Minutes)}};
}

nlohmann::json monthlyJson(const reports::MonthlySummary& s)
{
    nlohmann::json byApplicant = nlohmann::json::object(), byProcedure = nlohmann::json::object();
    for (const auto& [type, counts] : s.byApplicant)
        byApplicant[std::string(applicantId(type))] = countsByStatus(counts);
    for (const auto& [p, counts] : s.byProcedure)
        byProcedure[std::string(info(p).id)] = countsByStatus(counts);
    auto orNull = [](const std::optional<int>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    return {{"month", toIso(s.first).substr(0, 7)},
            {"visits", s.visits},
            {"visits_by_status", countsByStatus(s.visitsByStatus)},
            {"procedures", s.procedures},
            {"procedures_by_status", countsByStatus(s.proceduresByStatus)},
            {"by_applicant", byApplicant},
            {"by_procedure", byProcedure},
            {"waiting", timeJson(s.waiting)},
            {"handling", timeJson(s.handling)},
            {"express_issuances", orNull(s.expressIssuances)},
            {"two_visit_waiting", orNull(s.twoVisitWaiting)},
            {"visits_by_day", s.visitsByDay}};
}

int reportMonthly(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("report monthly");
    o.add_options()("month", po::value<std::string>()->required(),
                    "the month YYYY-MM")("pdf", po::value<std::string>(), "write the monthly statistics (PDF) here")(
        "csv", po::value<std::string>(), "write the figures (CSV, UTF-8 with BOM) here")(
        "office", po::value<std::string>(), "office settings (JSON); default: ~/.config/madoguchi/office.json")(
        "overwrite", po::bool_switch(), "replace existing files of those names (never a database)");
    auto vm = parseArgs(args, o);
    const std::string monthText = vm["month"].as<std::string>();
    if (monthText.size() != 7 || monthText[4] != '-')
        throw ValidationError("--month: \"" + monthText + "\" is not a month YYYY-MM");
    const auto first = parseIsoDate(monthText + "-01", "--month");
    auto [pdf, csv, overwrite, officePath] = reportOutputs(vm);
    auto office = reports::loadOfficeInfoOrDefault(officePath);

    db::Actor actor = ctx.actor();
    requirePermission(actor.user, actor.role, Permission::ViewReports);
    auto summary = reports::summarizeMonth(app::casesReceivedInMonthOf(ctx.store(), first), first);
    if (pdf || csv) {
        // The figures hold no name, but they are read from every case of the month: one entry, once
        // the files are complete (app/common/audited_output.hpp).
        std::vector<app::OutputDocument> files;
        if (pdf)
            files.push_back({*pdf, reports::renderMonthlyReport(summary, office).pdf});
        if (csv)
            files.push_back({*csv, reports::monthlyCsv(summary)});
        app::writeAudited(
            ctx.store().audit(), actor,
            {audit_actions::kExport, {}, "monthly statistics " + monthText + (pdf ? " pdf" : "") + (csv ? " csv" : "")},
            files, overwrite);
    }
    if (ctx.json) {
        auto j = monthlyJson(summary);
        j["pdf"] = pdf ? nlohmann::json(*pdf) : nlohmann::json(nullptr);
        j["csv"] = csv ? nlohmann::json(*csv) : nlohmann::json(nullptr);
        ctx.printJson(j);
        return kOk;
    }
    ctx.out << monthText << ": " << summary.visits << " visits, " << summary.procedures << " procedures\n";
    if (pdf)
        ctx.out << "monthly statistics written to " << *pdf << '\n';
    if (csv)
        ctx.out << "CSV written to " << *csv << '\n';
    return kOk;
}

const CommandRegistration kReport{"report",
                                  "the supervisor's daily report and monthly statistics (PDF) and CSV",
                                  {{"daily", reportDaily}, {"monthly", reportMonthly}}};

} // namespace
} // namespace madoguchi::cli

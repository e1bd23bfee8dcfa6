// madoguchi-cli forecast — how many renewals are coming, month by month and week by week, from the
// issued-card register and the deadline engine (core/register/forecast.hpp), against capacity.
#include "app/cli/cli_booking.hpp"
#include "app/cli/cli_context.hpp"
#include "app/cli/command_registry.hpp"
#include "app/common/audited_output.hpp"
#include "core/bookings/weekly_capacity.hpp"
#include "core/charts/chart.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/files/output_file.hpp"
#include "core/register/forecast.hpp"
#include "core/security/audit_chain.hpp"
#include "db/booking_store.hpp"
#include "db/card_register.hpp"
#include "reports/forecast_csv.hpp"
#include "reports/forecast_report.hpp"
#include "reports/office_info.hpp"

#include <cmath>
#include <cstdio>

namespace po = boost::program_options;

namespace madoguchi::cli {

db::CardRegister& cardRegisterOf(CliContext& ctx); // cli_register.cpp

namespace {

boost::gregorian::date parseMonth(const std::string& text)
{
    // YYYY-MM, strictly (the day is the 1st).
    if (text.size() != 7 || text[4] != '-')
        throw ValidationError("--from: \"" + text + "\" is not a month YYYY-MM");
    return parseIsoDate(text + "-01", "--from");
}

nlohmann::json capacityJson(const std::optional<PeriodCapacity>& c)
{
    if (!c)
        return nullptr;
    return {{"card_receipt", c->cardReceipt}, {"cert_renewal", c->certRenewal}};
}

nlohmann::json periodJson(const ForecastPeriod& p, const char* labelKey)
{
    nlohmann::json j{{labelKey, p.label}, {"first", toIso(p.first)}, {"last", toIso(p.last)}};
    for (const auto& f : forecastFields())
        j[f.key] = p.counts.*(f.count);
    j["capacity"] = capacityJson(p.capacity);
    j["over_capacity"] = capacityJson(p.over);
    return j;
}

// The fill rate per week as the charts draw it: null where the case book keeps no bookings.
nlohmann::json fillJson(const std::optional<std::vector<charts::WeekFill>>& fill)
{
    if (!fill)
        return nullptr;
    nlohmann::json weeks = nlohmann::json::array();
    for (const auto& w : *fill)
        weeks.push_back({{"week_from", toIso(w.monday)},
                         {"bookings", w.bookings},
                         {"booked_minutes", w.bookedMinutes},
                         {"capacity_minutes", w.capacityMinutes},
                         {"percent", std::round(w.percent() * 10) / 10}});
    return weeks;
}

int runForecast(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("forecast");
    o.add_options()("from", po::value<std::string>(), "first month YYYY-MM (default: this month)")(
        "months", po::value<int>()->default_value(24), "how many months (1-120)")(
        "csv", po::value<std::string>(), "also write the forecast as CSV (UTF-8 with BOM) to this file")(
        "pdf", po::value<std::string>(),
        "also write the forecast as a PDF with charts (renewals against capacity, the booking fill rate)")(
        "card-receipt-slots", po::value<int>(),
        "capacity: card-receipt booking slots per week (with --cert-renewal-slots)")(
        "cert-renewal-slots", po::value<int>(),
        "capacity: certificate-renewal booking slots per week (with --card-receipt-slots)")(
        "overwrite", po::bool_switch(), "replace an existing file of that name (never a database)");
    addOfficeOption(o); // its booking calendar gives the capacity
    auto vm = parseArgs(args, o);
    auto first = now().localDay;
    if (auto from = optionalString(vm, "from"))
        first = parseMonth(*from);
    const int months = vm["months"].as<int>();
    if (months < 1 || months > 120)
        throw ValidationError("--months: " + std::to_string(months) + " is not between 1 and 120");
    // The capacity is what a usual week of the booking calendar holds (core/bookings/weekly_capacity.hpp),
    // unless the supervisor plans with other figures.
    WeeklyCapacity capacity;
    std::string capacityFrom = "booking calendar";
    if (vm.count("card-receipt-slots") != vm.count("cert-renewal-slots"))
        throw ValidationError("--card-receipt-slots and --cert-renewal-slots go together");
    if (vm.count("card-receipt-slots")) {
        if (vm.count("office"))
            throw ValidationError("--office: the slots are given; give either the office file or the two slot options");
        capacity = WeeklyCapacity{vm["card-receipt-slots"].as<int>(), vm["cert-renewal-slots"].as<int>()};
        if (capacity.cardReceipt < 0 || capacity.certRenewal < 0)
            throw ValidationError("--card-receipt-slots/--cert-renewal-slots: slots cannot be negative");
        capacityFrom = "options";
    } else {
        capacity = bookings::weeklyCapacityOf(calendarOf(vm));
    }
    auto csv = optionalString(vm, "csv");
    auto pdf = optionalString(vm, "pdf");
    if ((csv && csv->empty()) || (pdf && pdf->empty()))
        throw ValidationError("--csv/--pdf: the file name is empty");
    if (csv && pdf && *csv == *pdf)
        throw ValidationError("--pdf and --csv name the same file");
    auto overwrite = overwriteAsked(vm);
    for (const auto& file : {csv, pdf})
        if (file)
            files::checkOutputTarget(*file, overwrite); // before the register is read
    // What the paper prints as the office (bad settings: exit 2 before any work).
    std::optional<reports::OfficeInfo> office;
    if (pdf) {
        if (auto path = optionalString(vm, "office"))
            office = reports::loadOfficeInfoOrDefault(std::filesystem::path(*path));
        else
            office = reports::loadOfficeInfoOrDefault();
    }

    db::Actor actor = ctx.actor();
    const std::string what = std::string("forecast") + (csv ? " csv" : "") + (pdf ? " pdf" : "");
    const auto cards = cardRegisterOf(ctx).issuedCards(actor, what);
    const Forecast f = computeForecast(cards, first, months, capacity);
    // The booking book's fill rate for the next 8 weeks (from today), where the case book keeps one.
    std::optional<std::vector<charts::WeekFill>> fill;
    if (db::BookingStore* book = ctx.store().bookings()) {
        const auto today = now().localDay;
        fill = charts::weeklyFill(calendarOf(vm), today,
                                  book->appointmentsBetween(today, today + boost::gregorian::days(8 * 7)));
    }
    if (csv || pdf) { // counts only; the register's read is audited already, the files are recorded too
        std::vector<app::OutputDocument> files;
        if (csv)
            files.push_back({*csv, reports::forecastCsv(f)});
        if (pdf)
            files.push_back(
                {*pdf, reports::renderForecastReport({f, capacity, capacityFrom == "options", fill}, *office).pdf});
        app::writeAudited(ctx.store().audit(), actor, {audit_actions::kExport, {}, what}, files, overwrite);
    }
    if (ctx.json) {
        nlohmann::json monthsJson = nlohmann::json::array(), weeksJson = nlohmann::json::array();
        for (const auto& m : f.months)
            monthsJson.push_back(periodJson(m, "month"));
        for (const auto& w : f.weeks)
            weeksJson.push_back(periodJson(w, "week"));
        ctx.printJson(
            {{"from", f.months.front().label},
             {"to", f.months.back().label},
             {"cards", f.cards},
             {"capacity_from", capacityFrom},
             {"weekly_capacity", {{"card_receipt", capacity.cardReceipt}, {"cert_renewal", capacity.certRenewal}}},
             {"months", monthsJson},
             {"weeks", weeksJson},
             {"booking_fill", fillJson(fill)},
             {"csv", csv ? nlohmann::json(*csv) : nlohmann::json(nullptr)},
             {"pdf", pdf ? nlohmann::json(*pdf) : nlohmann::json(nullptr)}});
        return kOk;
    }
    ctx.out << "capacity per week (" << capacityFrom << "): " << capacity.cardReceipt << " card receipts, "
            << capacity.certRenewal << " certificate renewals\n";
    ctx.out << "month    card-renew cert-renew card-exp cert-exp stay-end insur-end  over(card/cert)\n";
    for (const auto& m : f.months) {
        char line[160];
        std::snprintf(line, sizeof line, "%-8s %10d %10d %8d %8d %8d %9d", m.label.c_str(), m.counts.cardRenewals,
                      m.counts.certRenewals, m.counts.cardExpiries, m.counts.certExpiries, m.counts.stayEnds,
                      m.counts.healthInsuranceEnds);
        ctx.out << line;
        if (m.over)
            ctx.out << "  " << m.over->cardReceipt << '/' << m.over->certRenewal;
        ctx.out << '\n';
    }
    ctx.out << f.cards << " cards in the register";
    if (csv)
        ctx.out << "; CSV written to " << *csv;
    if (pdf)
        ctx.out << "; PDF written to " << *pdf;
    ctx.out << '\n';
    return kOk;
}

const CommandRegistration kForecast{"forecast", "renewals coming month by month and week by week, against capacity",
                                    runForecast};

} // namespace
} // namespace madoguchi::cli

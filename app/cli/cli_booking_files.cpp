// madoguchi-cli booking slip|import|export — the booking book's papers and files: the slip for a
// resident, the booking service's daily file in, a day's bookings out. Registered with the other
// booking actions (cli_booking.cpp).
#include "app/cli/cli_booking_files.hpp"

#include "app/cli/cli_booking.hpp"
#include "app/cli/cli_rule_book.hpp"
#include "app/common/booking_json.hpp"
#include "core/bookings/booking_csv.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/files/output_file.hpp"
#include "core/security/audit_chain.hpp"
#include "reports/booking_csv.hpp"
#include "reports/booking_slip.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace po = boost::program_options;

namespace madoguchi::cli {

using namespace bookings;

namespace {

std::string readWholeFile(const std::string& path, const std::string& what)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ValidationError(what + ": cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string requiredPath(const po::variables_map& vm, const char* name)
{
    std::string p = vm[name].as<std::string>();
    if (p.empty())
        throw ValidationError(std::string("--") + name + ": the file name is empty");
    return p;
}

} // namespace

int bookingSlip(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("booking slip");
    o.add_options()("id", po::value<std::string>()->required(), "booking id or number (Y-000042)")(
        "lang", po::value<std::string>(), "ja|en (default: the booking's language)")(
        "pdf", po::value<std::string>()->required(), "write the slip (PDF) here")(
        "overwrite", po::bool_switch(), "replace an existing file of that name (never a database)");
    addOfficeOption(o);
    po::positional_options_description p;
    p.add("id", 1);
    auto vm = parseArgs(args, o, p);
    std::string pdf = requiredPath(vm, "pdf");
    std::optional<reports::Language> lang;
    if (auto l = optionalString(vm, "lang"))
        lang = reports::parseLanguage(*l);
    OfficeCalendar calendar = calendarOf(vm);
    // A file named with --office must be there; the default one may be missing (then the defaults).
    // A bad file: exit 2 before anything.
    std::optional<std::filesystem::path> officeFile;
    if (auto f = optionalString(vm, "office"))
        officeFile = *f;
    auto office = reports::loadOfficeInfoOrDefault(officeFile);
    db::BookingStore& book = bookingStore(ctx);
    Booking b = findBookingByWord(book, vm["id"].as<std::string>());
    reports::Language l = lang.value_or(reports::slipLanguage(b));
    // The office's own places and documents too (its office file, as `checklist` reads it).
    auto rules = loadRuleBook(officeFileFor(optionalString(vm, "office")));
    auto doc = reports::renderBookingSlip(b, l, office, reports::slipRulesFor(b, rules), calendar, now().localDay);
    // Audited before the file exists: no slip without its entry.
    book.recordBookingAccess(ctx.actor(), audit_actions::kBookingPrint, {b.id},
                             l == reports::Language::Ja ? "pdf ja" : "pdf en");
    files::writeOutputFile(pdf, doc.pdf, overwriteAsked(vm));
    if (ctx.json)
        ctx.printJson({{"id", b.id},
                       {"booking_number", b.number},
                       {"lang", l == reports::Language::Ja ? "ja" : "en"},
                       {"pdf", pdf},
                       {"pages", doc.pages},
                       {"bytes", doc.pdf.size()}});
    else
        ctx.out << "slip for " << b.number << " written to " << pdf << '\n';
    return kOk;
}

int bookingImport(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("booking import");
    o.add_options()("file", po::value<std::string>()->required(), "the booking service's CSV")(
        "mapping", po::value<std::string>(), "a column-mapping file (JSON) for another service's columns");
    addOfficeOption(o);
    po::positional_options_description p;
    p.add("file", 1);
    auto vm = parseArgs(args, o, p);
    std::string file = requiredPath(vm, "file");
    ColumnMapping mapping = standardMapping();
    if (auto m = optionalString(vm, "mapping"))
        mapping = readColumnMapping(*m);
    OfficeCalendar calendar = calendarOf(vm);
    BookingFile parsed = readBookingFile(readWholeFile(file, "booking import"), mapping, now().localDay);
    db::BookingStore& book = bookingStore(ctx);
    const std::string encoding(encodingName(parsed.encoding));
    if (!parsed.faults.empty()) {
        // Nothing of a file with a bad line is kept: every bad line is listed, and the file is
        // imported once it is put right.
        db::BookingImportResult r;
        for (const auto& f : parsed.faults)
            r.refused.push_back({f.line, f.reason, "bad-line"});
        if (ctx.json) {
            auto j = app::toJson(r);
            j["encoding"] = encoding;
            ctx.printJson(j);
        }
        const auto& first = parsed.faults.front();
        throw ValidationError(file + ": " + std::to_string(parsed.faults.size()) + " bad line" +
                              (parsed.faults.size() == 1 ? "" : "s") + ", nothing imported (line " +
                              std::to_string(first.line) + ": " + first.reason + ")");
    }
    std::vector<db::ImportedBooking> lines;
    for (auto& l : parsed.bookings)
        lines.push_back({l.line, std::move(l.draft)});
    db::BookingImportResult r = book.importBookings(lines, calendar, ctx.actor());
    if (ctx.json) {
        auto j = app::toJson(r);
        j["encoding"] = encoding;
        ctx.printJson(j);
        return kOk;
    }
    ctx.out << file << " (" << encoding << "): " << r.added << " added, " << r.unchanged << " unchanged, "
            << r.refused.size() << " refused\n";
    for (const auto& x : r.refused)
        ctx.out << "  line " << x.line << ": " << x.reason << '\n';
    return kOk;
}

int bookingExport(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("booking export");
    o.add_options()("date", po::value<std::string>(), "the day YYYY-MM-DD (default: today)")(
        "csv", po::value<std::string>()->required(), "write the day's bookings here (UTF-8 with BOM)")(
        "overwrite", po::bool_switch(), "replace an existing file of that name (never a database)");
    addOfficeOption(o);
    auto vm = parseArgs(args, o);
    std::string csv = requiredPath(vm, "csv");
    db::BookingQuery q;
    q.day = now().localDay;
    if (auto d = optionalString(vm, "date"))
        q.day = parseIsoDate(*d, "--date");
    q.limit = 100000;
    OfficeCalendar calendar = calendarOf(vm);
    db::BookingStore& book = bookingStore(ctx);
    auto found = book.searchBookings(q);
    StartTime current = nowAtOffice();
    std::vector<reports::ExportedBooking> rows;
    std::vector<BookingId> ids;
    for (auto& b : found) {
        ids.push_back(b.id);
        Standing s = standingAt(b, current, calendar);
        rows.push_back({std::move(b), s});
    }
    // Audited before the file exists.
    book.recordBookingAccess(ctx.actor(), audit_actions::kBookingExport, ids, "csv");
    files::writeOutputFile(csv, reports::bookingsCsv(rows), overwriteAsked(vm));
    if (ctx.json)
        ctx.printJson({{"date", toIso(*q.day)}, {"csv", csv}, {"bookings", rows.size()}});
    else
        ctx.out << rows.size() << " bookings of " << toIso(*q.day) << " written to " << csv << '\n';
    return kOk;
}

} // namespace madoguchi::cli

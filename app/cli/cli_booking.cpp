// madoguchi-cli booking add|slots|list|show|checkin|cancel|move — the booking book (予約); the
// slip, import and export are in cli_booking_files.cpp.
#include "app/cli/cli_booking.hpp"

#include "app/cli/cli_booking_files.hpp"
#include "app/cli/cli_context.hpp"
#include "app/cli/command_registry.hpp"
#include "app/common/booking_json.hpp"
#include "app/common/case_json.hpp"
#include "core/bookings/booking_rules.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"
#include "reports/office_info.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace madoguchi::cli {

using namespace bookings;

db::BookingStore& bookingStore(CliContext& ctx)
{
    db::BookingStore* b = ctx.store().bookings();
    if (!b)
        throw ValidationError("this database backend (" + ctx.store().describe() + ") keeps no bookings");
    return *b;
}

void addOfficeOption(po::options_description& o)
{
    o.add_options()("office", po::value<std::string>(),
                    "the office file (its \"appointments\": hours, closures, windows, lengths); default: "
                    "~/.config/madoguchi/office.json, else the shipped defaults");
}

std::filesystem::path officeFileOf(const po::variables_map& vm)
{
    if (auto p = optionalString(vm, "office"))
        return *p;
    return reports::defaultOfficeConfigPath();
}

OfficeCalendar calendarOf(const po::variables_map& vm)
{
    if (auto p = optionalString(vm, "office")) {
        std::error_code ec;
        if (!std::filesystem::exists(*p, ec))
            throw ValidationError("--office: " + *p + " does not exist");
    }
    return OfficeCalendar::forOfficeFile(officeFileOf(vm));
}

Booking findBookingByWord(db::BookingStore& book, const std::string& word)
{
    if (parseBookingNumber(word)) {
        if (auto b = book.findBookingByNumber(word))
            return *b;
        throw NotFound("no booking numbered " + word);
    }
    try {
        std::size_t used = 0;
        long long id = std::stoll(word, &used);
        if (used == word.size() && id > 0)
            return book.getBooking(id);
    } catch (const std::invalid_argument&) {
    } catch (const std::out_of_range&) {
    }
    throw ValidationError("booking \"" + word + "\" is neither an id (42) nor a booking number (Y-000042)");
}

namespace {

std::vector<Procedure> proceduresOf(const po::variables_map& vm)
{
    std::vector<Procedure> out;
    for (const auto& p : vm["procedure"].as<std::vector<std::string>>())
        out.push_back(parseProcedure(p));
    return out;
}

// 「暗証番号の再設定 + 電子証明書の更新・発行」
std::string procedureNames(const std::vector<Procedure>& procedures)
{
    std::string out;
    for (Procedure p : procedures)
        out += (out.empty() ? "" : " + ") + std::string(info(p).nameJa);
    return out;
}

void printBooking(CliContext& ctx, const Booking& b, const OfficeCalendar& calendar)
{
    Standing s = standingAt(b, nowAtOffice(), calendar);
    if (ctx.json) {
        ctx.printJson(app::toJson(b, s));
        return;
    }
    auto& o = ctx.out;
    o << b.number << "  (id " << b.id << ")  " << toIso(b.start.day) << " " << clockText(b.start.minute) << "–"
      << clockText(b.endMinute()) << "  " << procedureNames(b.procedures) << "  " << info(s.state).nameJa
      << (s.late && s.state == BookingState::Booked ? "（遅れ " + std::to_string(s.minutesLate) + " 分）" : "") << '\n'
      << "  氏名: " << b.name << " (" << b.kana << ")" << (b.birth ? "  生年月日: " + toIso(*b.birth) : "")
      << "  電話: " << b.phone << "  申請者: " << applicantNameJa(b.applicant)
      << "  言語: " << bookingLanguageId(b.language) << '\n';
    if (!b.notes.empty())
        o << "  備考: " << b.notes << '\n';
    if (b.state == BookingState::Cancelled)
        o << "  取消理由: " << b.cancelReason << '\n';
    if (b.caseId)
        o << "  ケース: " << *b.caseId << "  来庁: " << b.arrivedAt << '\n';
}

int bookingAdd(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("booking add");
    o.add_options()("procedure", po::value<std::vector<std::string>>()->required()->composing(),
                    "procedure id (repeatable: one visit, several procedures)")(
        "at", po::value<std::string>()->required(), "the start, YYYY-MM-DDTHH:MM (the office's local time)")(
        "name", po::value<std::string>()->required(), "氏名")("kana", po::value<std::string>()->required(), "フリガナ")(
        "birth", po::value<std::string>(), "生年月日 YYYY-MM-DD")("phone", po::value<std::string>()->default_value(""),
                                                                  "電話番号")(
        "applicant", po::value<std::string>()->default_value("principal"), "principal|proxy|legal-representative")(
        "lang", po::value<std::string>()->default_value("ja"),
        "the slip's language: ja|en")("notes", po::value<std::string>()->default_value(""), "備考")(
        "source", po::value<std::string>()->default_value("phone"), "how it was taken: phone|counter");
    addOfficeOption(o);
    auto vm = parseArgs(args, o);
    BookingDraft d;
    d.procedures = proceduresOf(vm);
    d.start = parseStartTime(vm["at"].as<std::string>(), "--at");
    d.name = vm["name"].as<std::string>();
    d.kana = vm["kana"].as<std::string>();
    if (auto b = optionalString(vm, "birth"))
        d.birth = parseIsoDate(*b, "--birth");
    d.phone = vm["phone"].as<std::string>();
    d.applicant = parseApplicant(vm["applicant"].as<std::string>());
    d.language = parseBookingLanguage(vm["lang"].as<std::string>());
    d.notes = vm["notes"].as<std::string>();
    d.source = parseBookingSource(vm["source"].as<std::string>());
    if (d.source == BookingSource::Import)
        throw ValidationError("--source: import is for `booking import`");
    OfficeCalendar calendar = calendarOf(vm);
    printBooking(ctx, bookingStore(ctx).addBooking(d, calendar, ctx.actor()), calendar);
    return kOk;
}

int bookingSlots(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("booking slots");
    o.add_options()("procedure", po::value<std::vector<std::string>>()->required()->composing(),
                    "procedure id (repeatable: the slot fits them all)")(
        "from", po::value<std::string>(), "the first day YYYY-MM-DD (default: today, from now on)")(
        "days", po::value<int>()->default_value(7), "how many days from --from (1-366)")(
        "first", po::bool_switch(), "only the first free slot (within 92 days from --from)");
    addOfficeOption(o);
    auto vm = parseArgs(args, o);
    std::vector<Procedure> procedures = proceduresOf(vm);
    StartTime current = nowAtOffice();
    StartTime from = current;
    if (auto f = optionalString(vm, "from")) {
        from = {parseIsoDate(*f, "--from"), 0};
        if (from.day < current.day)
            throw ValidationError("--from: " + *f + " has passed");
        if (from.day == current.day)
            from = current;
    }
    OfficeCalendar calendar = calendarOf(vm);
    db::BookingStore& book = bookingStore(ctx);
    std::vector<FreeSlot> slots;
    if (vm["first"].as<bool>()) {
        if (auto first = book.firstFreeSlot(procedures, from, calendar))
            slots.push_back(*first);
    } else {
        slots = book.freeSlots(procedures, from, vm["days"].as<int>(), calendar);
    }
    if (ctx.json) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& s : slots)
            arr.push_back(app::toJson(s));
        ctx.printJson(arr);
        return kOk;
    }
    for (const auto& s : slots)
        ctx.out << toIso(s.start.day) << ' ' << clockText(s.start.minute) << "  空き " << s.free << '\n';
    return kOk;
}

int bookingList(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("booking list");
    o.add_options()("date", po::value<std::string>(), "the day YYYY-MM-DD (default: today, unless searching)")(
        "from", po::value<std::string>(), "first day of a range")("to", po::value<std::string>(),
                                                                  "last day of a range")(
        "search", po::value<std::string>(), "name or フリガナ (any script or width), phone, or booking number")(
        "state", po::value<std::string>(), "stored state: booked|arrived|cancelled")(
        "limit", po::value<std::size_t>()->default_value(1000), "at most this many rows");
    addOfficeOption(o);
    auto vm = parseArgs(args, o);
    db::BookingQuery q;
    if (auto s = optionalString(vm, "date"))
        q.day = parseIsoDate(*s, "--date");
    if (auto s = optionalString(vm, "from"))
        q.from = parseIsoDate(*s, "--from");
    if (auto s = optionalString(vm, "to"))
        q.to = parseIsoDate(*s, "--to");
    if (q.from && q.to && *q.from > *q.to)
        throw ValidationError("--from is after --to");
    if (auto s = optionalString(vm, "state"))
        q.state = parseBookingState(*s);
    q.text = optionalString(vm, "search");
    q.limit = vm["limit"].as<std::size_t>();
    if (!q.day && !q.text && !q.from && !q.to)
        q.day = now().localDay;
    OfficeCalendar calendar = calendarOf(vm);
    db::BookingStore& book = bookingStore(ctx);
    auto rows = book.searchBookings(q);
    // Audited before anything is shown: no name reaches the screen without its entry.
    std::vector<BookingId> shown;
    for (const auto& b : rows)
        shown.push_back(b.id);
    book.recordBookingAccess(ctx.actor(), audit_actions::kBookingList, shown, "console");
    StartTime current = nowAtOffice();
    if (ctx.json) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& b : rows)
            arr.push_back(app::toJson(b, standingAt(b, current, calendar)));
        ctx.printJson(arr);
        return kOk;
    }
    for (const auto& b : rows) {
        Standing s = standingAt(b, current, calendar);
        ctx.out << b.number << '\t' << b.id << '\t' << toIso(b.start.day) << ' ' << clockText(b.start.minute) << '\t'
                << procedureNames(b.procedures) << '\t' << info(s.state).nameJa << (s.late ? "（遅れ）" : "") << '\t'
                << b.name << '\t' << b.kana << '\t' << b.phone << '\n';
    }
    return kOk;
}

po::positional_options_description idPosition(po::options_description& o)
{
    o.add_options()("id", po::value<std::string>()->required(), "booking id or number (Y-000042)");
    po::positional_options_description p;
    p.add("id", 1);
    return p;
}

int bookingShow(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("booking show");
    auto p = idPosition(o);
    addOfficeOption(o);
    auto vm = parseArgs(args, o, p);
    OfficeCalendar calendar = calendarOf(vm);
    db::BookingStore& book = bookingStore(ctx);
    Booking b = findBookingByWord(book, vm["id"].as<std::string>());
    book.recordBookingAccess(ctx.actor(), audit_actions::kBookingView, {b.id}, "console");
    printBooking(ctx, b, calendar);
    return kOk;
}

int bookingCheckin(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("booking checkin");
    auto p = idPosition(o);
    o.add_options()("birth", po::value<std::string>(), "生年月日 YYYY-MM-DD (needed when the booking has none)")(
        "address", po::value<std::string>()->default_value(""),
        "住所")("sex", po::value<std::string>()->default_value("not-known"),
                "male|female|not-applicable|not-known")("window", po::value<std::string>()->default_value(""), "窓口");
    auto vm = parseArgs(args, o, p);
    db::BookingStore& book = bookingStore(ctx);
    Booking b = findBookingByWord(book, vm["id"].as<std::string>());
    CaseDraft visit = db::caseDraftFromBooking(b);
    if (auto s = optionalString(vm, "birth"))
        visit.resident.birth = parseIsoDate(*s, "--birth");
    if (visit.resident.birth.is_not_a_date())
        throw ValidationError("--birth: booking " + b.number + " has no birth date; give it with --birth");
    visit.resident.address = vm["address"].as<std::string>();
    visit.resident.sex = parseSex(vm["sex"].as<std::string>());
    visit.window = vm["window"].as<std::string>();
    visit.clerk = ctx.actor().user;
    Case c = book.checkIn(b.id, visit, ctx.actor());
    if (ctx.json) {
        ctx.printJson(app::toJson(c));
        return kOk;
    }
    ctx.out << c.receptionNumber << "  (case " << c.id << ")  booking " << b.number << " checked in\n";
    return kOk;
}

int bookingCancel(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("booking cancel");
    auto p = idPosition(o);
    o.add_options()("reason", po::value<std::string>()->required(), "why it is cancelled");
    addOfficeOption(o);
    auto vm = parseArgs(args, o, p);
    OfficeCalendar calendar = calendarOf(vm);
    db::BookingStore& book = bookingStore(ctx);
    Booking b = findBookingByWord(book, vm["id"].as<std::string>());
    printBooking(ctx, book.cancelBooking(b.id, vm["reason"].as<std::string>(), ctx.actor()), calendar);
    return kOk;
}

int bookingMove(CliContext& ctx, const std::vector<std::string>& args)
{
    po::options_description o("booking move");
    auto p = idPosition(o);
    o.add_options()("at", po::value<std::string>()->required(), "the new start, YYYY-MM-DDTHH:MM");
    addOfficeOption(o);
    auto vm = parseArgs(args, o, p);
    StartTime to = parseStartTime(vm["at"].as<std::string>(), "--at");
    OfficeCalendar calendar = calendarOf(vm);
    db::BookingStore& book = bookingStore(ctx);
    Booking b = findBookingByWord(book, vm["id"].as<std::string>());
    printBooking(ctx, book.moveBooking(b.id, to, calendar, ctx.actor()), calendar);
    return kOk;
}

const CommandRegistration kBooking{
    "booking",
    "appointments: book, find free slots, list, check in, move, cancel, print the slip, import, export",
    {{"add", bookingAdd},
     {"slots", bookingSlots},
     {"list", bookingList},
     {"show", bookingShow},
     {"checkin", bookingCheckin},
     {"cancel", bookingCancel},
     {"move", bookingMove},
     {"slip", bookingSlip},
     {"import", bookingImport},
     {"export", bookingExport}}};

} // namespace
} // namespace madoguchi::cli

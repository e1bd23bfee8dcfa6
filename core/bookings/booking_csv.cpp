// Reading the booking service's file (booking_csv.hpp).
#include "core/bookings/booking_csv.hpp"

#include "core/bookings/booking_rules.hpp"
#include "core/common/errors.hpp"
#include "core/text/search_fold.hpp"

#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

namespace madoguchi::bookings {

namespace {

struct ColumnInfo {
    BookingColumn column;
    std::string_view key;    // in a mapping file
    std::string_view header; // the standard header
};

constexpr std::array<ColumnInfo, 12> kColumns{{
    {BookingColumn::ExternalId, "external_id", "予約ID"},
    {BookingColumn::Date, "date", "予約日"},
    {BookingColumn::Time, "time", "開始時刻"},
    {BookingColumn::Start, "start", "予約日時"},
    {BookingColumn::Procedure, "procedure", "手続き"},
    {BookingColumn::Name, "name", "氏名"},
    {BookingColumn::Kana, "kana", "フリガナ"},
    {BookingColumn::Birth, "birth", "生年月日"},
    {BookingColumn::Phone, "phone", "電話番号"},
    {BookingColumn::Applicant, "applicant", "申請者"},
    {BookingColumn::Language, "language", "言語"},
    {BookingColumn::Notes, "notes", "備考"},
}};

const ColumnInfo& columnInfo(BookingColumn c)
{
    return kColumns[static_cast<std::size_t>(c)];
}

// A header or a word compares equal in any width and with spaces around it.
std::string key(const std::string& text)
{
    return normalizeWidth(trimmed(text));
}

Procedure procedureOf(const std::string& word, const ColumnMapping& m)
{
    std::string w = key(word);
    if (auto it = m.procedureWords.find(w); it != m.procedureWords.end())
        return it->second;
    for (const auto& p : allProcedures())
        if (w == p.id || w == key(std::string(p.nameJa)) || w == p.nameEn)
            return p.procedure;
    throw ValidationError("procedure: unknown procedure \"" + word +
                          "\" (an id such as pin-reset, or its Japanese name)");
}

std::vector<Procedure> proceduresOf(const std::string& text, const ColumnMapping& m)
{
    // Several procedures: "pin-reset+cert-renewal" (the names hold ・, so + separates them).
    std::string t = key(text);
    std::vector<Procedure> out;
    std::size_t from = 0;
    for (;;) {
        auto plus = t.find('+', from);
        std::string part = t.substr(from, plus == std::string::npos ? std::string::npos : plus - from);
        if (!trimmed(part).empty())
            out.push_back(procedureOf(part, m));
        if (plus == std::string::npos)
            break;
        from = plus + 1;
    }
    if (out.empty())
        throw ValidationError("procedure: empty");
    return out;
}

ApplicantType applicantOf(const std::string& text, const ColumnMapping& m)
{
    std::string w = key(text);
    if (w.empty())
        return ApplicantType::Principal;
    if (auto it = m.applicantWords.find(w); it != m.applicantWords.end())
        return it->second;
    if (auto t = applicantFromId(w))
        return *t;
    for (ApplicantType t : {ApplicantType::Principal, ApplicantType::Proxy, ApplicantType::LegalRepresentative})
        if (w == applicantNameJa(t) || w == applicantNameEn(t))
            return t;
    // As the booking forms say it: 代理人 is a proxy (任意代理人).
    if (w == "代理人")
        return ApplicantType::Proxy;
    throw ValidationError("applicant: unknown applicant \"" + text +
                          "\" (principal, proxy, legal-representative, "
                          "or 本人, 代理人, 法定代理人)");
}

BookingLanguage languageOf(const std::string& text)
{
    std::string w = key(text);
    if (w.empty() || w == "ja" || w == "日本語" || w == "Japanese" || w == "JA")
        return BookingLanguage::Ja;
    if (w == "en" || w == "英語" || w == "English" || w == "EN")
        return BookingLanguage::En;
    throw ValidationError("language: \"" + text + "\" is neither ja nor en");
}

} // namespace

std::string_view standardHeader(BookingColumn c)
{
    return columnInfo(c).header;
}

const ColumnMapping& standardMapping()
{
    static const ColumnMapping m = [] {
        ColumnMapping s;
        for (const auto& c : kColumns)
            s.headers[c.column] = std::string(c.header);
        return s;
    }();
    return m;
}

ColumnMapping readColumnMapping(const std::filesystem::path& file)
{
    const std::string name = file.filename().string();
    auto fail = [&](const std::string& what) -> void { throw ValidationError("column mapping " + name + ": " + what); };
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw ValidationError("column mapping: cannot read " + file.string());
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw ValidationError("column mapping " + name + ": not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object())
        fail("must hold one JSON object");
    const std::set<std::string> keys{"format", "service", "encoding", "columns", "procedures", "applicants"};
    for (auto it = j.begin(); it != j.end(); ++it)
        if (!keys.count(it.key()))
            fail("unknown key \"" + it.key() + "\" (format, service, encoding, columns, procedures, applicants)");
    if (!j.contains("format") || j["format"] != 1)
        fail("\"format\": 1 is required");
    ColumnMapping m = standardMapping();
    m.name = j.contains("service") && j["service"].is_string() ? j["service"].get<std::string>() : name;
    if (j.contains("encoding")) {
        std::string e = j["encoding"].is_string() ? j["encoding"].get<std::string>() : "";
        if (e == "utf-8")
            m.encoding = TextEncoding::Utf8;
        else if (e == "shift_jis" || e == "cp932")
            m.encoding = TextEncoding::ShiftJis;
        else if (e != "auto")
            fail("\"encoding\" is one of auto, utf-8, shift_jis");
    }
    auto stringMap = [&](const char* k) {
        std::map<std::string, std::string> out;
        if (!j.contains(k))
            return out;
        if (!j[k].is_object())
            fail("\"" + std::string(k) + "\" must be an object");
        for (auto it = j[k].begin(); it != j[k].end(); ++it) {
            if (!it.value().is_string())
                fail("\"" + std::string(k) + "." + it.key() + "\" must be a string");
            out[it.key()] = it.value().get<std::string>();
        }
        return out;
    };
    for (const auto& [column, header] : stringMap("columns")) {
        const ColumnInfo* c = nullptr;
        for (const auto& info : kColumns)
            if (info.key == column)
                c = &info;
        if (!c)
            fail("\"columns." + column +
                 "\": unknown column (external_id, date, time, start, procedure, name, kana, birth, phone, applicant, "
                 "language, notes)");
        m.headers[c->column] = header;
    }
    for (const auto& [word, id] : stringMap("procedures")) {
        auto p = procedureFromId(id);
        if (!p)
            fail("\"procedures." + word + "\": unknown procedure id \"" + id + "\"");
        m.procedureWords[key(word)] = *p;
    }
    for (const auto& [word, id] : stringMap("applicants")) {
        auto a = applicantFromId(id);
        if (!a)
            fail("\"applicants." + word + "\": unknown applicant id \"" + id + "\"");
        m.applicantWords[key(word)] = *a;
    }
    return m;
}

std::vector<CsvRecord> splitCsvRecords(const std::vector<DecodedLine>& lines, std::vector<CsvFault>& faults)
{
    std::vector<CsvRecord> out;
    CsvRecord current;
    std::string field;
    bool quoted = false, inRecord = false, wasQuoted = false;
    for (const auto& l : lines) {
        if (!inRecord) {
            current = {l.number, {}};
            field.clear();
            wasQuoted = false;
            inRecord = true;
        } else {
            field += '\n'; // a quoted field goes on over the line break
        }
        const std::string& t = l.text;
        for (std::size_t i = 0; i < t.size(); ++i) {
            char c = t[i];
            if (quoted) {
                if (c == '"' && i + 1 < t.size() && t[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field += c;
                }
            } else if (c == '"' && field.empty() && !wasQuoted) {
                quoted = wasQuoted = true;
            } else if (c == ',') {
                current.fields.push_back(std::move(field));
                field.clear();
                wasQuoted = false;
            } else {
                field += c;
            }
        }
        if (!quoted) {
            current.fields.push_back(std::move(field));
            field.clear();
            inRecord = false;
            bool blank = current.fields.size() == 1 && trimmed(current.fields.front()).empty();
            if (!blank)
                out.push_back(std::move(current));
        }
    }
    if (inRecord && quoted)
        faults.push_back({current.line, "a quoted field is not closed before the end of the file"});
    return out;
}

BookingFile readBookingFile(std::string_view bytes, const ColumnMapping& mapping, const boost::gregorian::date& today)
{
    BookingFile out;
    DecodedText text = mapping.encoding ? decodeJapaneseText(bytes, *mapping.encoding) : decodeJapaneseText(bytes);
    out.encoding = text.encoding;
    for (const auto& [line, reason] : text.faults)
        out.faults.push_back({line, reason});
    std::vector<CsvRecord> records = splitCsvRecords(text.lines, out.faults);
    if (records.empty()) {
        out.faults.push_back({1, "the file is empty: a header line is expected (" +
                                     std::string(standardHeader(BookingColumn::ExternalId)) + ",...)"});
        return out;
    }
    // The header: where each column is.
    std::map<BookingColumn, std::size_t> at;
    const CsvRecord& header = records.front();
    for (std::size_t i = 0; i < header.fields.size(); ++i)
        for (const auto& [column, name] : mapping.headers)
            if (key(header.fields[i]) == key(name))
                at[column] = i;
    auto has = [&](BookingColumn c) { return at.count(c) > 0; };
    std::vector<std::string> missing;
    for (BookingColumn c :
         {BookingColumn::ExternalId, BookingColumn::Procedure, BookingColumn::Name, BookingColumn::Kana})
        if (!has(c))
            missing.push_back(mapping.headers.at(c));
    if (!has(BookingColumn::Start) && !(has(BookingColumn::Date) && has(BookingColumn::Time)))
        missing.push_back(mapping.headers.at(BookingColumn::Date) + "+" + mapping.headers.at(BookingColumn::Time) +
                          " (or " + mapping.headers.at(BookingColumn::Start) + ")");
    if (!missing.empty()) {
        std::string names;
        for (const auto& m : missing)
            names += (names.empty() ? "" : ", ") + m;
        out.faults.push_back({header.line, "the header has no column " + names + " (" + mapping.name + " format)"});
        return out;
    }
    std::set<std::string> seen;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& rec = records[r];
        auto field = [&](BookingColumn c) -> std::string {
            auto it = at.find(c);
            return it != at.end() && it->second < rec.fields.size() ? trimmed(rec.fields[it->second]) : std::string();
        };
        try {
            if (rec.fields.size() < header.fields.size())
                throw ValidationError("has " + std::to_string(rec.fields.size()) + " fields, the header " +
                                      std::to_string(header.fields.size()));
            BookingDraft d;
            d.source = BookingSource::Import;
            d.externalId = field(BookingColumn::ExternalId);
            if (d.externalId.empty())
                throw ValidationError(mapping.headers.at(BookingColumn::ExternalId) + ": empty");
            if (!seen.insert(d.externalId).second)
                throw ValidationError(mapping.headers.at(BookingColumn::ExternalId) + ": \"" + d.externalId +
                                      "\" appears twice in the file");
            if (has(BookingColumn::Start) && !field(BookingColumn::Start).empty()) {
                std::string s = key(field(BookingColumn::Start));
                auto space = s.find_first_of(" T");
                if (space == std::string::npos)
                    throw ValidationError(mapping.headers.at(BookingColumn::Start) + ": \"" + s +
                                          "\" is not a date and time (2026/12/3 10:00)");
                d.start.day = parseListDate(s.substr(0, space), mapping.headers.at(BookingColumn::Start));
                d.start.minute =
                    parseClock(trimmed(s.substr(space + 1)).substr(0, 5), mapping.headers.at(BookingColumn::Start));
            } else {
                d.start.day = parseListDate(field(BookingColumn::Date), mapping.headers.at(BookingColumn::Date));
                d.start.minute = parseClock(field(BookingColumn::Time), mapping.headers.at(BookingColumn::Time));
            }
            d.procedures = proceduresOf(field(BookingColumn::Procedure), mapping);
            d.name = field(BookingColumn::Name);
            d.kana = field(BookingColumn::Kana);
            if (std::string b = field(BookingColumn::Birth); !b.empty())
                d.birth = parseListDate(b, mapping.headers.at(BookingColumn::Birth));
            d.phone = field(BookingColumn::Phone);
            d.applicant = applicantOf(field(BookingColumn::Applicant), mapping);
            d.language = languageOf(field(BookingColumn::Language));
            d.notes = has(BookingColumn::Notes) && at[BookingColumn::Notes] < rec.fields.size()
                          ? rec.fields[at[BookingColumn::Notes]]
                          : "";
            validateDraft(d, today);
            out.bookings.push_back({rec.line, std::move(d)});
        } catch (const ValidationError& e) {
            out.faults.push_back({rec.line, e.what()});
        }
    }
    return out;
}

} // namespace madoguchi::bookings

// Reads the register import file: the encoding (ICU), the header (English or Japanese names), each
// line's fields, and every bad line's number, so the import is all or nothing with a message that
// says where to look.
#include "core/register/register_csv.hpp"

#include "core/common/clock.hpp"
#include "core/common/errors.hpp"

#include <array>
#include <map>
#include <optional>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

namespace madoguchi {

namespace {

constexpr std::size_t kMaxReportedLines = 20;

enum class Column { RecordId, Birth, CardIssued, CertIssued, StayUntil, FaceAuth };

struct ColumnName {
    Column column;
    std::array<std::string_view, 4> names; // the English id first
};

// The header names a column may carry (compared after trimming spaces).
constexpr ColumnName kColumns[] = {
    {Column::RecordId, {"record_id", "レコードID", "記録番号", "整理番号"}},
    {Column::Birth, {"birth", "生年月日", "", ""}},
    {Column::CardIssued, {"card_issued", "カード発行日", "発行日", "カードの発行日"}},
    {Column::CertIssued, {"cert_issued", "電子証明書発行日", "証明書発行日", ""}},
    {Column::StayUntil, {"stay_until", "在留期間満了日", "在留期限", ""}},
    {Column::FaceAuth, {"face_auth", "顔認証", "顔認証カード", ""}},
};

std::string_view columnId(Column c)
{
    return kColumns[static_cast<int>(c)].names[0];
}

std::string trim(std::string_view s)
{
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return std::string(s);
}

// ICU, stopping at the first byte the encoding cannot have: "" when the line is not valid.
std::optional<std::string> toUtf8(std::string_view bytes, const char* encoding)
{
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(encoding, &status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU has no converter for ") + encoding);
    ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), conv, status);
    ucnv_close(conv);
    if (U_FAILURE(status))
        return std::nullopt;
    std::string out;
    text.toUTF8String(out);
    return out;
}

constexpr const char* kShiftJis = "windows-31j"; // Shift_JIS as Windows writes it (CP932)

// Splits one CSV line (RFC 4180 quoting, no line breaks inside a field).
std::vector<std::string> splitFields(const std::string& line, std::string& problem)
{
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false, wasQuoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"' && trim(field).empty() && !wasQuoted) {
            quoted = wasQuoted = true;
            field.clear();
        } else if (c == ',') {
            fields.push_back(wasQuoted ? field : trim(field));
            field.clear();
            wasQuoted = false;
        } else {
            field += c;
        }
    }
    if (quoted)
        problem = "a quoted field is not closed";
    fields.push_back(wasQuoted ? field : trim(field));
    return fields;
}

std::optional<boost::gregorian::date> optionalDate(const std::string& text, Column c)
{
    if (text.empty())
        return std::nullopt;
    return parseIsoDate(text, std::string(columnId(c)));
}

bool parseFaceAuth(const std::string& text)
{
    if (text.empty() || text == "0" || text == "false" || text == "no" || text == "いいえ")
        return false;
    if (text == "1" || text == "true" || text == "yes" || text == "はい")
        return true;
    throw ValidationError("face_auth: \"" + text + "\" is not 1/0, true/false or はい/いいえ");
}

struct Lines {
    std::vector<std::string> raw; // each line's bytes, without its line end
    bool utf8 = true;
};

Lines splitLines(const std::string& bytes)
{
    Lines lines;
    std::string_view all(bytes);
    if (all.substr(0, 3) == "\xEF\xBB\xBF")
        all.remove_prefix(3);
    lines.utf8 = toUtf8(all, "UTF-8").has_value();
    // 0x0A is never the second byte of a Shift_JIS character, so lines split alike in both.
    std::size_t start = 0;
    while (start <= all.size()) {
        std::size_t end = all.find('\n', start);
        if (end == std::string_view::npos)
            end = all.size();
        std::string_view line = all.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (end == all.size() && line.empty())
            break; // the final line end
        lines.raw.emplace_back(line);
        start = end + 1;
    }
    return lines;
}

} // namespace

std::string registerCsvEncoding(const std::string& bytes)
{
    return splitLines(bytes).utf8 ? "UTF-8" : "Shift_JIS";
}

std::vector<IssuedCard> parseRegisterCsv(const std::string& bytes)
{
    Lines lines = splitLines(bytes);
    const char* encoding = lines.utf8 ? "UTF-8" : kShiftJis;
    std::vector<std::string> problems;
    std::size_t badLines = 0;
    auto report = [&](std::size_t lineNo, const std::string& what) {
        ++badLines;
        if (problems.size() < kMaxReportedLines)
            problems.push_back("line " + std::to_string(lineNo) + ": " + what);
    };

    std::map<Column, std::size_t> where; // column → field index
    std::vector<IssuedCard> cards;
    std::map<std::string, std::size_t> seen; // record id → line number
    bool headerRead = false;
    for (std::size_t i = 0; i < lines.raw.size(); ++i) {
        const std::size_t lineNo = i + 1;
        auto text = toUtf8(lines.raw[i], encoding);
        if (!text) {
            report(lineNo, std::string("not valid ") + (lines.utf8 ? "UTF-8" : "Shift_JIS"));
            continue;
        }
        if (trim(*text).empty())
            continue;
        std::string problem;
        std::vector<std::string> fields = splitFields(*text, problem);
        if (!problem.empty()) {
            report(lineNo, problem);
            continue;
        }
        if (!headerRead) {
            headerRead = true;
            for (std::size_t f = 0; f < fields.size(); ++f) {
                bool known = false;
                for (const auto& col : kColumns)
                    for (auto name : col.names)
                        if (!name.empty() && fields[f] == name) {
                            if (where.count(col.column))
                                report(lineNo, "column " + std::string(columnId(col.column)) + " given twice");
                            where[col.column] = f;
                            known = true;
                        }
                if (!known)
                    report(lineNo, "unknown column \"" + fields[f] +
                                       "\" (record_id, birth, card_issued, cert_issued, stay_until, face_auth)");
            }
            for (Column required : {Column::RecordId, Column::Birth, Column::CardIssued})
                if (!where.count(required))
                    report(lineNo, "the header has no column " + std::string(columnId(required)));
            if (badLines)
                break; // without a usable header no line can be read
            continue;
        }
        if (fields.size() > where.size() && !(fields.size() == where.size() + 1 && fields.back().empty())) {
            report(lineNo, std::to_string(fields.size()) + " fields, the header has " + std::to_string(where.size()));
            continue;
        }
        auto field = [&](Column c) -> std::string {
            auto it = where.find(c);
            return it == where.end() || it->second >= fields.size() ? std::string() : fields[it->second];
        };
        try {
            IssuedCard card;
            card.recordId = field(Column::RecordId);
            if (!isValidRecordId(card.recordId))
                throw ValidationError("record_id: must be 1-64 characters of A-Z a-z 0-9 . _ - :");
            card.birth = parseIsoDate(field(Column::Birth), "birth");
            card.cardIssued = parseIsoDate(field(Column::CardIssued), "card_issued");
            card.certIssued = optionalDate(field(Column::CertIssued), Column::CertIssued);
            card.stayUntil = optionalDate(field(Column::StayUntil), Column::StayUntil);
            card.faceAuth = parseFaceAuth(field(Column::FaceAuth));
            validate(card);
            auto [it, fresh] = seen.emplace(card.recordId, lineNo);
            if (!fresh) {
                report(lineNo, "record_id " + card.recordId + " already on line " + std::to_string(it->second));
                continue;
            }
            cards.push_back(std::move(card));
        } catch (const ValidationError& e) {
            report(lineNo, e.what());
        }
    }
    if (!headerRead)
        throw ValidationError("register file: empty (the first line must be the header: "
                              "record_id,birth,card_issued,cert_issued,stay_until)");
    if (badLines) {
        std::string message =
            std::to_string(badLines) + (badLines == 1 ? " bad line" : " bad lines") + ", nothing imported: ";
        for (std::size_t p = 0; p < problems.size(); ++p)
            message += (p ? "; " : "") + problems[p];
        if (badLines > problems.size())
            message += "; …";
        throw ValidationError(message);
    }
    return cards;
}

} // namespace madoguchi

#include "core/cases/reception_number.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/text/search_fold.hpp"
#include "db/call_rules.hpp"
#include "db/case_row_texts.hpp"
#include "db/sqlite/sqlite_case_rows.hpp"
#include "db/sqlite/sqlite_case_store.hpp"
#include "db/sqlite/sqlite_connection.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <functional>

namespace madoguchi::db {

namespace {

std::optional<boost::gregorian::date> optionalDate(SQLite::Column c)
{
    if (c.isNull())
        return std::nullopt;
    return boost::gregorian::from_simple_string(c.getString());
}

std::optional<std::string> optionalText(SQLite::Column c)
{
    if (c.isNull())
        return std::nullopt;
    return c.getString();
}

// A phrase for FTS5: the whole query in double quotes, inner quotes doubled, so that nothing the
// user types is read as FTS syntax (AND, NEAR, *, column filters).
std::string ftsPhrase(const std::string& text)
{
    std::string out = "\"";
    for (char c : text)
        out += (c == '"') ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

bool looksLikeIsoDate(const std::string& t)
{
    return t.size() == 10 && t[4] == '-' && t[7] == '-';
}

} // namespace

Case caseFromRow(SQLite::Statement& row)
{
    Case c;
    c.id = row.getColumn(0).getInt64();
    c.receptionNumber = row.getColumn(1).getString();
    c.procedure = parseProcedure(row.getColumn(2).getString());
    c.status = parseStatus(row.getColumn(3).getString());
    c.window = row.getColumn(4).getString();
    c.clerk = row.getColumn(5).getString();
    c.createdAt = row.getColumn(6).getString();
    c.updatedAt = row.getColumn(7).getString();
    c.version = row.getColumn(8).getInt64();
    c.resident.name = row.getColumn(9).getString();
    c.resident.kana = row.getColumn(10).getString();
    c.resident.birth = boost::gregorian::from_simple_string(row.getColumn(11).getString());
    c.resident.sex = parseSex(row.getColumn(12).getString());
    c.resident.address = row.getColumn(13).getString();
    c.resident.foreignResident = row.getColumn(14).getInt() != 0;
    c.resident.stayUntil = optionalDate(row.getColumn(15));
    c.resident.movedIn = optionalDate(row.getColumn(16));
    c.applicant.type = parseApplicant(row.getColumn(17).getString());
    c.applicant.proxyName = row.getColumn(18).getString();
    c.applicant.proxyRelation = row.getColumn(19).getString();
    c.feeYen = row.getColumn(20).getInt();
    c.notes = row.getColumn(21).getString();
    c.call =
        callStateOf(optionalText(row.getColumn(22)), optionalText(row.getColumn(23)), optionalText(row.getColumn(24)));
    if (!row.getColumn(25).isNull())
        c.booking = CaseBooking{row.getColumn(25).getInt64(), row.getColumn(26).getString()};
    return c;
}

CaseSummary summaryFromRow(SQLite::Statement& row)
{
    CaseSummary s;
    s.id = row.getColumn(0).getInt64();
    s.receptionNumber = row.getColumn(1).getString();
    s.procedure = parseProcedure(row.getColumn(2).getString());
    s.status = parseStatus(row.getColumn(3).getString());
    s.name = row.getColumn(4).getString();
    s.kana = row.getColumn(5).getString();
    s.birth = boost::gregorian::from_simple_string(row.getColumn(6).getString());
    s.window = row.getColumn(7).getString();
    s.clerk = row.getColumn(8).getString();
    s.createdAt = row.getColumn(9).getString();
    s.updatedAt = row.getColumn(10).getString();
    s.version = row.getColumn(11).getInt64();
    s.procedures = row.getColumn(12).isNull() ? std::vector<ProcedureLine>{{s.procedure, s.status}}
                                              : linesFromListText(row.getColumn(12).getString());
    if (!row.getColumn(13).isNull())
        s.booking = CaseBooking{row.getColumn(13).getInt64(), row.getColumn(14).getString()};
    if (s.procedures.empty())
        throw StorageError(StorageError::Kind::Corrupt, "case " + std::to_string(s.id) + " has no procedure line");
    return s;
}

std::vector<CaseSummary> SqliteCaseStore::search(const CaseQuery& q)
{
    const std::string& office = options_.office;
    // The SQL is put together from fixed fragments only; every value the user gave is bound.
    std::string from = "cases c";
    std::string order = "c.id DESC";
    std::vector<std::string> where;
    std::vector<std::function<void(SQLite::Statement&, int&)>> binds;
    auto bindText = [&](std::string v) {
        binds.push_back([v = std::move(v)](SQLite::Statement& st, int& i) { st.bind(++i, v); });
    };

    std::optional<boost::gregorian::date> birth = q.birth;
    if (q.text) {
        std::string text = trimmed(*q.text);
        std::string width = normalizeWidth(text);
        if (auto rn = parseReceptionNumber(text)) {
            where.push_back("c.reception_number = ?");
            bindText(formatReceptionNumber(rn->series, rn->sequence));
        } else if (looksLikeIsoDate(width)) {
            birth = parseIsoDate(width, "search");
        } else if (!text.empty()) {
            std::string folded = foldForSearch(text);
            if (codePointCount(folded) >= 3) {
                from = "case_search_trigram f JOIN cases c ON c.id = f.rowid";
                where.push_back("case_search_trigram MATCH ?");
                bindText(ftsPhrase(folded));
            } else {
                from = "case_search_chars f JOIN cases c ON c.id = f.rowid";
                where.push_back("case_search_chars MATCH ?");
                bindText(ftsPhrase(spacedCharacters(folded)));
            }
            // FTS5 walks its index in rowid order; asking for that order lets it stop at the limit.
            order = "f.rowid DESC";
        }
    }
    if (birth) {
        where.push_back("c.birth = ?");
        bindText(toIso(*birth));
    }
    if (q.kanaPrefix) {
        std::string prefix = foldForSearch(*q.kanaPrefix);
        where.push_back("c.kana_folded >= ? AND c.kana_folded < ?");
        bindText(prefix);
        bindText(prefix + "\xF4\x8F\xBF\xBF"); // U+10FFFF sorts after every continuation
        // In reading order, as a clerk expects of a kana search; the index then ends the scan at the limit.
        if (!q.text)
            order = "c.kana_folded, c.id";
    }
    if (q.day) {
        where.push_back("c.office = ? AND c.day = ?");
        bindText(office);
        bindText(toIso(*q.day));
        if (!q.text)
            order = "c.day, c.seq";
    }
    if (q.from || q.to) {
        where.push_back("c.office = ?");
        bindText(office);
    }
    if (q.from) {
        where.push_back("c.day >= ?");
        bindText(toIso(*q.from));
    }
    if (q.to) {
        where.push_back("c.day <= ?");
        bindText(toIso(*q.to));
    }
    // Any line of the visit; with a status too, a line of that procedure at that status.
    if (q.procedure) {
        where.push_back(
            std::string("EXISTS (SELECT 1 FROM case_procedures p WHERE p.case_id = c.id AND p.procedure = ?") +
            (q.status ? " AND p.status = ?)" : ")"));
        bindText(std::string(info(*q.procedure).id));
        if (q.status)
            bindText(std::string(statusId(*q.status)));
    } else if (q.status) {
        where.push_back("c.status = ?");
        bindText(std::string(statusId(*q.status)));
    }
    if (q.lineStatus) {
        where.push_back("EXISTS (SELECT 1 FROM case_procedures p WHERE p.case_id = c.id AND p.status = ?)");
        bindText(std::string(statusId(*q.lineStatus)));
    }
    if (q.window) {
        where.push_back("c.window = ?");
        bindText(*q.window);
    }
    if (!q.ids.empty()) {
        std::string in = "c.id IN (";
        for (std::size_t i = 0; i < q.ids.size(); ++i) {
            in += i ? ",?" : "?";
            binds.push_back(
                [id = q.ids[i]](SQLite::Statement& st, int& n) { st.bind(++n, static_cast<std::int64_t>(id)); });
        }
        where.push_back(in + ")");
    }

    std::string sql = std::string("SELECT ") + kSummaryColumns + " FROM " + from;
    for (std::size_t i = 0; i < where.size(); ++i)
        sql += (i == 0 ? " WHERE " : " AND ") + where[i];
    sql += " ORDER BY " + order + " LIMIT ?";

    std::vector<CaseSummary> out;
    try {
        SQLite::Statement st(*db_, sql);
        int index = 0;
        for (auto& b : binds)
            b(st, index);
        st.bind(++index, static_cast<std::int64_t>(q.limit));
        while (st.executeStep())
            out.push_back(summaryFromRow(st));
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "searching the case book");
    }
    return out;
}

} // namespace madoguchi::db

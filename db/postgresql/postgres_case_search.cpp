#include "core/cases/reception_number.hpp"
#include "core/common/clock.hpp"
#include "core/text/search_fold.hpp"
#include "db/postgresql/postgres_case_rows.hpp"
#include "db/postgresql/postgres_case_store.hpp"

#include <pqxx/prepared_statement>

namespace madoguchi::db {

namespace {

bool looksLikeIsoDate(const std::string& t)
{
    return t.size() == 10 && t[4] == '-' && t[7] == '-';
}

} // namespace

// The same queries as SqliteCaseStore::search, answered from the `grams` GIN index instead of FTS5.
std::vector<CaseSummary> PostgresCaseStore::search(const CaseQuery& q)
{
    // The SQL is put together from fixed fragments only; every value the user gave is a parameter.
    std::vector<std::string> params;
    auto param = [&](std::string v) {
        params.push_back(std::move(v));
        return "$" + std::to_string(params.size());
    };
    std::vector<std::string> where;
    std::string order = "c.id DESC";

    std::optional<boost::gregorian::date> birth = q.birth;
    if (q.text) {
        std::string text = trimmed(*q.text);
        std::string width = normalizeWidth(text);
        if (auto rn = parseReceptionNumber(text)) {
            where.push_back("c.reception_number = " + param(formatReceptionNumber(rn->series, rn->sequence)));
        } else if (looksLikeIsoDate(width)) {
            birth = parseIsoDate(width, "search");
        } else if (!text.empty()) {
            std::string folded = foldForSearch(text);
            // The index narrows to cases holding every piece; strpos keeps those where the pieces
            // are in sequence (exact already for one to three characters).
            where.push_back("c.grams @> " + param(textArrayLiteral(queryGrams(folded))) + "::text[]");
            std::string p = param(folded);
            where.push_back("(strpos(c.name_folded, " + p + ") > 0 OR strpos(c.kana_folded, " + p + ") > 0)");
        }
    }
    if (birth)
        where.push_back("c.birth = " + param(toIso(*birth)) + "::date");
    if (q.kanaPrefix) {
        std::string prefix = foldForSearch(*q.kanaPrefix);
        where.push_back("c.kana_folded >= " + param(prefix) + " AND c.kana_folded < " +
                        param(prefix + "\xF4\x8F\xBF\xBF")); // U+10FFFF sorts after every continuation
        if (!q.text)
            order = "c.kana_folded, c.id";
    }
    if (q.day) {
        where.push_back("c.office = " + param(options_.office) + " AND c.day = " + param(toIso(*q.day)) + "::date");
        if (!q.text)
            order = "c.day, c.seq";
    }
    if (q.from || q.to)
        where.push_back("c.office = " + param(options_.office));
    if (q.from)
        where.push_back("c.day >= " + param(toIso(*q.from)) + "::date");
    if (q.to)
        where.push_back("c.day <= " + param(toIso(*q.to)) + "::date");
    // Any line of the visit; with a status too, a line of that procedure at that status.
    if (q.procedure)
        where.push_back("EXISTS (SELECT 1 FROM case_procedures p WHERE p.case_id = c.id AND p.procedure = " +
                        param(std::string(info(*q.procedure).id)) +
                        (q.status ? " AND p.status = " + param(std::string(statusId(*q.status))) : std::string()) +
                        ")");
    else if (q.status)
        where.push_back("c.status = " + param(std::string(statusId(*q.status))));
    if (q.lineStatus)
        where.push_back("EXISTS (SELECT 1 FROM case_procedures p WHERE p.case_id = c.id AND p.status = " +
                        param(std::string(statusId(*q.lineStatus))) + ")");
    if (q.window)
        where.push_back("c.\"window\" = " + param(*q.window));
    if (!q.ids.empty()) {
        std::string ids = "{";
        for (std::size_t i = 0; i < q.ids.size(); ++i)
            ids += (i ? "," : "") + std::to_string(q.ids[i]);
        where.push_back("c.id = ANY(" + param(ids + "}") + "::bigint[])");
    }

    std::string sql = std::string("SELECT ") + kPgSummaryColumns + ", " + kPgLinesColumn + ", " +
                      kPgCaseBookingColumns + " FROM cases c";
    for (std::size_t i = 0; i < where.size(); ++i)
        sql += (i == 0 ? " WHERE " : " AND ") + where[i];
    sql += " ORDER BY " + order + " LIMIT " + param(std::to_string(q.limit)) + "::bigint";

    return session_.transact("searching the case book", [&](pqxx::work& tx) {
        std::vector<CaseSummary> out;
        for (const auto& row : tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params)))
            out.push_back(summaryFromPgRow(row));
        return out;
    });
}

} // namespace madoguchi::db

#include "book_dump.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <vector>

namespace madoguchi::test {

std::string caseBookDump(const std::filesystem::path& file)
{
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    std::vector<std::string> tables;
    SQLite::Statement names(db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name");
    while (names.executeStep())
        tables.push_back(names.getColumn(0).getString());
    std::string out = "user_version " + db.execAndGet("PRAGMA user_version").getString() + "\n";
    for (const auto& t : tables) {
        out += "== " + t + "\n";
        SQLite::Statement rows(db, "SELECT * FROM \"" + t + "\" ORDER BY 1");
        while (rows.executeStep()) {
            for (int i = 0; i < rows.getColumnCount(); ++i) {
                auto c = rows.getColumn(i);
                out += c.isNull() ? std::string("NULL") : c.getString();
                out += '|';
            }
            out += '\n';
        }
    }
    return out;
}

int auditCount(const std::filesystem::path& file, const std::string& action)
{
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(db, action.empty() ? "SELECT COUNT(*) FROM audit_log"
                                           : "SELECT COUNT(*) FROM audit_log WHERE action = ?");
    if (!action.empty())
        q.bind(1, action);
    q.executeStep();
    return q.getColumn(0).getInt();
}

} // namespace madoguchi::test

// The issued-card register of the SQLite case book (db/card_register.hpp): table issued_cards
// (migration 006), written in one transaction with its audit entry.
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"
#include "db/register_rules.hpp"
#include "db/sqlite/sqlite_case_store.hpp"
#include "db/sqlite/sqlite_connection.hpp"

#include <SQLiteCpp/Transaction.h>

namespace madoguchi::db {

namespace {

constexpr const char* kCardColumns = "record_id, birth, card_issued, cert_issued, stay_until, face_auth";

std::optional<boost::gregorian::date> optionalDate(const SQLite::Column& c, const char* what)
{
    if (c.isNull())
        return std::nullopt;
    return parseIsoDate(c.getString(), what);
}

IssuedCard cardFromRow(SQLite::Statement& q)
{
    IssuedCard card;
    card.recordId = q.getColumn(0).getString();
    card.birth = parseIsoDate(q.getColumn(1).getString(), "birth");
    card.cardIssued = parseIsoDate(q.getColumn(2).getString(), "card_issued");
    card.certIssued = optionalDate(q.getColumn(3), "cert_issued");
    card.stayUntil = optionalDate(q.getColumn(4), "stay_until");
    card.faceAuth = q.getColumn(5).getInt() != 0;
    return card;
}

void bindOptionalDate(SQLite::Statement& st, int index, const std::optional<boost::gregorian::date>& d)
{
    if (d)
        st.bind(index, toIso(*d));
    else
        st.bind(index);
}

} // namespace

RegisterPutResult SqliteCaseStore::putIssuedCards(const std::vector<IssuedCard>& cards, const std::string& action,
                                                  const Actor& by)
{
    requireMayKeepRegister(by);
    for (const auto& card : cards)
        validate(card);
    RegisterPutResult result;
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        const std::string at = now().iso;
        SQLite::Statement select(*db_,
                                 std::string("SELECT ") + kCardColumns + " FROM issued_cards WHERE record_id = ?");
        SQLite::Statement upsert(*db_, "INSERT INTO issued_cards (record_id, birth, card_issued, cert_issued, "
                                       "stay_until, face_auth, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                       "ON CONFLICT (record_id) DO UPDATE SET birth = excluded.birth, "
                                       "card_issued = excluded.card_issued, cert_issued = excluded.cert_issued, "
                                       "stay_until = excluded.stay_until, face_auth = excluded.face_auth, "
                                       "updated_at = excluded.updated_at");
        for (const auto& card : cards) {
            select.bind(1, card.recordId);
            std::optional<IssuedCard> stored;
            if (select.executeStep())
                stored = cardFromRow(select);
            select.reset();
            if (stored && *stored == card) {
                ++result.unchanged;
                continue;
            }
            ++(stored ? result.updated : result.added);
            upsert.bind(1, card.recordId);
            upsert.bind(2, toIso(card.birth));
            upsert.bind(3, toIso(card.cardIssued));
            bindOptionalDate(upsert, 4, card.certIssued);
            bindOptionalDate(upsert, 5, card.stayUntil);
            upsert.bind(6, card.faceAuth ? 1 : 0);
            upsert.bind(7, at);
            upsert.exec();
            upsert.reset();
        }
        appendAudit(by, action, std::nullopt, registerPutDetail(result), at);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "writing the card register");
    }
    return result;
}

std::vector<IssuedCard> SqliteCaseStore::issuedCards(const Actor& by, const std::string& why)
{
    requireMayKeepRegister(by);
    std::vector<IssuedCard> out;
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement q(*db_, std::string("SELECT ") + kCardColumns + " FROM issued_cards ORDER BY record_id");
        while (q.executeStep())
            out.push_back(cardFromRow(q));
        appendAudit(by, audit_actions::kRegisterRead, std::nullopt, why + ": " + std::to_string(out.size()) + " cards",
                    now().iso);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reading the card register");
    }
    return out;
}

std::vector<IssuedCard> SqliteCaseStore::issuedCardsById(const std::vector<std::string>& ids)
{
    std::vector<IssuedCard> out;
    try {
        SQLite::Statement q(*db_, std::string("SELECT ") + kCardColumns + " FROM issued_cards WHERE record_id = ?");
        for (const auto& id : ids) {
            q.bind(1, id);
            if (q.executeStep())
                out.push_back(cardFromRow(q));
            q.reset();
        }
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reading the card register");
    }
    return out;
}

std::int64_t SqliteCaseStore::issuedCardCount()
{
    try {
        SQLite::Statement q(*db_, "SELECT count(*) FROM issued_cards");
        q.executeStep();
        return q.getColumn(0).getInt64();
    } catch (const SQLite::Exception& e) {
        rethrowAsStorageError(e, "reading the card register");
    }
}

} // namespace madoguchi::db

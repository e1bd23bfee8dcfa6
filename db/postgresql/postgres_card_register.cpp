// The issued-card register of the PostgreSQL case book (db/card_register.hpp), with the same
// meaning as sqlite_card_register.cpp. An import of 200,000 records reads the stored ones in one
// query and writes the new and changed ones as arrays, not one round trip per record.
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/security/audit_chain.hpp"
#include "db/postgresql/postgres_case_store.hpp"
#include "db/register_rules.hpp"

#include <unordered_map>

namespace madoguchi::db {

namespace {

constexpr const char* kCardColumns =
    "record_id, birth::text, card_issued::text, cert_issued::text, stay_until::text, face_auth";
constexpr std::size_t kBatch = 5000;

IssuedCard cardFromRow(const pqxx::row& r)
{
    IssuedCard card;
    card.recordId = r[0].as<std::string>();
    card.birth = parseIsoDate(r[1].as<std::string>(), "birth");
    card.cardIssued = parseIsoDate(r[2].as<std::string>(), "card_issued");
    if (!r[3].is_null())
        card.certIssued = parseIsoDate(r[3].as<std::string>(), "cert_issued");
    if (!r[4].is_null())
        card.stayUntil = parseIsoDate(r[4].as<std::string>(), "stay_until");
    card.faceAuth = r[5].as<bool>();
    return card;
}

std::string isoOrEmpty(const std::optional<boost::gregorian::date>& d)
{
    return d ? toIso(*d) : std::string();
}

std::vector<IssuedCard> cardsWithIds(pqxx::work& tx, const std::vector<std::string>& ids)
{
    std::vector<IssuedCard> out;
    for (std::size_t from = 0; from < ids.size(); from += kBatch) {
        std::vector<std::string> part(ids.begin() + static_cast<std::ptrdiff_t>(from),
                                      ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), from + kBatch)));
        for (const auto& r : tx.exec_params(std::string("SELECT ") + kCardColumns +
                                                " FROM issued_cards WHERE record_id = ANY($1::text[])",
                                            textArrayLiteral(part)))
            out.push_back(cardFromRow(r));
    }
    return out;
}

} // namespace

RegisterPutResult PostgresCaseStore::putIssuedCards(const std::vector<IssuedCard>& cards, const std::string& action,
                                                    const Actor& by)
{
    requireMayKeepRegister(by);
    for (const auto& card : cards)
        validate(card);
    const std::string at = now().iso;
    return session_.transact("writing the card register", [&](pqxx::work& tx) {
        RegisterPutResult result;
        // Taken before reading: two imports at once run one after the other, so the counts are right.
        tx.exec("LOCK TABLE issued_cards IN SHARE ROW EXCLUSIVE MODE");
        std::vector<std::string> ids;
        ids.reserve(cards.size());
        for (const auto& c : cards)
            ids.push_back(c.recordId);
        std::unordered_map<std::string, IssuedCard> stored;
        for (auto& c : cardsWithIds(tx, ids))
            stored.emplace(c.recordId, std::move(c));
        std::vector<const IssuedCard*> toWrite;
        for (const auto& card : cards) {
            auto it = stored.find(card.recordId);
            if (it != stored.end() && it->second == card) {
                ++result.unchanged;
                continue;
            }
            ++(it != stored.end() ? result.updated : result.added);
            toWrite.push_back(&card);
        }
        for (std::size_t from = 0; from < toWrite.size(); from += kBatch) {
            std::vector<std::string> id, birth, issued, cert, stay, face;
            for (std::size_t i = from; i < std::min(toWrite.size(), from + kBatch); ++i) {
                const IssuedCard& c = *toWrite[i];
                id.push_back(c.recordId);
                birth.push_back(toIso(c.birth));
                issued.push_back(toIso(c.cardIssued));
                cert.push_back(isoOrEmpty(c.certIssued));
                stay.push_back(isoOrEmpty(c.stayUntil));
                face.push_back(c.faceAuth ? "t" : "f");
            }
            tx.exec_params("INSERT INTO issued_cards (record_id, birth, card_issued, cert_issued, stay_until, "
                           "face_auth, updated_at) "
                           "SELECT i, b::date, c::date, NULLIF(e, '')::date, NULLIF(s, '')::date, f::boolean, $7 "
                           "FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) "
                           "AS t(i, b, c, e, s, f) "
                           "ON CONFLICT (record_id) DO UPDATE SET birth = excluded.birth, "
                           "card_issued = excluded.card_issued, cert_issued = excluded.cert_issued, "
                           "stay_until = excluded.stay_until, face_auth = excluded.face_auth, "
                           "updated_at = excluded.updated_at",
                           textArrayLiteral(id), textArrayLiteral(birth), textArrayLiteral(issued),
                           textArrayLiteral(cert), textArrayLiteral(stay), textArrayLiteral(face), at);
        }
        appendAudit(tx, by, action, std::nullopt, registerPutDetail(result), at);
        return result;
    });
}

std::vector<IssuedCard> PostgresCaseStore::issuedCards(const Actor& by, const std::string& why)
{
    requireMayKeepRegister(by);
    return session_.transact("reading the card register", [&](pqxx::work& tx) {
        std::vector<IssuedCard> out;
        for (const auto& r :
             tx.exec(std::string("SELECT ") + kCardColumns + " FROM issued_cards ORDER BY record_id COLLATE \"C\""))
            out.push_back(cardFromRow(r));
        appendAudit(tx, by, audit_actions::kRegisterRead, std::nullopt,
                    why + ": " + std::to_string(out.size()) + " cards", now().iso);
        return out;
    });
}

std::vector<IssuedCard> PostgresCaseStore::issuedCardsById(const std::vector<std::string>& ids)
{
    return session_.transact("reading the card register", [&](pqxx::work& tx) { return cardsWithIds(tx, ids); });
}

std::int64_t PostgresCaseStore::issuedCardCount()
{
    return session_.transact("reading the card register", [&](pqxx::work& tx) {
        return tx.exec1("SELECT count(*) FROM issued_cards")[0].as<std::int64_t>();
    });
}

} // namespace madoguchi::db

// The issued-card register as the window calls it (the supervisor view's forecast): each call on
// the window's store worker, waited for without freezing (waiting_store.hpp).
#include "app/gui/waiting_store_call.hpp"
#include "core/common/errors.hpp"

namespace madoguchi::gui {

db::CardRegister* WaitingStore::cardRegister()
{
    return inner_.cardRegister() ? this : nullptr;
}

db::CardRegister& WaitingStore::innerRegister()
{
    db::CardRegister* r = inner_.cardRegister();
    if (!r)
        throw StorageError(StorageError::Kind::Other, "this case book keeps no card register");
    return *r;
}

db::RegisterPutResult WaitingStore::putIssuedCards(const std::vector<IssuedCard>& cards, const std::string& action,
                                                   const db::Actor& by)
{
    return call([&] { return innerRegister().putIssuedCards(cards, action, by); });
}

std::vector<IssuedCard> WaitingStore::issuedCards(const db::Actor& by, const std::string& why)
{
    return call([&] { return innerRegister().issuedCards(by, why); });
}

std::vector<IssuedCard> WaitingStore::issuedCardsById(const std::vector<std::string>& ids)
{
    return call([&] { return innerRegister().issuedCardsById(ids); });
}

std::int64_t WaitingStore::issuedCardCount()
{
    return call([&] { return innerRegister().issuedCardCount(); });
}

} // namespace madoguchi::gui

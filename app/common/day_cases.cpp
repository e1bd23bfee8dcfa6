#include "app/common/day_cases.hpp"

#include "db/booking_store.hpp"

namespace madoguchi::app {

namespace {

std::vector<Case> casesMatching(db::CaseStore& store, db::CaseQuery q)
{
    q.limit = 10'000'000; // the whole day or month, however busy (~1,400 is a busy office's day)
    std::vector<Case> cases;
    for (const auto& row : store.search(q))
        cases.push_back(store.get(row.id));
    return cases;
}

} // namespace

std::vector<Case> casesReceivedOn(db::CaseStore& store, const boost::gregorian::date& day)
{
    db::CaseQuery q;
    q.day = day;
    return casesMatching(store, q);
}

std::vector<Case> casesAwaitingAnswer(db::CaseStore& store)
{
    db::CaseQuery q;
    q.lineStatus = CaseStatus::AwaitingAnswer;
    return casesMatching(store, q);
}

std::optional<std::vector<bookings::Booking>> bookingsOn(db::CaseStore& store, const boost::gregorian::date& day)
{
    db::BookingStore* book = store.bookings();
    if (!book)
        return std::nullopt;
    db::BookingQuery q;
    q.day = day;
    q.limit = 1'000'000;
    return book->searchBookings(q);
}

std::vector<Case> casesReceivedInMonthOf(db::CaseStore& store, const boost::gregorian::date& anyDay)
{
    db::CaseQuery q;
    q.from = boost::gregorian::date(anyDay.year(), anyDay.month(), 1);
    q.to = q.from->end_of_month();
    return casesMatching(store, q);
}

} // namespace madoguchi::app

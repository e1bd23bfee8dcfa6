// The call order's table of ids and the ordering itself.
#include "core/queue/queue_order.hpp"

#include "core/common/errors.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace madoguchi {

namespace {

struct OrderRow {
    QueueOrder order;
    std::string_view id;
};
constexpr std::array<OrderRow, 2> kOrders{{
    {QueueOrder::BookedFirst, "booked-first"},
    {QueueOrder::Arrival, "arrival"},
}};
constexpr std::array<QueueOrder, kOrders.size()> kAll{QueueOrder::BookedFirst, QueueOrder::Arrival};

bool byArrival(const QueueEntry* a, const QueueEntry* b)
{
    return a->receivedAt != b->receivedAt ? a->receivedAt < b->receivedAt : a->id < b->id;
}

} // namespace

std::string_view queueOrderId(QueueOrder o)
{
    return kOrders[static_cast<std::size_t>(o)].id;
}

std::optional<QueueOrder> queueOrderFromId(std::string_view id)
{
    for (const auto& row : kOrders)
        if (row.id == id)
            return row.order;
    return std::nullopt;
}

QueueOrder parseQueueOrder(std::string_view id)
{
    if (auto o = queueOrderFromId(id))
        return *o;
    std::string valid;
    for (const auto& row : kOrders)
        valid += (valid.empty() ? "" : ", ") + std::string(row.id);
    throw ValidationError("unknown call order \"" + std::string(id) + "\" (one of: " + valid + ")");
}

std::span<const QueueOrder> allQueueOrders()
{
    return kAll;
}

bool WindowWork::serves(std::span<const Procedure> visitProcedures) const
{
    if (procedures.empty())
        return true;
    return std::any_of(visitProcedures.begin(), visitProcedures.end(), [&](Procedure p) {
        return std::find(procedures.begin(), procedures.end(), p) != procedures.end();
    });
}

std::vector<const QueueEntry*> callOrder(std::span<const QueueEntry> waiting, QueueOrder order, std::int64_t now)
{
    std::vector<const QueueEntry*> due, rest;
    for (const auto& e : waiting) {
        if (e.backAt && *e.backAt > now)
            continue; // sent back: not yet
        bool bookedAndDue = order == QueueOrder::BookedFirst && e.bookedAt && *e.bookedAt <= now;
        (bookedAndDue ? due : rest).push_back(&e);
    }
    std::sort(due.begin(), due.end(), [](const QueueEntry* a, const QueueEntry* b) {
        return *a->bookedAt != *b->bookedAt ? *a->bookedAt < *b->bookedAt : byArrival(a, b);
    });
    std::sort(rest.begin(), rest.end(), byArrival);
    due.insert(due.end(), rest.begin(), rest.end());
    return due;
}

std::vector<const QueueEntry*> callOrderFor(std::span<const QueueEntry> waiting, const WindowWork& work,
                                            QueueOrder order, std::int64_t now)
{
    std::vector<const QueueEntry*> out;
    for (const QueueEntry* e : callOrder(waiting, order, now))
        if (work.serves(e->procedures))
            out.push_back(e);
    return out;
}

} // namespace madoguchi

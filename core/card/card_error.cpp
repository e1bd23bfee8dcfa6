#include "core/card/card_error.hpp"

#include <utility>

namespace madoguchi::card {

const char* kindId(CardErrorKind kind)
{
    switch (kind) {
    case CardErrorKind::ServiceUnavailable:
        return "service-unavailable";
    case CardErrorKind::NoReader:
        return "no-reader";
    case CardErrorKind::NoCard:
        return "no-card";
    case CardErrorKind::CardRemoved:
        return "card-removed";
    case CardErrorKind::ReaderRemoved:
        return "reader-removed";
    case CardErrorKind::Timeout:
        return "timeout";
    case CardErrorKind::NotMyNumberCard:
        return "not-my-number-card";
    case CardErrorKind::UnexpectedStatus:
        return "unexpected-status";
    case CardErrorKind::MalformedData:
        return "malformed-data";
    case CardErrorKind::PinBlocked:
        return "pin-blocked";
    case CardErrorKind::LastTryRefused:
        return "last-try-refused";
    case CardErrorKind::WrongPin:
        return "wrong-pin";
    case CardErrorKind::Cancelled:
        return "cancelled";
    case CardErrorKind::Transport:
        return "transport";
    }
    return "transport";
}

CardError::CardError(CardErrorKind kind, std::string japanese, std::string english, std::optional<int> triesLeft)
    : std::runtime_error(japanese + " (" + english + ")"), kind_(kind), japanese_(std::move(japanese)),
      english_(std::move(english)), triesLeft_(triesLeft)
{
}

} // namespace madoguchi::card

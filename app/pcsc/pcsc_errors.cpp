#include "app/pcsc/pcsc_errors.hpp"

#include <PCSC/pcsclite.h>
#include <PCSC/winscard.h>

namespace madoguchi::pcsc {

using card::CardError;
using card::CardErrorKind;

CardError errorFromPcsc(long rv, Step step)
{
    const std::string code = pcsc_stringify_error(static_cast<LONG>(rv));
    switch (static_cast<LONG>(rv)) {
    case SCARD_E_NO_SERVICE:
    case SCARD_E_SERVICE_STOPPED:
        return CardError(CardErrorKind::ServiceUnavailable,
                         "カードリーダーのサービス（pcscd）に接続できません。pcscd が動いているか確認してください",
                         "cannot reach the smart-card service: is pcscd running? (" + code + ")");
    case SCARD_E_NO_READERS_AVAILABLE:
        return CardError(CardErrorKind::NoReader, "カードリーダーが見つかりません", "no card reader is connected");
    case SCARD_E_UNKNOWN_READER:
    case SCARD_E_READER_UNAVAILABLE:
        if (step == Step::Connect || step == Step::Status)
            return CardError(CardErrorKind::NoReader, "カードリーダーが見つかりません",
                             "the card reader is not available (" + code + ")");
        return CardError(CardErrorKind::ReaderRemoved, "読み取り中にカードリーダーが取り外されました",
                         "the card reader was unplugged during the read (" + code + ")");
    case SCARD_E_NO_SMARTCARD:
    case SCARD_W_REMOVED_CARD:
        if (step == Step::Connect)
            return CardError(CardErrorKind::NoCard, "カードが置かれていません", "no card in the reader");
        return CardError(CardErrorKind::CardRemoved, "読み取り中にカードが取り出されました。カードを置き直してください",
                         "the card was removed during the read; put it back and try again");
    case SCARD_W_RESET_CARD:
        return CardError(CardErrorKind::Transport, "読み取り中に他のプログラムがカードをリセットしました",
                         "another program reset the card during the read");
    case SCARD_E_SHARING_VIOLATION:
        return CardError(CardErrorKind::Transport, "他のプログラムがカードを使用中です",
                         "another program is using the card");
    case SCARD_W_UNRESPONSIVE_CARD:
    case SCARD_W_UNPOWERED_CARD:
    case SCARD_W_UNSUPPORTED_CARD:
        return CardError(CardErrorKind::Transport, "カードが応答しません。向きを確かめて置き直してください",
                         "the card does not respond; check its orientation and put it back (" + code + ")");
    case SCARD_E_TIMEOUT:
        return CardError(CardErrorKind::Timeout, "カードの応答がありません（時間切れ）",
                         "the card did not answer in time");
    default:
        return CardError(CardErrorKind::Transport, "カードリーダーとの通信に失敗しました（" + code + "）",
                         "communication with the card reader failed (" + code + ")");
    }
}

} // namespace madoguchi::pcsc

#include "core/cases/procedure.hpp"

#include "core/common/errors.hpp"

#include <array>
#include <string>

namespace madoguchi {

namespace {
// Names as on the seed page (Kodaira City) and the national portal.
constexpr std::array<ProcedureInfo, 15> kProcedures{{
    {Procedure::CardReceipt, "card-receipt", "カードの受け取り", "かーどのうけとり", "Card receipt"},
    {Procedure::Reissue, "reissue", "再交付", "さいこうふ", "Card reissue"},
    {Procedure::PinReset, "pin-reset", "暗証番号の再設定", "あんしょうばんごうのさいせってい", "PIN reset"},
    {Procedure::CertRenewal, "cert-renewal", "電子証明書の更新・発行", "でんししょうめいしょのこうしん・はっこう",
     "Electronic certificate renewal / issue"},
    {Procedure::Suspension, "suspension", "一時停止（紛失）", "いちじていし（ふんしつ）", "Suspension (loss)"},
    {Procedure::SuspensionLift, "suspension-lift", "一時停止の解除", "いちじていしのかいじょ", "Lifting a suspension"},
    {Procedure::CardInfoChange, "card-info-change", "券面事項変更・継続利用", "けんめんじこうへんこう・けいぞくりよう",
     "Card information change / continued use"},
    {Procedure::CardRenewal, "card-renewal", "カードの更新", "かーどのこうしん", "Card renewal"},
    {Procedure::StayExtension, "stay-extension", "在留期間更新に伴う有効期間の変更",
     "ざいりゅうきかんこうしんにともなうゆうこうきかんのへんこう", "Validity extension after a period-of-stay renewal"},
    {Procedure::ApplicationCancel, "application-cancel", "交付申請の取消し", "こうふしんせいのとりけし",
     "Cancelling an application"},
    {Procedure::NumberChange, "number-change", "個人番号の変更", "こじんばんごうのへんこう", "My Number change"},
    {Procedure::NoticePickup, "notice-pickup", "個人番号通知書の受け取り", "こじんばんごうつうちしょのうけとり",
     "Notification letter pickup"},
    {Procedure::OverseasContinuation, "overseas-continuation", "国外転出者の継続利用",
     "こくがいてんしゅつしゃのけいぞくりよう", "Continued use when moving abroad"},
    {Procedure::FaceAuthChange, "face-auth-change", "顔認証マイナンバーカードへの変更",
     "かおにんしょうまいなんばーかーどへのへんこう", "Change to a face-authentication card"},
    // 特急発行 (since 2024-12-02: Kokubunji City; Kumagaya City): a card in about a week, by mail.
    {Procedure::ExpressReissue, "express-reissue", "特急発行", "とっきゅうはっこう", "Express issuance"},
}};
} // namespace

std::span<const ProcedureInfo> allProcedures()
{
    return kProcedures;
}

const ProcedureInfo& info(Procedure p)
{
    return kProcedures[static_cast<std::size_t>(p)];
}

std::optional<Procedure> procedureFromId(std::string_view id)
{
    for (const auto& p : kProcedures)
        if (p.id == id)
            return p.procedure;
    return std::nullopt;
}

Procedure parseProcedure(std::string_view id)
{
    if (auto p = procedureFromId(id))
        return *p;
    std::string valid;
    for (const auto& p : kProcedures)
        valid += (valid.empty() ? "" : ", ") + std::string(p.id);
    throw ValidationError("unknown procedure \"" + std::string(id) + "\" (one of: " + valid + ")");
}

} // namespace madoguchi

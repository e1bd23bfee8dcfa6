// The catalogue of the deadline engine's rules (see deadline_rules.hpp). Sources: the public pages
// named in each entry; the engine's code next to each computation says which entry it applies.
#include "core/rules/deadline_rules.hpp"

#include <array>
#include <stdexcept>
#include <string>

namespace madoguchi::rules {

namespace {

constexpr std::array<DeadlineRule, 21> kRules{{
    {"card-validity-adult",
     "カードの有効期限は発行日の後の10回目の誕生日（発行日に18歳以上。2022年3月31日までに受け付けた申請は20歳以上）",
     "The card is valid until the 10th birthday after its issue date (18 or over on the issue date; 20 for "
     "applications received until 2022-03-31)",
     "小平市「マイナンバー(個人番号)カード・電子証明書に関することでお困りの方へ」; 港区FAQ; 米子市; "
     "宇城市・鴻巣市（成年年齢の引下げ）; "
     "三好町・飯能市（発行日の年齢）",
     "2016-01-01"},
    {"card-validity-minor",
     "カードの有効期限は発行日の後の5回目の誕生日（発行日に18歳未満。2022年3月31日までの申請は20歳未満）",
     "The card is valid until the 5th birthday after its issue date (under 18 on the issue date; under 20 for "
     "applications received until 2022-03-31)",
     "小平市「マイナンバー(個人番号)カード・電子証明書に関することでお困りの方へ」; 港区FAQ; 宇城市; 鴻巣市",
     "2016-01-01"},
    {"card-stay-bound",
     "在留期間の定めがある外国人住民のカードは在留期間満了日まで（通常の誕生日が先ならその日まで）。延長しても通常の誕"
     "生日を超えない",
     "A foreign resident's card with a period of stay ends with it (or on the normal birthday if that comes "
     "first); an extension never goes past that birthday",
     "米子市; 江東区; 小平市（在留期間更新に伴う有効期限の変更）", "2016-01-01"},
    {"card-special-period",
     "在留期間更新等の申請中（特例期間）は、カードの有効期間を在留期間満了日から最長2か月延長できる",
     "While a renewal of the period of stay is pending (special period), the card can be extended up to 2 months "
     "past the end of the stay",
     "小松市; 箕面市; 雲仙市", "2016-01-01"},
    {"cert-validity", "電子証明書の有効期限は、証明書の発行日の後の5回目の誕生日（カードの有効期限まで）",
     "The certificates are valid until the 5th birthday after their own issue date (never past the card)",
     "小平市「マイナンバー(個人番号)カード・電子証明書に関することでお困りの方へ」; 宇城市; "
     "坂町（カードの有効期間満了日まで）",
     "2016-01-01"},
    {"cert-validity-in-window",
     "更新期間中（有効期限まで3か月未満）に発行を受けた電子証明書は、発行日の後の6回目の誕生日まで",
     "Certificates issued while less than 3 months remained of the ones they replace run to the 6th birthday",
     "東村山市FAQ; 秋田県; 新見市; J-LIS 公的個人認証サービス（有効期間）", "2016-01-01"},
    {"cert-stay-not-extended", "在留期間の更新でカードを延長しても、電子証明書の有効期限は延びない（新しく発行する）",
     "Extending the card after a stay renewal does not lengthen the certificates: new ones are issued",
     "山陽小野田市; 上板町", "2016-01-01"},
    {"signature-cert-capped", "署名用電子証明書は利用者証明用電子証明書の有効期限を超えない",
     "The signature certificate never outlives the user-authentication certificate", "東村山市FAQ; 秋田県",
     "2016-01-01"},
    {"no-signature-minor", "15歳未満の方には署名用電子証明書を発行しない", "No signature certificate under 15",
     "稲城市; 電子署名等に係る地方公共団体情報システム機構の認証業務に関する法律", "2016-01-01"},
    {"no-signature-ward", "成年被後見人の方には署名用電子証明書を発行しない",
     "No signature certificate for an adult ward", "稲城市", "2016-01-01"},
    {"no-signature-face-auth", "顔認証マイナンバーカードには署名用電子証明書がない（切り替え時に失効。元に戻せる）",
     "A face-authentication card carries no signature certificate (revoked on switching; it can be reverted)",
     "足利市; 福島市", "2023-12-15"},
    {"renewal-window", "カード・電子証明書は、有効期限まで3か月未満となった日から更新できる",
     "Card and certificates can be renewed once less than 3 months remain", "伊勢市; 敦賀市", "2016-01-01"},
    {"no-renewal-window-stay-bound",
     "在留期間満了日までのカードには有効期限通知書が届かず、3か月の更新期間はない（期限前ならいつでも延長できる）",
     "A card bound to the period of stay gets no expiry notice and has no 3-month window: it is extended any time "
     "before it expires",
     "江東区; 山陽小野田市", "2016-01-01"},
    {"move-in-90-days", "他の市区町村から転入したら、転入届の日から90日以内に継続利用の手続き（過ぎるとカードは失効）",
     "After moving in from another city, the continued-use procedure within 90 days of the move-in notification, or "
     "the card lapses",
     "小平市「マイナンバー(個人番号)カード・電子証明書に関することでお困りの方へ」; 豊島区", "2016-01-01"},
    {"move-in-lapse-late-filing", "転入した日から14日を過ぎて転入届をした場合、カードは継続利用できない（失効）",
     "The card lapses when the move-in notification was filed more than 14 days after moving in", "西東京市; 桑名市",
     "2016-01-01"},
    {"move-in-lapse-after-move-out", "転出予定日から30日を過ぎて転入届をした場合、カードは継続利用できない（失効）",
     "The card lapses when the move-in notification was filed more than 30 days after the declared move-out day",
     "西東京市; 桑名市", "2016-01-01"},
    {"move-in-lapse-moved-again", "継続利用の手続きをする前にさらに転出した場合、カードは失効する",
     "The card lapses when the holder moved on again before the continued-use procedure", "西東京市; 桑名市",
     "2016-01-01"},
    {"signature-revoked-by-move", "住所・氏名などが変わると署名用電子証明書は失効する（利用者証明用は有効）",
     "A change of address, name, sex or birth date revokes the signature certificate (the authentication one stays)",
     "小平市; 西東京市", "2016-01-01"},
    {"health-insurance-grace",
     "利用者証明用電子証明書またはカードの有効期限後も、その月の3か月後の月末までマイナ保険証として使える",
     "After the authentication certificate or the card expires, the card still works as a health-insurance card "
     "until the last day of the 3rd month after the month of expiry",
     "多摩市; 協会けんぽ（2025-07-16）; 松山市", "2024-12-02"},
    {"age-on-issue-day", "カードの有効期間を決める年齢は発行日の年齢、20歳・18歳の基準は申請を受け付けた日で決まる",
     "The age for the card's validity is taken on the issue date; the 20/18 threshold follows the day the "
     "application was received",
     "三好町; 飯能市; 宇城市; 鴻巣市", "2016-01-01"},
    {"leap-day-birthday", "2月29日生まれの方は、平年は2月28日を誕生日として数える",
     "Born on 29 February: 28 February counts as the birthday in common years",
     "年齢計算ニ関スル法律; 出入国管理及び難民認定法19条の5（在留カードの有効期間）", "2016-01-01"},
}};

} // namespace

std::span<const DeadlineRule> deadlineRules()
{
    return kRules;
}

const DeadlineRule& deadlineRule(std::string_view id)
{
    for (const auto& r : kRules)
        if (r.id == id)
            return r;
    throw std::out_of_range("no deadline rule \"" + std::string(id) + "\"");
}

} // namespace madoguchi::rules

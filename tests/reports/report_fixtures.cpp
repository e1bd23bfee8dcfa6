#include "report_fixtures.hpp"

#include "core/common/clock.hpp"
#include "tests/support/made_up_rules.hpp"

#include <gtest/gtest.h>
#include <random>

namespace madoguchi::test {

Case sampleCase(Procedure p)
{
    Case c;
    c.id = 12;
    c.receptionNumber = "A-012";
    c.procedure = p;
    c.status = CaseStatus::InProgress;
    c.resident.name = "山田 太郎";
    c.resident.kana = "ヤマダ タロウ";
    c.resident.birth = boost::gregorian::date(1970, 5, 20);
    c.resident.address = "東京都小平市小川町二丁目1333番地";
    c.window = "3";
    c.clerk = "suzuki";
    c.createdAt = "2026-11-29T10:05:00+09:00";
    c.updatedAt = c.createdAt;
    return c;
}

rules::Requirements handmadeRequirements(Procedure p, bool longTexts)
{
    auto t = [&](std::string ja, std::string en) {
        if (longTexts) {
            std::string ja0 = ja, en0 = en;
            for (int i = 0; i < 3; ++i) {
                ja += "、" + ja0 + "（「括弧」と句読点の禁則を確かめるための長い文です。）";
                en += ", " + en0 + " (a long sentence to check wrapping and page breaks)";
            }
        }
        return rules::Text{ja, en};
    };
    rules::Requirements r;
    r.procedure = p;
    r.applicant = ApplicantType::Principal;
    r.day = boost::gregorian::date(2026, 11, 29);
    auto item = [&](std::string id, std::string ja, std::string en) {
        return test::documentItem(std::move(id), t(std::move(ja), std::move(en)));
    };
    r.documents.push_back(
        test::requirement("card", t("マイナンバーカード", "My Number card"),
                          {{"card", 1, {"", ""}, {item("card", "マイナンバーカード", "My Number card")}}}));
    r.documents.push_back(test::requirement(
        "principal-id", t("ご本人の本人確認書類", "Identity documents of the resident"),
        {{"A",
          1,
          t("次のうち1点", "one of these"),
          {item("licence", "運転免許証", "Driver's licence"), item("passport", "旅券（パスポート）", "Passport"),
           item("residence-card", "在留カード", "Residence card")}},
         {"B",
          2,
          t("次のうち2点", "two of these"),
          {item("insurance", "健康保険の資格確認書", "Health insurance certificate"),
           item("pension", "年金手帳", "Pension book")}}},
        t("有効期限内の原本に限ります。", "Originals that have not expired only.")));
    r.fees.push_back(test::fee("card-reissue", 800, t("カード再交付手数料", "Card reissue fee"),
                               t("本人の責めによらない場合は無料", "free when it is not your fault")));
    r.fees.push_back(test::fee("cert", 200, t("電子証明書発行手数料", "Certificate fee")));
    r.whereToGo = t("市民課2番窓口へお越しください。", "Please go to window 2 of the Citizens Division.");
    r.contacts.push_back(test::contact("hotline", {"マイナンバー総合フリーダイヤル", "My Number toll-free line"},
                                       "0120-95-0178", {"24時間365日", "24 hours, every day"}));
    r.contacts.push_back(test::contact("city", t("市民課", "Citizens Division"), "042-000-0000", {"平日", "weekdays"}));
    r.notes.push_back(t("警察への遺失届の受理番号を控えてください。", "Keep the police report number."));
    return r;
}

std::vector<db::ImportedCase> generatedDay(const boost::gregorian::date& day, int count, unsigned seed)
{
    std::mt19937 rng(seed);
    const char* names[][2] = {{"山田 太郎", "ヤマダ タロウ"},     {"佐藤 花子", "サトウ ハナコ"},
                              {"鈴木 一郎", "スズキ イチロウ"},   {"髙橋 誠", "タカハシ マコト"},
                              {"田中 美咲", "タナカ ミサキ"},     {"SMITH, John \"Jack\"", "スミス ジョン"},
                              {"渡辺 さくら", "ワタナベ サクラ"}, {"伊藤 健", "イトウ ケン"}};
    const char* clerks[] = {"suzuki", "tanaka", "sato", "kobayashi", "kato", "yoshida"};
    const CaseStatus statuses[] = {CaseStatus::Done,    CaseStatus::Done,       CaseStatus::Done,
                                   CaseStatus::Done,    CaseStatus::InProgress, CaseStatus::Received,
                                   CaseStatus::Waiting, CaseStatus::Withdrawn};
    std::vector<db::ImportedCase> out;
    for (int i = 0; i < count; ++i) {
        db::ImportedCase ic;
        auto& n = names[rng() % std::size(names)];
        ic.draft.procedure = static_cast<Procedure>(rng() % 14);
        ic.draft.resident.name = n[0];
        ic.draft.resident.kana = n[1];
        ic.draft.resident.birth =
            boost::gregorian::date(1940 + static_cast<int>(rng() % 80), 1 + rng() % 12, 1 + rng() % 28);
        ic.draft.window = std::to_string(1 + rng() % 5);
        ic.draft.clerk = clerks[rng() % std::size(clerks)];
        int minute = 8 * 60 + 30 + static_cast<int>((510.0 * i) / std::max(1, count));
        char at[40];
        std::snprintf(at, sizeof at, "%sT%02d:%02d:00+09:00", toIso(day).c_str(), minute / 60, minute % 60);
        ic.receivedAt = at;
        ic.status = statuses[rng() % std::size(statuses)];
        out.push_back(std::move(ic));
    }
    return out;
}

void expectInside(const reports::RenderedDocument& doc, double margin)
{
    ASSERT_FALSE(doc.runs.empty());
    for (const auto& r : doc.runs) {
        EXPECT_GE(r.x, margin - 0.01) << r.text;
        EXPECT_LE(r.x + r.width, doc.pageSize.width - margin + 0.01) << r.text << " page " << r.page;
        EXPECT_GE(r.bottom(), margin - 0.01) << r.text;
        EXPECT_LE(r.top(), doc.pageSize.height - margin + 0.01) << r.text;
        EXPECT_LT(r.page, doc.pages);
    }
}

} // namespace madoguchi::test

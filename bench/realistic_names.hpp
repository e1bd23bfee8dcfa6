#pragma once
// Realistic Japanese residents for benchmarks and load tests: common surnames and given names with
// their readings, a share of foreign residents, birth dates over a century.
#include "core/cases/case.hpp"

#include <array>
#include <random>
#include <string>

namespace madoguchi::bench {

struct NamePart {
    const char* kanji;
    const char* kana;
};

// The most frequent surnames (by the usual national rankings) and some rarer ones.
inline constexpr std::array<NamePart, 40> kSurnames{{
    {"佐藤", "サトウ"},   {"鈴木", "スズキ"},   {"高橋", "タカハシ"},   {"田中", "タナカ"},   {"伊藤", "イトウ"},
    {"渡辺", "ワタナベ"}, {"山本", "ヤマモト"}, {"中村", "ナカムラ"},   {"小林", "コバヤシ"}, {"加藤", "カトウ"},
    {"吉田", "ヨシダ"},   {"山田", "ヤマダ"},   {"佐々木", "ササキ"},   {"山口", "ヤマグチ"}, {"松本", "マツモト"},
    {"井上", "イノウエ"}, {"木村", "キムラ"},   {"林", "ハヤシ"},       {"斎藤", "サイトウ"}, {"清水", "シミズ"},
    {"山崎", "ヤマザキ"}, {"森", "モリ"},       {"池田", "イケダ"},     {"橋本", "ハシモト"}, {"阿部", "アベ"},
    {"石川", "イシカワ"}, {"山下", "ヤマシタ"}, {"中島", "ナカジマ"},   {"石井", "イシイ"},   {"小川", "オガワ"},
    {"前田", "マエダ"},   {"岡田", "オカダ"},   {"長谷川", "ハセガワ"}, {"藤田", "フジタ"},   {"後藤", "ゴトウ"},
    {"髙橋", "タカハシ"}, {"渡邉", "ワタナベ"}, {"齋藤", "サイトウ"},   {"𠮷田", "ヨシダ"},   {"東海林", "ショウジ"},
}};

inline constexpr std::array<NamePart, 40> kGivenNames{{
    {"太郎", "タロウ"},   {"花子", "ハナコ"},   {"一郎", "イチロウ"}, {"健太", "ケンタ"}, {"翔太", "ショウタ"},
    {"大輔", "ダイスケ"}, {"誠", "マコト"},     {"直樹", "ナオキ"},   {"美咲", "ミサキ"}, {"陽菜", "ヒナ"},
    {"結衣", "ユイ"},     {"さくら", "サクラ"}, {"蓮", "レン"},       {"悠真", "ユウマ"}, {"陽翔", "ハルト"},
    {"湊", "ミナト"},     {"結菜", "ユイナ"},   {"葵", "アオイ"},     {"凛", "リン"},     {"芽依", "メイ"},
    {"和子", "カズコ"},   {"幸子", "サチコ"},   {"節子", "セツコ"},   {"清", "キヨシ"},   {"茂", "シゲル"},
    {"博", "ヒロシ"},     {"勇", "イサム"},     {"恵子", "ケイコ"},   {"裕子", "ユウコ"}, {"由美子", "ユミコ"},
    {"智子", "トモコ"},   {"隆", "タカシ"},     {"浩", "ヒロシ"},     {"学", "マナブ"},   {"剛", "ツヨシ"},
    {"美穂", "ミホ"},     {"愛", "アイ"},       {"翼", "ツバサ"},     {"大和", "ヤマト"}, {"樹", "イツキ"},
}};

inline constexpr std::array<NamePart, 6> kForeignNames{{
    {"NGUYEN VAN AN", "グエン ヴァン アン"},
    {"SMITH JOHN", "スミス ジョン"},
    {"WANG FANG", "ワン ファン"},
    {"KIM MINJUN", "キム ミンジュン"},
    {"SILVA MARIA", "シルバ マリア"},
    {"SANTOS JOSE", "サントス ホセ"},
}};

inline CaseDraft randomResident(std::mt19937_64& rng)
{
    CaseDraft d;
    std::uniform_int_distribution<int> pct(0, 99), year(1925, 2023), month(1, 12), day(1, 28), proc(0, 13);
    if (pct(rng) < 3) {
        const auto& f = kForeignNames[rng() % kForeignNames.size()];
        d.resident.name = f.kanji;
        d.resident.kana = f.kana;
        d.resident.foreignResident = true;
    } else {
        const auto& s = kSurnames[rng() % kSurnames.size()];
        const auto& g = kGivenNames[rng() % kGivenNames.size()];
        d.resident.name = std::string(s.kanji) + " " + g.kanji;
        d.resident.kana = std::string(s.kana) + " " + g.kana;
    }
    d.resident.birth = boost::gregorian::date(year(rng), month(rng), day(rng));
    d.resident.address = "東京都小平市小川町2丁目" + std::to_string(pct(rng) * 13 + 1) + "番地";
    d.procedure = static_cast<Procedure>(proc(rng));
    d.window = std::to_string(1 + pct(rng) % 6);
    d.clerk = "clerk" + std::to_string(1 + pct(rng) % 12);
    return d;
}

} // namespace madoguchi::bench

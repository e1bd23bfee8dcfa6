#include "core/card/status_words.hpp"

#include <array>
#include <cstdio>

namespace madoguchi::card {

namespace {

struct Entry {
    std::uint16_t sw;
    const char* japanese;
    const char* english;
};

constexpr std::array kTable{
    Entry{0x9000, "正常終了", "success"},
    Entry{0x6282, "ファイルの終わりに達しました", "end of file reached before Le bytes"},
    Entry{0x6700, "長さが誤っています", "wrong length"},
    Entry{0x6981, "ファイル構造と合わないコマンドです", "command incompatible with the file structure"},
    Entry{0x6982, "セキュリティ条件を満たしていません（暗証番号が必要）", "security status not satisfied (PIN needed)"},
    Entry{0x6984, "暗証番号がロックされています", "reference data blocked (PIN locked)"},
    Entry{0x6986, "ファイルが選択されていません", "command not allowed (no current file)"},
    Entry{0x6A81, "機能がサポートされていません", "function not supported"},
    Entry{0x6A82, "ファイルまたはアプリケーションが見つかりません", "file or application not found"},
    Entry{0x6A86, "P1-P2が誤っています", "incorrect P1-P2"},
    Entry{0x6B00, "オフセットが範囲外です", "wrong parameters (offset outside the file)"},
    Entry{0x6D00, "命令コードがサポートされていません", "instruction not supported"},
    Entry{0x6E00, "クラスがサポートされていません", "class not supported"},
    Entry{0x6F00, "原因不明のエラーです", "no precise diagnosis"},
};

} // namespace

std::string statusHex(std::uint16_t sw)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02X %02X", sw >> 8, sw & 0xFF);
    return buf;
}

StatusMeaning describeStatus(std::uint16_t sw)
{
    std::string hex = "SW " + statusHex(sw) + ": ";
    if ((sw & 0xFFF0) == 0x63C0) {
        int n = sw & 0x0F;
        return {hex + "暗証番号の残り回数 " + std::to_string(n) + " 回", hex + std::to_string(n) + " PIN tries left"};
    }
    for (const auto& e : kTable)
        if (e.sw == sw)
            return {hex + e.japanese, hex + e.english};
    return {hex + "想定外の応答です", hex + "unexpected status word"};
}

PinAnswer interpretVerify(std::uint16_t sw)
{
    if (sw == 0x9000)
        return {PinAnswer::Kind::Verified, 0};
    if ((sw & 0xFFF0) == 0x63C0)
        return {PinAnswer::Kind::TriesLeft, sw & 0x0F};
    if (sw == 0x6984 || sw == 0x6983)
        return {PinAnswer::Kind::Blocked, 0};
    return {PinAnswer::Kind::Other, 0};
}

} // namespace madoguchi::card

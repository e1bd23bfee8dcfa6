#include "core/text/line_breaking.hpp"

#include <algorithm>

namespace madoguchi::text {

namespace {

// JIS X 4051 行頭禁則: closing brackets, Japanese punctuation, small kana, the prolonged sound
// mark and iteration marks never start a line; they stay with the character before them (追い出し).
constexpr std::u32string_view kNoStart =
    U"、。，．,.)]}）］｝〕〉》」』】〙〗〟’”｠»ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ"
    U"ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜～？！?!‼⁇⁈⁉・：；:;‥…％%℃°′″";
// 行末禁則: opening brackets never end a line.
constexpr std::u32string_view kNoEnd = U"([{（［｛〔〈《「『【〘〖〝‘“｟«";

bool isSpace(char32_t c)
{
    return c == U' ' || c == U'\t' || c == U'\u3000';
}

// Characters of Latin-script words and numbers: below the CJK blocks. Full-width letters and digits
// (ＡＢＣ, １２３) are laid out like kanji and may break anywhere.
bool isWordChar(char32_t c)
{
    return (c > U' ' && c < 0x2000) || c == 0x2010 || c == 0x2011 || c == 0x2019;
}

bool breakAllowedBefore(char32_t prev, char32_t cur)
{
    if (isSpace(cur))
        return false; // a space stays at the end of the word before it
    if (mayNotStartLine(cur) || mayNotEndLine(prev))
        return false;
    if (isSpace(prev))
        return true;
    return !(isWordChar(prev) && isWordChar(cur));
}

std::string encode(const std::vector<char32_t>& cps, std::size_t from, std::size_t to)
{
    std::string s;
    for (std::size_t i = from; i < to; ++i)
        appendUtf8(s, cps[i]);
    return s;
}

std::string trimRight(std::string s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.pop_back();
    // U+3000 (ideographic space) is three bytes: E3 80 80.
    while (s.size() >= 3 && s.compare(s.size() - 3, 3, "\xE3\x80\x80") == 0)
        s.resize(s.size() - 3);
    return s;
}

void breakParagraph(const std::vector<char32_t>& cps, double maxWidth, const MeasureText& measure,
                    std::vector<std::string>& lines)
{
    // Segments: the pieces between break opportunities.
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start < cps.size() && isSpace(cps[start]))
        ++start; // a paragraph's leading spaces would only push the first line in
    for (std::size_t i = start + 1; i <= cps.size(); ++i)
        if (i == cps.size() || breakAllowedBefore(cps[i - 1], cps[i])) {
            segments.push_back(encode(cps, start, i));
            start = i;
        }
    if (segments.empty()) {
        lines.emplace_back();
        return;
    }

    std::string line;
    double lineWidth = 0; // including the trailing spaces of its last segment
    auto flush = [&] {
        lines.push_back(trimRight(line));
        line.clear();
        lineWidth = 0;
    };
    for (const auto& seg : segments) {
        std::string bare = trimRight(seg);
        double bareWidth = measure(bare);
        if (!line.empty() && lineWidth + bareWidth > maxWidth)
            flush();
        if (line.empty() && bareWidth > maxWidth) {
            // A word longer than the line: cut it between characters.
            auto segCps = decodeUtf8(bare);
            std::size_t from = 0;
            while (from < segCps.size()) {
                std::size_t to = from + 1;
                while (to < segCps.size() && measure(encode(segCps, from, to + 1)) <= maxWidth)
                    ++to;
                std::string piece = encode(segCps, from, to);
                if (to < segCps.size()) {
                    lines.push_back(piece);
                } else {
                    line = piece;
                    lineWidth = measure(piece);
                }
                from = to;
            }
            std::string spaces = seg.substr(bare.size());
            line += spaces;
            lineWidth += measure(spaces);
            continue;
        }
        line += seg;
        lineWidth += measure(seg);
    }
    if (!line.empty())
        flush();
}

} // namespace

bool mayNotStartLine(char32_t c)
{
    return kNoStart.find(c) != std::u32string_view::npos;
}
bool mayNotEndLine(char32_t c)
{
    return kNoEnd.find(c) != std::u32string_view::npos;
}

std::vector<std::string> breakLines(std::string_view text, double maxWidth, const MeasureText& measure)
{
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (true) {
        std::size_t nl = text.find('\n', pos);
        std::string_view para = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        if (!para.empty() && para.back() == '\r')
            para.remove_suffix(1);
        breakParagraph(decodeUtf8(para), maxWidth, measure, lines);
        if (nl == std::string_view::npos)
            break;
        pos = nl + 1;
    }
    return lines;
}

std::vector<char32_t> decodeUtf8(std::string_view s)
{
    std::vector<char32_t> out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
        bool ok = true;
        for (int k = 1; k < len; ++k) {
            auto cb = static_cast<unsigned char>(s[i + k]);
            if ((cb & 0xC0) != 0x80)
                ok = false;
            c = (c << 6) | (cb & 0x3F);
        }
        if (!ok) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        out.push_back(c);
        i += len;
    }
    return out;
}

void appendUtf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

} // namespace madoguchi::text

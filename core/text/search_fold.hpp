#pragma once
// Text folding for search, done by ICU's transliterators rather than hand-made tables:
// full-width/half-width variants (NFKC), katakana ↔ hiragana, case, and spaces all compare equal;
// variant characters (髙/高, 﨑/崎: variant_fold.hpp) fold to one representative.
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi {

// ヤマダ　タロウ, ﾔﾏﾀﾞﾀﾛｳ and やまだ たろう all fold to やまだたろう; ＡＢＣ to abc; 髙橋 to 高橋.
std::string foldForSearch(std::string_view text);

// Changes whenever foldForSearch would fold some text differently (it names the variant table):
// stored folded columns made under another value are folded again.
std::string searchFoldId();

// NFKC only: full-width ASCII to ASCII, half-width katakana to full width.
std::string normalizeWidth(std::string_view text);

// The text's characters (code points after folding) separated by single spaces: "山 田 太 郎".
// A full-text index over single characters turns any substring query into a phrase query,
// which is how one- and two-character queries are served (a trigram index cannot).
std::string spacedCharacters(std::string_view folded);

// Number of code points.
std::size_t codePointCount(std::string_view text);

std::string trimmed(std::string_view text);

// True when the text holds only kana (either script, any width), the prolonged sound mark,
// the middle dot and spaces: what a フリガナ field may contain.
bool isKanaText(std::string_view text);

} // namespace madoguchi

#pragma once
// Just enough of a TrueType reader for printing: advance widths for layout, and a subset font
// holding only the characters a document uses.
//
// Why a subset of our own: libharu 2.3.0 embeds the TTF it is given with every table but the
// unused glyph outlines (about 600 KB for IPAex Gothic, 250 KB compressed), and building its
// CID font walks IPAex's 5,000-segment cmap for each of the 65,536 code points (~80 ms a
// document). Given a subset with a few hundred glyphs, libharu writes a font of a few tens of KB in
// a few milliseconds; the PDF is the same to a viewer or printer (docs/architecture.md, "Printing";
// docs/benchmarks.md).
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::reports {

class TrueTypeFont {
public:
    // Parsed once per process and path; throws StorageError for a missing or broken file.
    static const TrueTypeFont& load(const std::filesystem::path& path);

    // Glyph id for a character; 0 (.notdef) when the font has none — or when the character lies
    // outside the Basic Multilingual Plane, which libharu 2.3.0's UTF-8 encoder cannot address.
    std::uint16_t glyphFor(char32_t c) const;
    bool has(char32_t c) const { return glyphFor(c) != 0; }
    // The advance in thousandths of the font size, truncated the way libharu writes its /W array,
    // so that our layout and the PDF viewer place every glyph at the same x.
    int advanceMilli(char32_t c) const;

    // A complete TrueType file with .notdef, the glyphs of `chars` (and the glyphs composite
    // glyphs refer to), a (3,1) format 4 cmap, and the hinting tables copied.
    std::string subset(const std::set<char32_t>& chars) const;

private:
    TrueTypeFont() = default;
    struct Table {
        std::uint32_t offset = 0, length = 0;
    };
    Table table(const char* tag) const;
    std::string_view glyphData(std::uint16_t gid) const;
    std::uint16_t advanceUnits(std::uint16_t gid) const;
    std::int16_t leftBearing(std::uint16_t gid) const;

    std::string data_;
    std::vector<std::pair<std::string, Table>> tables_;
    std::uint16_t unitsPerEm_ = 1000, numGlyphs_ = 0, numHMetrics_ = 0;
    bool longLoca_ = false;
    std::vector<std::uint16_t> bmp_; // code point → glyph id
};

} // namespace madoguchi::reports

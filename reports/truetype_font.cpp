#include "reports/truetype_font.hpp"

#include "core/common/errors.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

namespace madoguchi::reports {

namespace {

std::uint16_t u16(std::string_view d, std::size_t at)
{
    if (at + 2 > d.size())
        throw std::out_of_range("truncated font");
    return static_cast<std::uint16_t>((static_cast<unsigned char>(d[at]) << 8) | static_cast<unsigned char>(d[at + 1]));
}

std::uint32_t u32(std::string_view d, std::size_t at)
{
    return (static_cast<std::uint32_t>(u16(d, at)) << 16) | u16(d, at + 2);
}

void put16(std::string& s, std::uint16_t v)
{
    s += static_cast<char>(v >> 8);
    s += static_cast<char>(v & 0xFF);
}

void put32(std::string& s, std::uint32_t v)
{
    put16(s, static_cast<std::uint16_t>(v >> 16));
    put16(s, static_cast<std::uint16_t>(v & 0xFFFF));
}

void set16(std::string& s, std::size_t at, std::uint16_t v)
{
    s[at] = static_cast<char>(v >> 8);
    s[at + 1] = static_cast<char>(v & 0xFF);
}

std::uint32_t checksum(std::string_view t)
{
    std::uint32_t sum = 0;
    std::string padded(t);
    padded.resize((padded.size() + 3) & ~std::size_t{3}, '\0');
    for (std::size_t i = 0; i < padded.size(); i += 4)
        sum += u32(padded, i);
    return sum;
}

// Composite glyph flags (TrueType 'glyf' spec).
constexpr std::uint16_t kArgsAreWords = 0x0001, kHaveScale = 0x0008, kMoreComponents = 0x0020, kHaveXYScale = 0x0040,
                        kHaveTwoByTwo = 0x0080;

// Calls f(offset of the glyph index within `glyph`) for each component of a composite glyph.
template <typename F> void forEachComponent(std::string_view glyph, F f)
{
    if (glyph.size() < 10 || static_cast<std::int16_t>(u16(glyph, 0)) >= 0)
        return;
    std::size_t p = 10;
    while (true) {
        std::uint16_t flags = u16(glyph, p);
        f(p + 2);
        p += 4 + ((flags & kArgsAreWords) ? 4 : 2);
        if (flags & kHaveScale)
            p += 2;
        else if (flags & kHaveXYScale)
            p += 4;
        else if (flags & kHaveTwoByTwo)
            p += 8;
        if (!(flags & kMoreComponents))
            break;
    }
}

} // namespace

const TrueTypeFont& TrueTypeFont::load(const std::filesystem::path& path)
{
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<TrueTypeFont>> cache;
    std::lock_guard lock(mutex);
    auto& slot = cache[path.string()];
    if (slot)
        return *slot;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw StorageError(StorageError::Kind::Io, "cannot read the font " + path.string());
    std::ostringstream buf;
    buf << in.rdbuf();
    std::unique_ptr<TrueTypeFont> f(new TrueTypeFont());
    f->data_ = std::move(buf).str();
    try {
        std::string_view d = f->data_;
        std::uint16_t n = u16(d, 4);
        for (std::uint16_t i = 0; i < n; ++i) {
            std::size_t rec = 12 + 16u * i;
            f->tables_.push_back({std::string(d.substr(rec, 4)), {u32(d, rec + 8), u32(d, rec + 12)}});
            if (f->tables_.back().second.offset + f->tables_.back().second.length > d.size())
                throw std::out_of_range("table beyond the end of the file");
        }
        auto head = f->table("head"), hhea = f->table("hhea"), maxp = f->table("maxp"), cmap = f->table("cmap");
        f->table("hmtx");
        f->table("loca");
        f->table("glyf");
        f->unitsPerEm_ = u16(d, head.offset + 18);
        f->longLoca_ = u16(d, head.offset + 50) == 1;
        f->numGlyphs_ = u16(d, maxp.offset + 4);
        f->numHMetrics_ = u16(d, hhea.offset + 34);
        if (f->unitsPerEm_ == 0 || f->numHMetrics_ == 0)
            throw std::out_of_range("bad header");
        // The Windows Unicode BMP subtable (3,1) format 4: the one libharu reads too.
        f->bmp_.assign(0x10000, 0);
        std::uint16_t subtables = u16(d, cmap.offset + 2);
        bool found = false;
        for (std::uint16_t i = 0; i < subtables && !found; ++i) {
            std::size_t rec = cmap.offset + 4 + 8u * i;
            std::size_t st = cmap.offset + u32(d, rec + 4);
            if (u16(d, rec) != 3 || u16(d, rec + 2) != 1 || u16(d, st) != 4)
                continue;
            found = true;
            std::uint16_t segs = u16(d, st + 6) / 2;
            std::size_t ends = st + 14, starts = ends + 2u * segs + 2, deltas = starts + 2u * segs,
                        ranges = deltas + 2u * segs;
            for (std::uint16_t s = 0; s < segs; ++s) {
                std::uint32_t end = u16(d, ends + 2u * s), start = u16(d, starts + 2u * s);
                std::uint16_t delta = u16(d, deltas + 2u * s), range = u16(d, ranges + 2u * s);
                for (std::uint32_t c = start; c <= end && c < 0xFFFF; ++c) {
                    std::uint16_t g;
                    if (range == 0) {
                        g = static_cast<std::uint16_t>(c + delta);
                    } else {
                        g = u16(d, ranges + 2u * s + range + 2u * (c - start));
                        if (g != 0)
                            g = static_cast<std::uint16_t>(g + delta);
                    }
                    f->bmp_[c] = g < f->numGlyphs_ ? g : 0;
                }
            }
        }
        if (!found)
            throw std::out_of_range("no Unicode (3,1) format 4 cmap");
    } catch (const std::out_of_range& e) {
        throw StorageError(StorageError::Kind::Corrupt, "the font " + path.string() + " is unusable: " + e.what());
    }
    slot = std::move(f);
    return *slot;
}

TrueTypeFont::Table TrueTypeFont::table(const char* tag) const
{
    for (const auto& [t, tb] : tables_)
        if (t == tag)
            return tb;
    throw std::out_of_range(std::string("no '") + tag + "' table");
}

std::uint16_t TrueTypeFont::glyphFor(char32_t c) const
{
    return c < 0xFFFF ? bmp_[c] : 0;
}

std::uint16_t TrueTypeFont::advanceUnits(std::uint16_t gid) const
{
    auto hmtx = table("hmtx");
    std::uint16_t i = gid < numHMetrics_ ? gid : static_cast<std::uint16_t>(numHMetrics_ - 1);
    return u16(data_, hmtx.offset + 4u * i);
}

std::int16_t TrueTypeFont::leftBearing(std::uint16_t gid) const
{
    auto hmtx = table("hmtx");
    if (gid < numHMetrics_)
        return static_cast<std::int16_t>(u16(data_, hmtx.offset + 4u * gid + 2));
    return static_cast<std::int16_t>(u16(data_, hmtx.offset + 4u * numHMetrics_ + 2u * (gid - numHMetrics_)));
}

int TrueTypeFont::advanceMilli(char32_t c) const
{
    return static_cast<int>(static_cast<std::uint32_t>(advanceUnits(glyphFor(c))) * 1000u / unitsPerEm_);
}

std::string_view TrueTypeFont::glyphData(std::uint16_t gid) const
{
    auto loca = table("loca"), glyf = table("glyf");
    std::uint32_t a, b;
    if (longLoca_) {
        a = u32(data_, loca.offset + 4u * gid);
        b = u32(data_, loca.offset + 4u * gid + 4);
    } else {
        a = 2u * u16(data_, loca.offset + 2u * gid);
        b = 2u * u16(data_, loca.offset + 2u * gid + 2);
    }
    if (b < a || glyf.offset + b > data_.size())
        return {};
    return std::string_view(data_).substr(glyf.offset + a, b - a);
}

std::string TrueTypeFont::subset(const std::set<char32_t>& chars) const
{
    // New glyph ids in code point order, so that runs of characters (kana, digits) become runs of
    // glyph ids and share one cmap segment.
    std::vector<std::uint16_t> oldIds{0};
    std::map<std::uint16_t, std::uint16_t> newId{{0, 0}};
    std::vector<std::pair<std::uint16_t, std::uint16_t>> cmapEntries; // code point, new id
    auto addGlyph = [&](std::uint16_t old) {
        auto [it, inserted] = newId.emplace(old, static_cast<std::uint16_t>(oldIds.size()));
        if (inserted)
            oldIds.push_back(old);
        return it->second;
    };
    for (char32_t c : chars)
        if (std::uint16_t g = glyphFor(c))
            cmapEntries.emplace_back(static_cast<std::uint16_t>(c), addGlyph(g));
    for (std::size_t i = 0; i < oldIds.size(); ++i) // grows while composites pull components in
        forEachComponent(glyphData(oldIds[i]), [&](std::size_t at) { addGlyph(u16(glyphData(oldIds[i]), at)); });

    std::string glyf, loca, hmtx;
    for (std::uint16_t old : oldIds) {
        put32(loca, static_cast<std::uint32_t>(glyf.size()));
        std::string g(glyphData(old));
        forEachComponent(g, [&](std::size_t at) { set16(g, at, newId.at(u16(g, at))); });
        g.resize((g.size() + 3) & ~std::size_t{3}, '\0');
        glyf += g;
        put16(hmtx, advanceUnits(old));
        put16(hmtx, static_cast<std::uint16_t>(leftBearing(old)));
    }
    put32(loca, static_cast<std::uint32_t>(glyf.size()));
    auto count = static_cast<std::uint16_t>(oldIds.size());

    auto copy = [&](const char* tag) {
        auto t = table(tag);
        return data_.substr(t.offset, t.length);
    };
    std::string head = copy("head");
    set16(head, 8, 0);
    set16(head, 10, 0); // checkSumAdjustment: left 0, as many subsetters do
    set16(head, 50, 1); // long loca
    std::string hhea = copy("hhea");
    set16(hhea, 34, count);
    std::string maxp = copy("maxp");
    set16(maxp, 4, count);
    std::string post = copy("post").substr(0, 32);
    set16(post, 0, 3); // format 3: no glyph names (the old ones would name the wrong glyphs)
    set16(post, 2, 0);

    // cmap: one (3,1) format 4 subtable; consecutive code points with consecutive ids share a
    // segment (idDelta), and the mandatory 0xFFFF segment ends it.
    std::vector<std::array<std::uint16_t, 3>> segs; // start, end, delta
    for (auto [c, g] : cmapEntries) {
        if (!segs.empty() && segs.back()[1] + 1 == c && static_cast<std::uint16_t>(c + segs.back()[2]) == g)
            segs.back()[1] = c;
        else
            segs.push_back({c, c, static_cast<std::uint16_t>(g - c)});
    }
    segs.push_back({0xFFFF, 0xFFFF, 1});
    auto segCount = static_cast<std::uint16_t>(segs.size());
    std::uint16_t pow2 = 1, entrySelector = 0;
    while (pow2 * 2 <= segCount) {
        pow2 = static_cast<std::uint16_t>(pow2 * 2);
        ++entrySelector;
    }
    auto searchRange = static_cast<std::uint16_t>(2 * pow2);
    std::string sub;
    put16(sub, 4);
    put16(sub, static_cast<std::uint16_t>(16 + 8 * segCount));
    put16(sub, 0);
    put16(sub, static_cast<std::uint16_t>(2 * segCount));
    put16(sub, searchRange);
    put16(sub, entrySelector);
    put16(sub, static_cast<std::uint16_t>(2 * segCount - searchRange));
    for (auto& s : segs)
        put16(sub, s[1]);
    put16(sub, 0);
    for (auto& s : segs)
        put16(sub, s[0]);
    for (auto& s : segs)
        put16(sub, s[2]);
    for (std::size_t i = 0; i < segs.size(); ++i)
        put16(sub, 0);
    std::string cmap;
    put16(cmap, 0);
    put16(cmap, 1);
    put16(cmap, 3);
    put16(cmap, 1);
    put32(cmap, 12);
    cmap += sub;

    std::map<std::string, std::string> out{{"head", head}, {"hhea", hhea}, {"maxp", maxp}, {"post", post},
                                           {"cmap", cmap}, {"glyf", glyf}, {"loca", loca}, {"hmtx", hmtx}};
    for (const char* tag : {"OS/2", "name", "cvt ", "fpgm", "prep", "gasp"})
        if (std::any_of(tables_.begin(), tables_.end(), [&](const auto& t) { return t.first == tag; }))
            out[tag] = copy(tag);

    std::string file;
    auto n = static_cast<std::uint16_t>(out.size());
    std::uint16_t tablePow2 = 1, log2 = 0;
    while (tablePow2 * 2 <= n) {
        tablePow2 = static_cast<std::uint16_t>(tablePow2 * 2);
        ++log2;
    }
    put32(file, 0x00010000);
    put16(file, n);
    put16(file, static_cast<std::uint16_t>(tablePow2 * 16));
    put16(file, log2);
    put16(file, static_cast<std::uint16_t>(n * 16 - tablePow2 * 16));
    std::uint32_t offset = 12 + 16u * n;
    std::string body;
    for (const auto& [tag, t] : out) { // std::map: tags in ascending order, as the format wants
        file += tag;
        put32(file, checksum(t));
        put32(file, offset + static_cast<std::uint32_t>(body.size()));
        put32(file, static_cast<std::uint32_t>(t.size()));
        body += t;
        body.resize((body.size() + 3) & ~std::size_t{3}, '\0');
    }
    return file + body;
}

} // namespace madoguchi::reports

#pragma once
// Variant characters (異体字) in names: 髙橋 and 高橋, 﨑 and 崎, 𠮷 and 吉, 齋藤 and 斎藤 are one
// name to a clerk who types the common form. Search folds each variant to one representative of
// its class; the table is generated at build time from Unicode's Unihan variant data and KANJIDIC2
// (core/text/generate_variant_table.py says which links and why). Stored names are never folded.
#include <string>
#include <string_view>

namespace madoguchi {

// The representative of c's variant class, or c itself.
char32_t representativeVariant(char32_t c);

// Every character of UTF-8 text replaced by its representative.
std::string foldVariants(std::string_view utf8);

// Names the table (its sources' versions and a digest of its pairs). A case book whose search
// columns were folded with another table folds them again when it opens.
std::string_view variantTableId();

} // namespace madoguchi

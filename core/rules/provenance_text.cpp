// See provenance_text.hpp.
#include "core/rules/provenance_text.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

namespace madoguchi::rules {

std::string provenanceText(const Provenance& p)
{
    std::string dates;
    if (!p.effectiveFrom.is_special())
        dates = boost::gregorian::to_iso_extended_string(p.effectiveFrom) + "〜";
    if (p.effectiveUntil)
        dates += boost::gregorian::to_iso_extended_string(*p.effectiveUntil);
    return p.file + " · " + p.entry + (dates.empty() ? "" : "（" + dates + "）") +
           (p.source.empty() ? "" : ": " + p.source);
}

} // namespace madoguchi::rules

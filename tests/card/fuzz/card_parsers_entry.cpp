#include "card_parsers_entry.hpp"

#include "core/card/apdu.hpp"
#include "core/card/ber_tlv.hpp"
#include "core/card/card_error.hpp"
#include "core/card/card_info_files.hpp"
#include "core/card/certificate.hpp"
#include "core/card/status_words.hpp"
#include "core/card/token_info.hpp"

#include <span>

namespace madoguchi::fuzz {

void runCardParsers(const std::uint8_t* data, std::size_t size)
{
    using namespace madoguchi::card;
    std::span<const std::uint8_t> in(data, size);
    // A CardError is the parsers' way of refusing bad bytes; anything else (a crash, a sanitizer
    // report, another exception) is a finding.
    auto refuse = [](auto&& f) {
        try {
            f();
        } catch (const CardError&) {
        }
    };
    refuse([&] {
        Response r = parseResponse(Bytes(in.begin(), in.end()));
        (void)describeStatus(r.sw);
        (void)interpretVerify(r.sw);
    });
    if (auto t = parseTlv(in))
        (void)t->size();
    (void)identifyToken(in);
    (void)basicFactsFileSize(in);
    refuse([&] { (void)parseBasicFactsFile(in); });
    refuse([&] { (void)parseMyNumberFile(in); });
    if (auto n = derCertificateSize(in); n && *n <= in.size())
        refuse([&] { (void)parseCertificateValidity(in.first(*n)); });
    refuse([&] { (void)parseCertificateValidity(in); });
}

} // namespace madoguchi::fuzz

#ifdef MADOGUCHI_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    madoguchi::fuzz::runCardParsers(data, size);
    return 0;
}
#endif

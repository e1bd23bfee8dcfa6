#include "core/card/certificate.hpp"

#include "core/card/ber_tlv.hpp"
#include "core/card/card_error.hpp"

#include <cstdio>
#include <ctime>
#include <memory>
#include <openssl/asn1.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

namespace madoguchi::card {

namespace {

[[noreturn]] void malformed(const std::string& japanese, const std::string& english)
{
    throw CardError(CardErrorKind::MalformedData, "利用者証明用電子証明書が読めません：" + japanese,
                    "the authentication certificate is unreadable: " + english);
}

std::string iso(const std::tm& t, bool withTime)
{
    char buf[64];
    if (withTime)
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday,
                      t.tm_hour, t.tm_min, t.tm_sec);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday);
    return buf;
}

std::tm toTm(const ASN1_TIME* time)
{
    std::tm t{};
    if (!time || ASN1_TIME_to_tm(time, &t) != 1)
        malformed("有効期間の日時が不正です", "the validity time does not parse");
    return t;
}

std::string fingerprint(std::span<const std::uint8_t> der)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (EVP_Digest(der.data(), der.size(), md, &n, EVP_sha256(), nullptr) != 1)
        return {};
    static const char digits[] = "0123456789ABCDEF";
    std::string s;
    for (unsigned int i = 0; i < n; ++i) {
        if (i)
            s += ':';
        s += digits[md[i] >> 4];
        s += digits[md[i] & 0x0F];
    }
    return s;
}

// The two times of a validity, and the day of notAfter in Japan: Japan has no daylight saving
// time, so UTC+9 all year.
CertificateValidity validityOf(const ASN1_TIME* notBefore, const ASN1_TIME* notAfter)
{
    std::tm before = toTm(notBefore);
    std::tm after = toTm(notAfter);
    std::tm jst = after;
    jst.tm_hour += 9;
    if (timegm(&jst) == static_cast<std::time_t>(-1))
        malformed("有効期限が範囲外です", "notAfter out of range");
    return {iso(before, true), iso(after, true), iso(jst, false), {}};
}

// A DER header needs at most 4 bytes here (1 tag byte, 82 hh ll): with fewer left, more must be
// read; with 4 or more, a header that does not parse is not DER.
constexpr std::size_t kLongestHeader = 4;

} // namespace

std::optional<CertificateValidity> validityFromPrefix(std::span<const std::uint8_t> prefix)
{
    std::size_t pos = 0;
    // The header of the element at `pos`, whose tag must be `tag` (0 = any); nullopt = read more.
    auto header = [&](std::uint8_t tag, const char* whatEn) -> std::optional<TlvHeader> {
        auto h = parseTlvHeader(prefix.subspan(pos));
        if (!h) {
            if (prefix.size() - pos < kLongestHeader)
                return std::nullopt;
            malformed("証明書の構造が不正です", std::string("the DER header of the ") + whatEn + " does not parse");
        }
        if (tag && h->tag != tag)
            malformed("証明書の構造が不正です", std::string("the ") + whatEn + " has an unexpected tag");
        return h;
    };
    auto skip = [&](std::uint8_t tag, const char* whatEn) {
        auto h = header(tag, whatEn);
        if (h)
            pos += h->headerSize + h->valueLength;
        return h.has_value() && pos <= prefix.size();
    };
    auto certificate = header(0x30, "certificate");
    if (!certificate)
        return std::nullopt;
    pos += certificate->headerSize;
    auto tbs = header(0x30, "TBSCertificate");
    if (!tbs)
        return std::nullopt;
    pos += tbs->headerSize;
    if (pos < prefix.size() && prefix[pos] == 0xA0 && !skip(0xA0, "version")) // [0] version, optional
        return std::nullopt;
    if (!skip(0x02, "serial number") || !skip(0x30, "signature algorithm") || !skip(0x30, "issuer"))
        return std::nullopt;
    auto validity = header(0x30, "validity");
    if (!validity || prefix.size() - pos < validity->headerSize + validity->valueLength)
        return std::nullopt;
    const unsigned char* p = prefix.data() + pos + validity->headerSize;
    const unsigned char* end = p + validity->valueLength;
    using Time = std::unique_ptr<ASN1_TIME, decltype(&ASN1_TIME_free)>;
    Time notBefore(d2i_ASN1_TIME(nullptr, &p, end - p), ASN1_TIME_free);
    Time notAfter(notBefore ? d2i_ASN1_TIME(nullptr, &p, end - p) : nullptr, ASN1_TIME_free);
    if (!notBefore || !notAfter || p != end)
        malformed("有効期間が不正です", "the validity does not parse");
    return validityOf(notBefore.get(), notAfter.get());
}

std::optional<std::size_t> derCertificateSize(std::span<const std::uint8_t> firstBytes)
{
    auto h = parseTlvHeader(firstBytes);
    if (!h || h->tag != 0x30)
        return std::nullopt;
    std::size_t total = h->headerSize + h->valueLength;
    if (total > kMaxCertificateSize || h->valueLength == 0)
        return std::nullopt;
    return total;
}

CertificateValidity parseCertificateValidity(std::span<const std::uint8_t> der)
{
    const unsigned char* p = der.data();
    std::unique_ptr<X509, decltype(&X509_free)> cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())), X509_free);
    if (!cert)
        malformed("X.509 として解析できません", "not an X.509 certificate (DER)");
    if (p != der.data() + der.size())
        malformed("証明書の後に余分なデータがあります", "bytes left over after the certificate");
    CertificateValidity v = validityOf(X509_get0_notBefore(cert.get()), X509_get0_notAfter(cert.get()));
    v.sha256 = fingerprint(der);
    return v;
}

} // namespace madoguchi::card

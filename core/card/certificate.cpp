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

} // namespace

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
    std::tm before = toTm(X509_get0_notBefore(cert.get()));
    std::tm after = toTm(X509_get0_notAfter(cert.get()));
    // The day in Japan: Japan has no daylight saving time, so UTC+9 all year.
    std::tm jst = after;
    jst.tm_hour += 9;
    if (timegm(&jst) == static_cast<std::time_t>(-1))
        malformed("有効期限が範囲外です", "notAfter out of range");
    return {iso(before, true), iso(after, true), iso(jst, false), fingerprint(der)};
}

} // namespace madoguchi::card

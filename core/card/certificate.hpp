#pragma once
// The user-authentication certificate (EF 00 0A): its length from the DER header, and its
// validity read with OpenSSL's X.509 parser (d2i_X509) — never by hand.
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace madoguchi::card {

// Longest certificate we accept from the card: the real ones are about 1.5 KB; a header that
// announces more is malformed, not a reason to read 64 KB.
inline constexpr std::size_t kMaxCertificateSize = 8192;

// Total size (header included) of the DER SEQUENCE that starts `firstBytes`; nullopt when the
// bytes are not the start of a DER certificate of an acceptable size.
std::optional<std::size_t> derCertificateSize(std::span<const std::uint8_t> firstBytes);

struct CertificateValidity {
    std::string notBefore;     // UTC, ISO 8601 "2024-01-01T00:00:00Z"
    std::string notAfter;      // UTC
    std::string expiryDateJst; // the day of notAfter in Japan (UTC+9), "YYYY-MM-DD"
    std::string sha256;        // fingerprint of the DER, "AB:CD:...", to tell which certificate it is
};

// The validity from the first bytes of a DER certificate, read before the rest has come: the
// header of the certificate and of its TBSCertificate, then version, serial number, signature
// algorithm and issuer skipped by their lengths (our bounds-checked TLV reader), and the Validity
// element's two times parsed by OpenSSL (d2i_ASN1_TIME). The card triage reads the validity so in
// one READ BINARY where the whole certificate takes six. nullopt: the validity is not all in
// `prefix` yet (read more); CardError(MalformedData) when the bytes cannot be a certificate.
// `sha256` stays empty: the fingerprint needs the whole certificate.
std::optional<CertificateValidity> validityFromPrefix(std::span<const std::uint8_t> prefix);

// Parses the whole certificate; throws CardError(MalformedData) when OpenSSL refuses it or
// bytes are left over after it.
CertificateValidity parseCertificateValidity(std::span<const std::uint8_t> der);

} // namespace madoguchi::card

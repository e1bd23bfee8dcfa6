#include "app/common/version_info.hpp"

#include "app/common/process_hardening.hpp"

#include <boost/version.hpp>
#include <dlfcn.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <unicode/uversion.h>

#if __has_include(<pcsclite.h>)
#include <pcsclite.h>
#endif

namespace madoguchi::app {

namespace {

// The optional libraries are asked through the symbols of the running process rather than linked
// here: a program that does not use libsodium should not say it has one, nor pull it in for this.
template <typename Function> Function lookUp(const char* symbol)
{
    return reinterpret_cast<Function>(dlsym(RTLD_DEFAULT, symbol));
}

std::string boostVersion()
{
    return std::to_string(BOOST_VERSION / 100000) + "." + std::to_string(BOOST_VERSION / 100 % 1000) + "." +
           std::to_string(BOOST_VERSION % 100);
}

std::string icuVersion()
{
    UVersionInfo v;
    u_getVersion(v);
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(v, text);
    return text;
}

void addOptional(std::vector<LibraryVersion>& out)
{
    if (auto hpdf = lookUp<const char* (*)()>("HPDF_GetVersion"))
        out.push_back({"libharu", hpdf()});
#ifdef PCSCLITE_VERSION_NUMBER
    // pcsc-lite has no run-time version call; the headers come from the same Debian package.
    if (lookUp<void*>("SCardEstablishContext"))
        out.push_back({"pcsc-lite", PCSCLITE_VERSION_NUMBER});
#endif
    if (auto openssl = lookUp<const char* (*)(int)>("OpenSSL_version")) {
        std::string v = openssl(0); // OPENSSL_VERSION, "OpenSSL 3.0.17 1 Jul 2025" in 1.1 and 3.x alike
        if (v.rfind("OpenSSL ", 0) == 0)
            v.erase(0, 8);
        out.push_back({"OpenSSL", v.substr(0, v.find(' '))});
    }
    if (auto sodium = lookUp<const char* (*)()>("sodium_version_string"))
        out.push_back({"libsodium", sodium()});
    if (auto pq = lookUp<int (*)()>("PQlibVersion")) {
        int v = pq(); // 150010 for 15.10 (two-part numbers since PostgreSQL 10)
        out.push_back({"libpq", std::to_string(v / 10000) + "." + std::to_string(v % 10000)});
    }
}

} // namespace

std::vector<LibraryVersion> libraryVersions()
{
    std::vector<LibraryVersion> out{
        {"Boost", boostVersion()},
        {"SQLite", sqlite3_libversion()},
        {"ICU", icuVersion()},
        {"nlohmann-json", std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." +
                              std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
                              std::to_string(NLOHMANN_JSON_VERSION_PATCH)},
    };
    addOptional(out);
    return out;
}

std::string versionText(const std::string& program, const std::vector<LibraryVersion>& libraries)
{
    std::string text = program + " " + MADOGUCHI_VERSION + "\n";
    for (const auto& l : libraries)
        text += "  " + l.name + std::string(l.name.size() < 14 ? 14 - l.name.size() : 1, ' ') + l.version + "\n";
    text += std::string("core dumps: ") + (coreDumpsAllowed() ? "allowed" : "off") + "\n";
    return text;
}

nlohmann::json versionJson(const std::string& program, const std::vector<LibraryVersion>& libraries)
{
    nlohmann::json libs = nlohmann::json::object();
    for (const auto& l : libraries)
        libs[l.name] = l.version;
    return {
        {"program", program}, {"version", MADOGUCHI_VERSION}, {"libraries", libs}, {"core_dumps", coreDumpsAllowed()}};
}

} // namespace madoguchi::app

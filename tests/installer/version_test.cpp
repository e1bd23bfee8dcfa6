// `--version` of both programs: the project's version and the libraries they really run with,
// checked against what those libraries say in this process.
#include "tests/support/run_process.hpp"

#include <algorithm>
#include <boost/version.hpp>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unicode/uversion.h>

using namespace madoguchi::test;

namespace {

// "1_74" → "1.74": Boost's own spelling of its version, a second source beside BOOST_VERSION.
std::string boostLibVersion()
{
    std::string v = BOOST_LIB_VERSION;
    std::replace(v.begin(), v.end(), '_', '.');
    return v;
}

} // namespace

TEST(Version, CliNamesItsVersionAndTheLibrariesItRunsWith)
{
    auto r = runCli({"--version"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.substr(0, r.out.find('\n')), std::string("madoguchi-cli ") + MADOGUCHI_TEST_VERSION);
    EXPECT_NE(r.out.find("  SQLite"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(sqlite3_libversion()), std::string::npos) << r.out;
}

TEST(Version, CliJsonCarriesTheSameLibraryVersionsAsTheLibrariesThemselves)
{
    auto r = runCli({"--version", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto v = r.json();
    EXPECT_EQ(v["program"], "madoguchi-cli");
    EXPECT_EQ(v["version"], MADOGUCHI_TEST_VERSION);
    EXPECT_EQ(v["libraries"]["SQLite"], sqlite3_libversion());
    // The run-time ICU is the one the headers describe (Debian ships them together).
    EXPECT_EQ(v["libraries"]["ICU"], U_ICU_VERSION);
    EXPECT_EQ(v["libraries"]["Boost"].get<std::string>().rfind(boostLibVersion() + ".", 0), 0u) << v.dump();
    // The PostgreSQL case book, the PDFs and the card reader are built in, so their libraries are
    // loaded; a library the program does not use is not named.
    for (const char* lib : {"libpq", "libharu", "pcsc-lite", "OpenSSL"})
        EXPECT_TRUE(v["libraries"].contains(lib)) << lib << " in " << v.dump();
    EXPECT_FALSE(v["libraries"].contains("wxWidgets")) << v.dump();
    // Read from the kernel (PR_GET_DUMPABLE): a card read's PIN and My Number never reach a core file.
    EXPECT_EQ(v["core_dumps"], false) << v.dump();
}

TEST(Version, JsonBeforeVersionAlsoGivesJson)
{
    auto r = runCli({"--json", "--version"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.json()["program"], "madoguchi-cli");
}

#ifdef MADOGUCHI_GUI_PATH
TEST(Version, WindowAnswersVersionWithoutADisplay)
{
    auto r = runProcess({"env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY", MADOGUCHI_GUI_PATH, "--version"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.substr(0, r.out.find('\n')), std::string("madoguchi ") + MADOGUCHI_TEST_VERSION);
    EXPECT_NE(r.out.find("  wxWidgets"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(sqlite3_libversion()), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("core dumps: off"), std::string::npos) << r.out;
    EXPECT_EQ(r.err, "");
}
#endif

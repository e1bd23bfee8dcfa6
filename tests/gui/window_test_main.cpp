// The window tests' main: an X display (the one scripts/test.sh started, or an Xvfb of our own when
// DISPLAY is unset, so that a plain `ctest` works too), one wx application, then the tests.
#include "tests/support/run_process.hpp"
#include "tests/support/temp_dir.hpp"

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/init.h>

namespace {

class WindowTestApp : public wxApp {
public:
    bool OnInit() override { return true; }
};

// Starts Xvfb through the same script CI uses; returns its pid file to stop it at exit.
std::string ownXvfb(const madoguchi::test::TempDir& dir)
{
    std::string env = (dir / "xvfb.env").string();
    auto r =
        madoguchi::test::runProcess({MADOGUCHI_START_XVFB, env}, "", {"MADOGUCHI_BUILD_DIR=" + dir.path().string()});
    if (r.exitCode != 0)
        return {};
    std::ifstream in(env);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("DISPLAY=", 0) == 0)
            setenv("DISPLAY", line.substr(8).c_str(), 1);
    return (dir / "xvfb" / "xvfb.pid").string();
}

} // namespace

int main(int argc, char** argv)
{
    testing::InitGoogleTest(&argc, argv);
    if (GTEST_FLAG_GET(list_tests))
        return RUN_ALL_TESTS();

    madoguchi::test::TempDir home;
    std::string xvfbPid;
    if (const char* d = std::getenv("DISPLAY"); !d || !*d) {
        xvfbPid = ownXvfb(home);
        if (xvfbPid.empty()) {
            std::fprintf(stderr, "window tests: no DISPLAY and Xvfb could not be started\n");
            return 1;
        }
    }
    // The settings and the saved window layout go to a fresh XDG config folder, not the user's.
    setenv("XDG_CONFIG_HOME", (home / "config").string().c_str(), 1);
    setenv("XDG_CACHE_HOME", (home / "cache").string().c_str(), 1);
    setenv("GTK_A11Y", "none", 1);
    setenv("NO_AT_BRIDGE", "1", 1);

    wxApp::SetInstance(new WindowTestApp);
    int wxArgc = 1;
    if (!wxEntryStart(wxArgc, argv)) {
        std::fprintf(stderr, "window tests: cannot open the display %s\n", std::getenv("DISPLAY"));
        return 1;
    }
    wxTheApp->CallOnInit();
    int result = RUN_ALL_TESTS();
    wxEntryCleanup();
    if (!xvfbPid.empty()) {
        std::ifstream in(xvfbPid);
        pid_t pid = 0;
        if (in >> pid && pid > 0)
            kill(pid, SIGTERM);
    }
    return result;
}

// Who is acting at the console: --user NAME (or $MADOGUCHI_USER) and a password from
// $MADOGUCHI_PASSWORD or typed on the terminal. Never a password on the command line, where `ps`
// and the shell history would show it.
#include "app/cli/cli_context.hpp"
#include "core/common/errors.hpp"
#include "core/security/roles.hpp"
#include "db/audit_log.hpp"
#include "db/user_store.hpp"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace madoguchi::cli {

namespace {

std::string fromTerminal(const std::string& prompt)
{
    int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        throw AccessDenied("no password: set MADOGUCHI_PASSWORD or run from a terminal");
    termios old{};
    bool restore = ::tcgetattr(fd, &old) == 0;
    if (restore) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    (void)!::write(fd, prompt.data(), prompt.size());
    std::string line;
    char c;
    while (::read(fd, &c, 1) == 1 && c != '\n')
        line.push_back(c);
    if (restore)
        ::tcsetattr(fd, TCSAFLUSH, &old);
    (void)!::write(fd, "\n", 1);
    ::close(fd);
    return line;
}

} // namespace

std::string readPassword(const std::string& prompt)
{
    if (const char* env = std::getenv("MADOGUCHI_PASSWORD"))
        return env;
    return fromTerminal(prompt);
}

std::string readPasswordFromStdin(const std::string& what)
{
    std::string line;
    if (!std::getline(std::cin, line) || line.empty())
        throw ValidationError(what + ": give it on standard input (one line)");
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

db::Actor CliContext::actor()
{
    if (actor_)
        return *actor_;
    db::UserStore& users = unauthenticatedStore().users();
    if (!users.hasUsers())
        throw AccessDenied("this case book has no users yet: create the admin first with "
                           "madoguchi-cli user init-admin --name NAME (password on standard input)");
    std::string name = userName;
    if (name.empty())
        if (const char* env = std::getenv("MADOGUCHI_USER"))
            name = env;
    if (name.empty())
        throw AccessDenied("who is acting? give --user NAME (or set MADOGUCHI_USER)");
    actor_ = users.authenticate(name, readPassword("password for " + name + ": "));
    return *actor_;
}

void CliContext::recordAccess(const std::string& action, const std::vector<CaseId>& cases, const std::string& detail)
{
    store().audit().recordAccess(actor(), action, cases, detail);
}

} // namespace madoguchi::cli

// `db backup FILE` on PostgreSQL: pg_dump's custom format (restore with pg_restore), written
// and put in place like every output file (core/files/output_file.hpp). The password never
// goes on pg_dump's command line (visible to every user in ps): it is handed over in PGPASSWORD,
// in an environment cut down to what pg_dump needs.
#include "core/common/errors.hpp"
#include "db/postgresql/postgres_case_store.hpp"

#include <cstdlib>
#include <fcntl.h>
#include <libpq-fe.h>
#include <regex>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace madoguchi::db {

namespace {

std::string passwordIn(const std::string& url)
{
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
    if (error)
        PQfreemem(error);
    std::string password;
    for (auto* o = options; o && o->keyword; ++o)
        if (std::string(o->keyword) == "password" && o->val)
            password = o->val;
    if (options)
        PQconninfoFree(options);
    return password;
}

// pg_dump gets only what it needs to find itself and the server: PATH, HOME (~/.pgpass), the
// locale and zone, and libpq's own PG* variables (PGPASSFILE, PGSSLROOTCERT, …). Nothing else
// of ours: the program's environment may hold the Madoguchi login (MADOGUCHI_PASSWORD).
std::vector<std::string> pgDumpEnvironment(const std::string& password)
{
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) {
        std::string_view entry(*e);
        auto name = entry.substr(0, entry.find('='));
        bool wanted = name == "PATH" || name == "HOME" || name == "LANG" || name == "TZ" || name.rfind("LC_", 0) == 0 ||
                      (name.rfind("PG", 0) == 0 && name != "PGPASSWORD");
        if (wanted)
            env.emplace_back(entry);
    }
    if (!password.empty())
        env.push_back("PGPASSWORD=" + password); // from the URL: never on pg_dump's command line
    else if (const char* given = std::getenv("PGPASSWORD"))
        env.push_back(std::string("PGPASSWORD=") + given); // what our own connection used too
    return env;
}

} // namespace

std::string withoutPassword(const std::string& url)
{
    std::string out = std::regex_replace(url, std::regex("(://[^:@/]*):[^@/]*@"), "$1@");
    out = std::regex_replace(out, std::regex("([?&])password=[^&]*&?"), "$1");
    if (!out.empty() && (out.back() == '?' || out.back() == '&'))
        out.pop_back();
    return out;
}

void PostgresCaseStore::backup(const std::filesystem::path& target, files::Overwrite overwrite,
                               const std::function<void()>& beforePlacing)
{
    files::StagedOutput out(target, overwrite);
    const std::filesystem::path& partial = out.temporaryPath();

    int err[2];
    if (::pipe2(err, O_CLOEXEC) != 0)
        throw StorageError(StorageError::Kind::Io, "backing up: cannot start pg_dump");
    // Debian's /usr/bin/pg_dump runs the newest installed pg_dump (it must be at least as new as
    // the server).
    std::string program = "pg_dump";
    std::string password = passwordIn(session_.url());
    std::string dbname = "--dbname=" + withoutPassword(session_.url());
    std::string file = "--file=" + partial.string();
    std::vector<std::string> environment = pgDumpEnvironment(password);
    std::vector<char*> envp;
    for (auto& e : environment)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(err[1], 2);
        const char* argv[] = {program.c_str(), "--format=custom", "--no-password",
                              dbname.c_str(),  file.c_str(),      nullptr};
        ::execvpe(argv[0], const_cast<char* const*>(argv), envp.data());
        ::_exit(127);
    }
    ::close(err[1]);
    std::string messages;
    char buf[4096];
    for (ssize_t n; (n = ::read(err[0], buf, sizeof buf)) > 0;)
        messages.append(buf, static_cast<std::size_t>(n));
    ::close(err[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
            throw StorageError(StorageError::Kind::Io,
                               "backing up: pg_dump is not installed (apt-get install postgresql-client)");
        auto line = messages.substr(0, messages.find('\n'));
        throw StorageError(StorageError::Kind::Io, "backing up to " + target.string() + ": pg_dump failed: " + line);
    }
    if (beforePlacing)
        beforePlacing();
    out.commit();
}

} // namespace madoguchi::db

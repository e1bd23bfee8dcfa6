#include "app/display/display_options.hpp"

#include "core/cases/reception_number.hpp"
#include "core/common/errors.hpp"

#include <boost/program_options.hpp>
#include <cstdlib>
#include <sstream>

namespace po = boost::program_options;

namespace madoguchi::display {

DisplayOptions parseDisplayOptions(const std::vector<std::string>& args)
{
    DisplayOptions d;
    po::options_description o("madoguchi-display");
    o.add_options()("db", po::value<std::string>(),
                    "the case book: a SQLite file (read-only) or postgresql://… (a display role)")(
        "listen", po::value<std::string>()->default_value("127.0.0.1:8080"),
        "ADDR:PORT to serve the page on (0.0.0.0:8080: every network of this machine)")(
        "office-code", po::value<std::string>(),
        "the office whose queue is shown (default $MADOGUCHI_OFFICE, else main)")(
        "max-connections", po::value<std::size_t>()->default_value(64),
        "screens and page loads served at once (1-1024)")("help", "this text")("version", "the program's version");
    std::ostringstream usage;
    usage << "usage: madoguchi-display --db PATH|URL [--listen ADDR:PORT] [--office-code C]\n\n"
          << "Serves the waiting hall's page: the numbers called and at which window, the next numbers and today's\n"
          << "average wait, live. Reception numbers, windows, counts and minutes only.\n\n"
          << o;
    d.usage = usage.str();
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(o).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw ValidationError(e.what());
    }
    d.help = vm.count("help") > 0;
    d.version = vm.count("version") > 0;
    if (d.help || d.version)
        return d;
    if (!vm.count("db"))
        throw ValidationError("--db: name the case book (a SQLite file or postgresql://…)");
    d.db = vm["db"].as<std::string>();
    d.listen = parseListenAddress(vm["listen"].as<std::string>());
    const char* env = std::getenv("MADOGUCHI_OFFICE");
    d.office = checkOfficeCode(vm.count("office-code") ? vm["office-code"].as<std::string>()
                                                       : (env && *env ? std::string(env) : std::string("main")));
    d.maxConnections = vm["max-connections"].as<std::size_t>();
    if (d.maxConnections < 1 || d.maxConnections > 1024)
        throw ValidationError("--max-connections: between 1 and 1024");
    return d;
}

} // namespace madoguchi::display

#include "app/display/board_json.hpp"

namespace madoguchi::display {

nlohmann::json callJson(const HallCall& c)
{
    return {{"seq", c.seq},
            {"number", c.receptionNumber},
            {"window", c.window},
            {"kind", std::string(historyKindId(c.kind))},
            {"at", c.at}};
}

nlohmann::json boardJson(const HallBoard& b)
{
    nlohmann::json serving = nlohmann::json::array();
    for (const auto& s : b.serving)
        serving.push_back(
            {{"number", s.receptionNumber}, {"window", s.window}, {"called_at", s.calledAt}, {"seq", s.seq}});
    nlohmann::json waits = nlohmann::json::array();
    for (const auto& w : b.waits) {
        const auto& p = info(w.procedure);
        waits.push_back({{"procedure", std::string(p.id)},
                         {"name_ja", std::string(p.nameJa)},
                         {"name_en", std::string(p.nameEn)},
                         {"average_minutes", w.averageMinutes ? nlohmann::json(*w.averageMinutes) : nlohmann::json()},
                         {"called", w.called},
                         {"waiting", w.waiting}});
    }
    nlohmann::json recent = nlohmann::json::array();
    for (const auto& c : b.recentCalls)
        recent.push_back(callJson(c));
    return {{"office", b.office},   {"day", b.day},   {"serving", serving},    {"next", b.next},
            {"waiting", b.waiting}, {"waits", waits}, {"recent_calls", recent}};
}

} // namespace madoguchi::display

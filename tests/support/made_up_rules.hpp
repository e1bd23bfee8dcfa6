#pragma once
// Made-up rule answers for tests of what reads them (the handout, the visit merge): each helper
// names the fields such a test sets and leaves the rest (effective dates, provenance, waivers) at
// their defaults, so an answer's struct can grow a field without every test's braces changing.
#include "core/rules/requirements.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace madoguchi::test {

inline rules::DocumentItem documentItem(std::string id, rules::Text text)
{
    rules::DocumentItem i;
    i.id = std::move(id);
    i.text = std::move(text);
    return i;
}

inline rules::DocumentRequirement requirement(std::string id, rules::Text text,
                                              std::vector<rules::DocumentOption> alternatives,
                                              std::optional<rules::Text> note = std::nullopt)
{
    rules::DocumentRequirement r;
    r.id = std::move(id);
    r.text = std::move(text);
    r.alternatives = std::move(alternatives);
    r.note = std::move(note);
    return r;
}

inline rules::Fee fee(std::string id, int yen, rules::Text label, std::optional<rules::Text> condition = std::nullopt)
{
    rules::Fee f;
    f.id = std::move(id);
    f.yen = yen;
    f.label = std::move(label);
    f.condition = std::move(condition);
    return f;
}

inline rules::Contact contact(std::string id, rules::Text name, std::string phone, rules::Text hours)
{
    rules::Contact c;
    c.id = std::move(id);
    c.name = std::move(name);
    c.phone = std::move(phone);
    c.hours = std::move(hours);
    return c;
}

} // namespace madoguchi::test

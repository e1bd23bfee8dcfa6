#pragma once
#include "core/cases/case.hpp"
#include "db/case_store.hpp"
#include "tests/support/temp_dir.hpp"

namespace madoguchi::test {

inline CaseDraft draft(const std::string& name, const std::string& kana, int year = 1970, int month = 5, int day = 20)
{
    CaseDraft d;
    d.procedure = Procedure::CardReceipt;
    d.resident.name = name;
    d.resident.kana = kana;
    d.resident.birth = boost::gregorian::date(year, month, day);
    d.window = "1";
    return d;
}

inline const db::Actor kClerk{"clerk1"};

} // namespace madoguchi::test

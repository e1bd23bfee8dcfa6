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

#include "tests/db/test_books.hpp"

#include <gtest/gtest.h>

namespace madoguchi::test {

// A store test that runs once per backend (the parameter: "sqlite", "postgresql"), so that
// neither backend drifts from the other.
class BackendTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override
    {
        book = makeTestBook(GetParam());
        if (!book)
            GTEST_SKIP() << "MADOGUCHI_TEST_PG_URL is not set (scripts/test.sh starts a PostgreSQL server)";
        store = db::openStore(book->url());
    }
    std::unique_ptr<TestBook> book;
    std::unique_ptr<db::CaseStore> store; // destroyed before the book
};

inline std::string backendName(const ::testing::TestParamInfo<std::string>& info)
{
    return info.param;
}

#define MADOGUCHI_ON_BOTH_BACKENDS(suite)                                                                              \
    INSTANTIATE_TEST_SUITE_P(Backends, suite, ::testing::Values("sqlite", "postgresql"), ::madoguchi::test::backendName)

} // namespace madoguchi::test

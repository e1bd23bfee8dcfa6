#pragma once
// Cases, rule answers and generated office days for the printing tests.
#include "core/cases/case.hpp"
#include "core/rules/requirements.hpp"
#include "db/case_store.hpp"
#include "reports/rendered_document.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <string>
#include <vector>

namespace madoguchi::test {

// 山田 太郎, reception A-012, received 2026-11-29 10:05.
Case sampleCase(Procedure p = Procedure::Reissue);

// A rule answer written by hand, with an A/B identity check, two fees, a contact and notes.
// `long` makes every text several lines long, to push the handout onto more pages.
rules::Requirements handmadeRequirements(Procedure p, bool longTexts = false);

// `count` cases received on `day` between 08:30 and 17:00, over all procedures, five windows and
// six clerks, statuses mixed; names include a comma and quotes for the CSV.
std::vector<db::ImportedCase> generatedDay(const boost::gregorian::date& day, int count, unsigned seed = 7);

// Fails the test for any text run whose box leaves the page minus `margin` points on any side.
void expectInside(const reports::RenderedDocument& doc, double margin);

} // namespace madoguchi::test

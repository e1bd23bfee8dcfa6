#pragma once
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi {

// ISO 5218, as the card-info AP stores it: 1 male, 2 female, 9 not applicable, 0 not known.
enum class Sex { NotKnown, Male, Female, NotApplicable };

std::string_view sexId(Sex s); // "male", "female", "not-applicable", "not-known"
std::string_view sexNameJa(Sex s);
Sex parseSex(std::string_view id); // accepts the ids, the ISO digits and 男/女; ValidationError else

struct Resident {
    std::string name; // 氏名 as registered (漢字, or alphabet for many foreign residents)
    std::string kana; // フリガナ
    boost::gregorian::date birth;
    Sex sex = Sex::NotKnown;
    std::string address;
    bool foreignResident = false;
    // End of the period of stay (在留期間満了日) when the card is bound to it; none for Japanese
    // nationals and for the exempt statuses (永住者, 特別永住者, 高度専門職2号).
    std::optional<boost::gregorian::date> stayUntil;
    // The day the move-in notification (転入届) was filed: starts the 90-day continued-use limit.
    std::optional<boost::gregorian::date> movedIn;
};

// Checks what a form or command line can get wrong: empty name, kana with non-kana letters,
// birth in the future, stay end before birth. Throws ValidationError naming the field.
void validate(const Resident& r, const boost::gregorian::date& today);

} // namespace madoguchi

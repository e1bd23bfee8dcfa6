#pragma once
// The register import's file format (docs/cli.md, `register import`): the office's earlier records
// of the cards it handed over, one line each, without names or My Numbers.
//
//   record_id,birth,card_issued,cert_issued,stay_until[,face_auth]
//
// Japanese headers are accepted for each column (レコードID, 生年月日, カード発行日, 電子証明書発行日,
// 在留期間満了日, 顔認証), in any order; ISO dates; cert_issued, stay_until and face_auth may be empty.
// UTF-8 (with or without BOM) or Shift_JIS (CP932), converted with ICU.
#include "core/register/issued_card.hpp"

#include <string>
#include <vector>

namespace madoguchi {

// Every record of the file, or a ValidationError when any line is bad: its message names each bad
// line by number ("line 4: birth: …; line 9: …", the first 20), so nothing is half-kept.
std::vector<IssuedCard> parseRegisterCsv(const std::string& bytes);

// "UTF-8" or "Shift_JIS": how the file's bytes are read (valid UTF-8 is taken as UTF-8).
std::string registerCsvEncoding(const std::string& bytes);

} // namespace madoguchi

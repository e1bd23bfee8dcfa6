#pragma once
// The procedures a resident can come to the counter for (ids are part of the
// madoguchi-cli contract: README / docs/cli.md).
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace madoguchi {

enum class Procedure {
    CardReceipt,
    Reissue,
    PinReset,
    CertRenewal,
    Suspension,
    SuspensionLift,
    CardInfoChange,
    CardRenewal,
    StayExtension,
    ApplicationCancel,
    NumberChange,
    NoticePickup,
    OverseasContinuation,
    FaceAuthChange,
    ExpressReissue,
};

struct ProcedureInfo {
    Procedure procedure;
    std::string_view id;        // card-receipt
    std::string_view nameJa;    // カードの受け取り
    std::string_view readingJa; // かーどのうけとり — lets the picker find 再交付 by さいこうふ
    std::string_view nameEn;    // Card receipt
};

std::span<const ProcedureInfo> allProcedures();
const ProcedureInfo& info(Procedure p);
std::optional<Procedure> procedureFromId(std::string_view id);
// Like procedureFromId, but throws a ValidationError listing the valid ids.
Procedure parseProcedure(std::string_view id);

} // namespace madoguchi

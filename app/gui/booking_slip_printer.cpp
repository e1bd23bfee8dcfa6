#include "app/gui/booking_slip_printer.hpp"

#include "app/gui/error_dialog.hpp"
#include "app/gui/private_paper_folder.hpp"
#include "app/gui/wx_text.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "core/files/output_file.hpp"
#include "core/security/audit_chain.hpp"
#include "db/booking_store.hpp"
#include "reports/booking_slip.hpp"

#include <wx/intl.h>
#include <wx/utils.h>

namespace madoguchi::gui {

std::optional<std::filesystem::path> printBookingSlip(wxWindow* parent, const DeskContext& desk,
                                                      const bookings::Booking& b,
                                                      const bookings::OfficeCalendar& calendar)
{
    try {
        if (!desk.rules)
            throw StorageError(StorageError::Kind::Io, "the rule book could not be read at start");
        db::BookingStore* book = desk.store.bookings();
        if (!book)
            throw StorageError(StorageError::Kind::Io, "this case book keeps no bookings");
        // The slip carries the resident's name: a folder only this user can read.
        std::filesystem::path dir = privatePaperFolder("slips");
        reports::Language lang = reports::slipLanguage(b);
        auto path = dir / (b.number + (lang == reports::Language::Ja ? "-ja" : "-en") + ".pdf");
        auto doc = reports::renderBookingSlip(b, lang, reports::loadOfficeInfoOrDefault(),
                                              reports::slipRulesFor(b, *desk.rules), calendar, now().localDay);
        // Audited before the file exists: no slip without its entry. The folder and the name are
        // the program's own, so a second print of the same slip replaces the first (through the one
        // writer: still never a database).
        book->recordBookingAccess(desk.actor(), audit_actions::kBookingPrint, {b.id},
                                  lang == reports::Language::Ja ? "pdf ja" : "pdf en");
        files::writeOutputFile(path, doc.pdf, files::Overwrite::Yes);
        // The viewer prints; a desk without one (or a test) turns this off in the settings file.
        if (desk.openHandout)
            wxLaunchDefaultApplication(u8(path.string()));
        return path;
    } catch (const std::exception& e) {
        showError(parent, e, _("Printing the booking slip"));
        return std::nullopt;
    }
}

} // namespace madoguchi::gui

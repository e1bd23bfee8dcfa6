#include "app/gui/handout_printer.hpp"

#include "app/common/audited_output.hpp"
#include "app/gui/error_dialog.hpp"
#include "app/gui/private_paper_folder.hpp"
#include "app/gui/wx_text.hpp"
#include "core/common/clock.hpp"
#include "core/common/errors.hpp"
#include "db/audit_log.hpp"
#include "reports/handout.hpp"

#include <wx/intl.h>
#include <wx/utils.h>

namespace madoguchi::gui {

std::optional<std::filesystem::path> printHandout(wxWindow* parent, const DeskContext& desk, const Case& c,
                                                  bool english)
{
    try {
        if (!desk.rules)
            throw StorageError(StorageError::Kind::Io, "the rule book could not be read at start");
        // The handout carries the resident's name: a folder only this user can read.
        std::filesystem::path dir = privatePaperFolder("handouts");
        auto today = now().localDay;
        auto path = dir / (c.receptionNumber + "-" + toIso(today) + (english ? "-en" : "-ja") + ".pdf");
        auto doc = reports::renderHandout(c, english ? reports::Language::En : reports::Language::Ja,
                                          reports::loadOfficeInfoOrDefault(),
                                          reports::handoutRulesFor(c, *desk.rules, today), today);
        // Audited once the file is complete, before it takes its name: no handout without its
        // entry. The folder and the name are the program's own, so a second print of the same
        // handout that day replaces the first (still never a database).
        app::writeAudited(desk.store.audit(), desk.actor(),
                          {audit_actions::kPrint, {c.id}, english ? "pdf en" : "pdf ja"}, {{path, doc.pdf}},
                          files::Overwrite::Yes);
        // The viewer prints; a desk without one (or a test) turns this off in the settings file.
        if (desk.openHandout)
            wxLaunchDefaultApplication(u8(path.string()));
        return path;
    } catch (const std::exception& e) {
        showError(parent, e, _("Printing the handout"));
        return std::nullopt;
    }
}

} // namespace madoguchi::gui

#include "app/gui/waiting_store.hpp"

#include "app/gui/label_wrap.hpp"
#include "app/gui/waiting_store_call.hpp"

#include <chrono>
#include <future>
#include <wx/dialog.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/thread.h>
#include <wx/timer.h>

namespace madoguchi::gui {

namespace {

int gWaitsShown = 0; // nested when an event during one wait makes another call

// Says that the window waits for the case book, and goes by itself when the call has ended.
// Neither Escape nor the close box takes it away: the call cannot be abandoned halfway.
class WaitDialog : public wxDialog {
public:
    WaitDialog(wxWindow* parent, std::function<bool()> done)
        : wxDialog(parent, wxID_ANY, _("Madoguchi"), wxDefaultPosition, wxDefaultSize, wxCAPTION, "waitDialog"),
          done_(std::move(done)), timer_(this)
    {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* what = new wxStaticText(this, wxID_ANY, _("Waiting for the case book..."), wxDefaultPosition,
                                      wxDefaultSize, 0, "waitWhat");
        what->SetFont(what->GetFont().Bold());
        sizer->Add(what, 0, wxALL, 12);
        auto* why = new wxStaticText(this, wxID_ANY, "");
        setWrappedLabel(why,
                        _("The server or the network is slow or out of reach. This goes by itself when the case "
                          "book answers; nothing you typed is lost."),
                        380);
        sizer->Add(why, 0, wxLEFT | wxRIGHT, 12);
        gauge_ = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, wxSize(380, -1));
        sizer->Add(gauge_, 0, wxEXPAND | wxALL, 12);
        SetSizerAndFit(sizer);
        CentreOnParent();
        Bind(wxEVT_CLOSE_WINDOW, [](wxCloseEvent& e) {
            if (e.CanVeto())
                e.Veto();
        });
        Bind(wxEVT_CHAR_HOOK, [](wxKeyEvent& e) {
            if (e.GetKeyCode() != WXK_ESCAPE)
                e.Skip();
        });
        Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
            if (done_())
                EndModal(wxID_OK);
            else
                gauge_->Pulse();
        });
        timer_.Start(50);
    }

private:
    std::function<bool()> done_;
    wxTimer timer_;
    wxGauge* gauge_;
};

} // namespace

WaitingStore::WaitingStore(db::CaseStore& inner, wxWindow* parent) : inner_(inner), parent_(parent) {}

WaitingStore::~WaitingStore() = default;

bool WaitingStore::waitShown()
{
    return gWaitsShown > 0;
}

void WaitingStore::waitVisibly(const std::function<bool()>& done)
{
    ++gWaitsShown;
    WaitDialog dialog(parent_, done);
    dialog.ShowModal();
    --gWaitsShown;
}

Case WaitingStore::add(const CaseDraft& draft, const db::Actor& actor)
{
    return call([&] { return inner_.add(draft, actor); });
}

std::vector<CaseId> WaitingStore::importCases(const std::vector<db::ImportedCase>& cases, const db::Actor& actor)
{
    return call([&] { return inner_.importCases(cases, actor); });
}

std::optional<Case> WaitingStore::find(CaseId id)
{
    return call([&] { return inner_.find(id); });
}

Case WaitingStore::get(CaseId id)
{
    return call([&] { return inner_.get(id); });
}

std::vector<db::CaseSummary> WaitingStore::search(const db::CaseQuery& query)
{
    return call([&] { return inner_.search(query); });
}

Case WaitingStore::changeStatus(CaseId id, const db::StatusChange& change, const db::Actor& actor)
{
    return call([&] { return inner_.changeStatus(id, change, actor); });
}

Case WaitingStore::reopen(CaseId id, const std::string& reason, const db::Actor& actor,
                          std::optional<Procedure> procedure)
{
    return call([&] { return inner_.reopen(id, reason, actor, procedure); });
}

Case WaitingStore::update(const Case& edited, const db::Actor& actor)
{
    return call([&] { return inner_.update(edited, actor); });
}

std::optional<Case> WaitingStore::callNext(const db::WindowCall& c, const db::Actor& actor)
{
    return call([&] { return inner_.callNext(c, actor); });
}

Case WaitingStore::callAgain(CaseId id, const db::Actor& actor)
{
    return call([&] { return inner_.callAgain(id, actor); });
}

Case WaitingStore::markAbsent(CaseId id, const db::Actor& actor)
{
    return call([&] { return inner_.markAbsent(id, actor); });
}

Case WaitingStore::callNumber(const std::string& receptionNumber, const std::string& window, const db::Actor& actor)
{
    return call([&] { return inner_.callNumber(receptionNumber, window, actor); });
}

CallSettings WaitingStore::callSettings()
{
    return call([&] { return inner_.callSettings(); });
}

void WaitingStore::setCallSettings(const CallSettings& settings, const db::Actor& by)
{
    call([&] { inner_.setCallSettings(settings, by); });
}

db::IntegrityReport WaitingStore::check()
{
    return call([&] { return inner_.check(); });
}

void WaitingStore::backup(const std::filesystem::path& target, files::Overwrite overwrite,
                          const std::function<void()>& beforePlacing)
{
    call([&] { inner_.backup(target, overwrite, beforePlacing); });
}

std::string WaitingStore::describe() const
{
    return inner_.describe();
}

std::unique_ptr<db::ChangeFeed> WaitingStore::subscribe()
{
    return inner_.subscribe();
}

bool WaitingStore::hasUsers()
{
    return call([&] { return inner_.users().hasUsers(); });
}

db::User WaitingStore::createFirstAdmin(const std::string& name, const std::string& password)
{
    return call([&] { return inner_.users().createFirstAdmin(name, password); });
}

db::Actor WaitingStore::authenticate(const std::string& name, const std::string& password)
{
    return call([&] { return inner_.users().authenticate(name, password); });
}

db::User WaitingStore::addUser(const std::string& name, Role role, const std::string& password, const db::Actor& by)
{
    return call([&] { return inner_.users().addUser(name, role, password, by); });
}

db::User WaitingStore::setRole(const std::string& name, Role role, const db::Actor& by)
{
    return call([&] { return inner_.users().setRole(name, role, by); });
}

db::User WaitingStore::setActive(const std::string& name, bool active, const db::Actor& by)
{
    return call([&] { return inner_.users().setActive(name, active, by); });
}

void WaitingStore::setPassword(const std::string& name, const std::string& password, const db::Actor& by)
{
    call([&] { inner_.users().setPassword(name, password, by); });
}

std::vector<db::User> WaitingStore::users(const db::Actor& by)
{
    return call([&] { return inner_.users().users(by); });
}

void WaitingStore::recordAccess(const db::Actor& actor, const std::string& action, const std::vector<CaseId>& cases,
                                const std::string& detail)
{
    call([&] { inner_.audit().recordAccess(actor, action, cases, detail); });
}

std::vector<AuditEntry> WaitingStore::auditDay(boost::gregorian::date day, const db::Actor& by)
{
    return call([&] { return inner_.audit().auditDay(day, by); });
}

db::AuditVerification WaitingStore::verifyAudit()
{
    return call([&] { return inner_.audit().verifyAudit(); });
}

int WaitingStore::retentionDays()
{
    return call([&] { return inner_.audit().retentionDays(); });
}

void WaitingStore::setRetentionDays(int days, const db::Actor& by)
{
    call([&] { inner_.audit().setRetentionDays(days, by); });
}

db::PurgeResult WaitingStore::purgeExpired(boost::gregorian::date today, const db::Actor& by, db::PurgeRun run)
{
    return call([&] { return inner_.audit().purgeExpired(today, by, run); });
}

} // namespace madoguchi::gui

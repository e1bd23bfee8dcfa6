#pragma once
// The counter's main window: today's cases (or the whole case book, once something is typed in the
// search box), filters, warnings, and the way into every other action, all by keyboard.
#include "app/gui/app_settings.hpp"
#include "app/gui/desk_context.hpp"
#include "app/gui/list_audit.hpp"
#include "app/gui/presenters/case_list_presenter.hpp"

#include <functional>
#include <wx/frame.h>

class wxDataViewCtrl;
class wxSearchCtrl;
class wxChoice;
class wxTextCtrl;
class wxSizer;
class wxMenu;

namespace madoguchi::gui {

class CaseListModel;

class MainFrame : public wxFrame {
public:
    MainFrame(db::CaseStore& store, const AppSettings& settings, const std::string& user, UserRole role);

    // Reads the list again with the current filters.
    void reload();
    void newCase();
    void openCase(CaseId id);
    void openSelectedCase();
    void focusSearch();
    void showSupervisorView();
    void showSettings();

    // For the login and idle lock (users issue): who is at the desk, and hiding personal data
    // while the desk is left.
    void setCurrentUser(const std::string& user, UserRole role);
    void setPrivacyLocked(bool locked);
    void setRuleBook(const rules::RuleBook* rules) { desk_.rules = rules; }
    bool privacyLocked() const { return privacyLocked_; }
    UserRole currentRole() const { return desk_.role; }
    const std::string& currentUser() const { return desk_.user; }

    // For the test driver and the benchmark.
    const std::vector<CaseRow>& rows() const;
    std::size_t reloadCount() const { return reloads_; }

private:
    void buildMenu();
    void updateRoleMenus();
    void buildFilterBar(wxWindow* parent, wxSizer* sizer);
    void updateUserStatus();
    CaseFilter filterFromControls() const;

    DeskContext desk_;
    ListAudit listAudit_; // after desk_, whose actor it records
    AppSettings settings_;
    wxSearchCtrl* search_ = nullptr;
    wxChoice* statusFilter_ = nullptr;
    wxChoice* procedureFilter_ = nullptr;
    wxTextCtrl* windowFilter_ = nullptr;
    wxDataViewCtrl* list_ = nullptr;
    wxMenu* viewMenu_ = nullptr;
    CaseListModel* model_ = nullptr;
    bool privacyLocked_ = false;
    std::size_t reloads_ = 0;
    // The open dialog's privacy switch, so that a lock hides what it shows too.
    std::function<void(bool)> dialogPrivacy_;
};

} // namespace madoguchi::gui

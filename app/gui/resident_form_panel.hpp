#pragma once
// 氏名, フリガナ, 生年月日 (和暦 or 西暦), 性別, 住所, foreign resident with the end of the period of
// stay, moved-in date: checked on every keystroke, the message next to the field it is about.
#include "app/gui/presenters/resident_form.hpp"

#include <functional>
#include <map>
#include <optional>
#include <wx/panel.h>

class wxTextCtrl;
class wxStaticText;
class wxChoice;
class wxCheckBox;
class wxFlexGridSizer;

namespace madoguchi::gui {

class ResidentFormPanel : public wxPanel {
public:
    explicit ResidentFormPanel(wxWindow* parent);
    ResidentFields fields() const;
    void setFields(const ResidentFields& f);
    // The check on save: every required field; shows the messages and focuses the first field at
    // fault. None when something is wrong.
    std::optional<Resident> finalCheck();
    void focusName();
    // After a card read: the furigana is what the card cannot give.
    void focusKana();
    // Called after every check as typed: the rules panel follows the birth date and residence.
    void onChanged(std::function<void()> changed) { changed_ = std::move(changed); }

private:
    void recheck(bool finalCheck);
    wxTextCtrl* addText(const wxString& label, std::optional<ResidentField> field, const char* name);

    wxTextCtrl *name_, *kana_, *birth_, *address_, *stayUntil_, *movedIn_;
    wxChoice* sex_;
    wxCheckBox* foreign_;
    wxStaticText* birthEcho_;
    std::map<ResidentField, wxStaticText*> messages_;
    std::map<ResidentField, wxTextCtrl*> controls_;
    std::function<void()> changed_;
    wxFlexGridSizer* grid_;
};

} // namespace madoguchi::gui

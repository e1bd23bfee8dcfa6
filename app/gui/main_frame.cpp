#include "app/gui/main_frame.hpp"

#include "core/common/clock.hpp"

#include <wx/sizer.h>

namespace madoguchi::gui {

MainFrame::MainFrame(db::CaseStore& store)
    : wxFrame(nullptr, wxID_ANY, wxString::FromUTF8("窓口 — Madoguchi"), wxDefaultPosition, wxSize(1000, 640)),
      store_(store)
{
    list_ = new wxDataViewListCtrl(this, wxID_ANY);
    list_->AppendTextColumn(wxString::FromUTF8("受付番号"), wxDATAVIEW_CELL_INERT, 90);
    list_->AppendTextColumn(wxString::FromUTF8("時刻"), wxDATAVIEW_CELL_INERT, 70);
    list_->AppendTextColumn(wxString::FromUTF8("手続"), wxDATAVIEW_CELL_INERT, 220);
    list_->AppendTextColumn(wxString::FromUTF8("氏名"), wxDATAVIEW_CELL_INERT, 180);
    list_->AppendTextColumn(wxString::FromUTF8("状態"), wxDATAVIEW_CELL_INERT, 80);
    list_->AppendTextColumn(wxString::FromUTF8("窓口"), wxDATAVIEW_CELL_INERT, 60);
    list_->AppendTextColumn(wxString::FromUTF8("担当"), wxDATAVIEW_CELL_INERT, 100);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list_, 1, wxEXPAND);
    SetSizer(sizer);
    CreateStatusBar();
    reload();
}

void MainFrame::reload()
{
    db::CaseQuery q;
    q.day = now().localDay;
    auto rows = store_.search(q);
    list_->DeleteAllItems();
    for (const auto& r : rows) {
        wxVector<wxVariant> v;
        v.push_back(wxString::FromUTF8(r.receptionNumber));
        v.push_back(wxString::FromUTF8(r.createdAt.size() >= 16 ? r.createdAt.substr(11, 5) : r.createdAt));
        v.push_back(wxString::FromUTF8(std::string(info(r.procedure).nameJa)));
        v.push_back(wxString::FromUTF8(r.name));
        v.push_back(wxString::FromUTF8(std::string(statusNameJa(r.status))));
        v.push_back(wxString::FromUTF8(r.window));
        v.push_back(wxString::FromUTF8(r.clerk));
        list_->AppendItem(v);
    }
    SetStatusText(wxString::Format(wxString::FromUTF8("本日の受付 %zu 件 — %s"), rows.size(),
                                   wxString::FromUTF8(store_.describe())));
}

} // namespace madoguchi::gui

# Read by ctest after the window tests were discovered (tests/gui/CMakeLists.txt): properties whose
# values are lists, which gtest_discover_tests cannot pass.
foreach(test IN LISTS gui_window_tests)
  set_tests_properties("${test}" PROPERTIES LABELS "gui;xvfb")
endforeach()
foreach(test IN LISTS gui_window_card_tests)
  set_tests_properties("${test}" PROPERTIES LABELS "gui;xvfb;card" RESOURCE_LOCK "x-display;vpcd-reader-0")
endforeach()

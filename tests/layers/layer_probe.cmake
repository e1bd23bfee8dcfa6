# `cmake -DTOP=<tree> -DWORK=<folder> -DGENERATOR=<g> -DCXX=<compiler> -P layer_probe.cmake`
# Builds a small project that takes cmake/Layers.cmake as it is and has one library per guarded
# layer (core, reports, the presenters) with the folder names of the real tree. Every header the
# probe includes exists (a stand-in <wx/string.h> too), so only the guard can fail the build:
# first the clean tree builds; then, one at a time, core including db/, reports including db/ and
# a presenter including a wx header must each fail with the guard's line naming the file.
cmake_minimum_required(VERSION 3.25)
set(src ${WORK}/src)
set(bin ${WORK}/build)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${src}/core ${src}/db ${src}/reports ${src}/app/gui/presenters ${src}/outer/wx)

file(WRITE ${src}/CMakeLists.txt "
cmake_minimum_required(VERSION 3.25)
project(layer_probe CXX)
include(${TOP}/cmake/Layers.cmake)
include_directories(\${CMAKE_SOURCE_DIR} \${CMAKE_SOURCE_DIR}/outer)
add_library(madoguchi_core STATIC core/core.cpp)
add_library(madoguchi_reports STATIC reports/report.cpp)
add_library(madoguchi_gui_presenters STATIC app/gui/presenters/presenter.cpp)
madoguchi_guard_layers()
")
file(WRITE ${src}/core/core.hpp "#pragma once\ninline int core() { return 1; }\n")
file(WRITE ${src}/db/store.hpp "#pragma once\ninline int store() { return 2; }\n")
file(WRITE ${src}/outer/wx/string.h "#pragma once\n")
set(clean_core "#include \"core/core.hpp\"\nint coreUser() { return core(); }\n")
set(clean_report "#include \"core/core.hpp\"\nint report() { return core(); }\n")
set(clean_presenter "#include \"core/core.hpp\"\n#include \"db/store.hpp\"\nint presenter() { return core() + store(); }\n")
file(WRITE ${src}/core/core.cpp "${clean_core}")
file(WRITE ${src}/reports/report.cpp "${clean_report}")
file(WRITE ${src}/app/gui/presenters/presenter.cpp "${clean_presenter}")

execute_process(COMMAND ${CMAKE_COMMAND} -S ${src} -B ${bin} -G ${GENERATOR} -DCMAKE_CXX_COMPILER=${CXX}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the probe does not configure:\n${out}")
endif()

# build(EXPECT WHAT): builds the probe; EXPECT is "ok" or the text the failure must show.
function(build expect what)
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${bin} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(expect STREQUAL "ok")
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${what}: the build should pass but failed:\n${out}")
    endif()
  else()
    string(FIND "${out}" "${expect}" at)
    if(rc EQUAL 0 OR at EQUAL -1)
      message(FATAL_ERROR "${what}: the build should fail saying\n  ${expect}\nbut (exit ${rc}) said:\n${out}")
    endif()
  endif()
  message(STATUS "${what}: as expected (exit ${rc})")
endfunction()

build(ok "a clean tree")
file(WRITE ${src}/core/core.cpp "#include \"db/store.hpp\"\n${clean_core}")
build("core/core.cpp:1: includes \"db/store.hpp\": the core layer sees only core/" "core including db/")
file(WRITE ${src}/core/core.cpp "${clean_core}")
file(WRITE ${src}/reports/report.cpp "${clean_report}#include \"db/store.hpp\"\n")
build("reports/report.cpp:3: includes \"db/store.hpp\": the reports layer sees only core/, reports/"
      "reports including db/")
file(WRITE ${src}/reports/report.cpp "${clean_report}")
file(WRITE ${src}/app/gui/presenters/presenter.cpp "#include <wx/string.h>\n${clean_presenter}")
build("app/gui/presenters/presenter.cpp:1: includes <wx/string.h>: the presenters layer must not include wx/"
      "a presenter including wx")
file(WRITE ${src}/app/gui/presenters/presenter.cpp "${clean_presenter}")
build(ok "the tree made clean again")

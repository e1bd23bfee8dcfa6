# The layers (docs/architecture.md) kept by the build rather than by review: every library's
# folder may include only the folders below it, and none of the outside libraries its layer must
# not know (core knows nothing of wx, SQLite, PostgreSQL, libharu, PC/SC or HTTP). All our include
# paths start at the top of the tree, so the compiler alone would find "db/…" from core; the
# check below reads every #include of a layer's files before that layer compiles, and a line that
# reaches outside fails the build with the file, the line and the rule. The table is the one place
# that says who sees what; tests/layers proves that a bad include fails a build.
#
# Included by the top CMakeLists.txt (madoguchi_guard_layers() after every target exists) and by
# cmake/check_layers.cmake (the check itself, run as `cmake -P` at build time).

# What a layer must not include (the start of the name inside <…> or "…").
set(_wx wx/)
set(_sqlite sqlite3.h SQLiteCpp/)
set(_postgres pqxx/ libpq-fe.h)
set(_pdf hpdf.h)
set(_card PCSC/ pcsclite.h winscard.h)
set(_http httplib.h)

# For each layer: its folder, the targets built from it, the folders of the tree its "…" includes
# may name (its own among them), and what it must not include. app/gui itself is the top: it may
# see everything and is not listed.
set(MADOGUCHI_LAYERS core db reports presenters app_common pcsc display cli)

set(MADOGUCHI_LAYER_core_DIR core)
set(MADOGUCHI_LAYER_core_TARGETS madoguchi_core)
set(MADOGUCHI_LAYER_core_SEES core)
set(MADOGUCHI_LAYER_core_REFUSES ${_wx} ${_sqlite} ${_postgres} ${_pdf} ${_card} ${_http})

set(MADOGUCHI_LAYER_db_DIR db)
set(MADOGUCHI_LAYER_db_TARGETS madoguchi_db)
set(MADOGUCHI_LAYER_db_SEES core db)
set(MADOGUCHI_LAYER_db_REFUSES ${_wx} ${_pdf} ${_card} ${_http})

# Beside db over core: the callers read the case book and hand the cases in.
set(MADOGUCHI_LAYER_reports_DIR reports)
set(MADOGUCHI_LAYER_reports_TARGETS madoguchi_reports)
set(MADOGUCHI_LAYER_reports_SEES core reports)
set(MADOGUCHI_LAYER_reports_REFUSES ${_wx} ${_sqlite} ${_postgres} ${_card} ${_http})

# What the window decides, without wx (unit-tested without a display).
set(MADOGUCHI_LAYER_presenters_DIR app/gui/presenters)
set(MADOGUCHI_LAYER_presenters_TARGETS madoguchi_gui_presenters)
set(MADOGUCHI_LAYER_presenters_SEES core db app/gui/presenters)
set(MADOGUCHI_LAYER_presenters_REFUSES ${_wx} ${_sqlite} ${_postgres} ${_pdf} ${_card} ${_http})

# Shared by the programs; names the SQLite and pcsc-lite versions in --version, so it may include
# their headers.
set(MADOGUCHI_LAYER_app_common_DIR app/common)
set(MADOGUCHI_LAYER_app_common_TARGETS madoguchi_app_common)
set(MADOGUCHI_LAYER_app_common_SEES core db app/common)
set(MADOGUCHI_LAYER_app_common_REFUSES ${_wx} ${_pdf} ${_http})

set(MADOGUCHI_LAYER_pcsc_DIR app/pcsc)
set(MADOGUCHI_LAYER_pcsc_TARGETS madoguchi_pcsc)
set(MADOGUCHI_LAYER_pcsc_SEES core app/pcsc)
set(MADOGUCHI_LAYER_pcsc_REFUSES ${_wx} ${_sqlite} ${_postgres} ${_pdf} ${_http})

set(MADOGUCHI_LAYER_display_DIR app/display)
set(MADOGUCHI_LAYER_display_TARGETS madoguchi_display madoguchi-display)
set(MADOGUCHI_LAYER_display_SEES core db app/common app/display)
set(MADOGUCHI_LAYER_display_REFUSES ${_wx} ${_sqlite} ${_postgres} ${_pdf} ${_card})

set(MADOGUCHI_LAYER_cli_DIR app/cli)
set(MADOGUCHI_LAYER_cli_TARGETS madoguchi-cli)
set(MADOGUCHI_LAYER_cli_SEES core db reports app/common app/pcsc app/cli)
set(MADOGUCHI_LAYER_cli_REFUSES ${_wx} ${_http})

# madoguchi_layer_files(TOP LAYER OUT): the C++ files of a layer, below TOP.
function(madoguchi_layer_files top layer out)
  set(dir ${top}/${MADOGUCHI_LAYER_${layer}_DIR})
  file(GLOB_RECURSE files ${dir}/*.cpp ${dir}/*.hpp ${dir}/*.h)
  list(SORT files)
  set(${out} ${files} PARENT_SCOPE)
endfunction()

# _madoguchi_line_number(FILE LINE OUT): the number of the first line of FILE that is LINE.
function(_madoguchi_line_number file wanted out)
  file(READ ${file} text)
  # One list element per line: what CMake would read as a list separator or bracket goes first.
  string(REGEX REPLACE "[][;\\]" "_" text "${text}")
  string(REGEX REPLACE "[][;\\]" "_" wanted "${wanted}")
  string(REPLACE "\n" ";" text "${text}")
  list(FIND text "${wanted}" index)
  math(EXPR index "${index} + 1")
  set(${out} ${index} PARENT_SCOPE)
endfunction()

# madoguchi_check_layer(TOP LAYER OUT): one line per include of the layer's files that reaches
# outside it ("file:line: …"), empty when there is none.
function(madoguchi_check_layer top layer out)
  set(sees ${MADOGUCHI_LAYER_${layer}_SEES})
  set(refuses ${MADOGUCHI_LAYER_${layer}_REFUSES})
  set(home ${top}/${MADOGUCHI_LAYER_${layer}_DIR})
  list(JOIN sees "/, " seen)
  madoguchi_layer_files(${top} ${layer} files)
  set(found "")
  foreach(file IN LISTS files)
    file(RELATIVE_PATH shown ${top} ${file})
    get_filename_component(here ${file} DIRECTORY)
    # Only the include lines are read; the line number is looked up for a bad one.
    file(STRINGS ${file} lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS lines)
      if(NOT line MATCHES "^[ \t]*#[ \t]*include[ \t]*([<\"])([^>\"]+)[>\"]")
        continue()
      endif()
      set(quote ${CMAKE_MATCH_1})
      set(name ${CMAKE_MATCH_2})
      if(quote STREQUAL "<")
        set(shown_name "<${name}>")
      else()
        set(shown_name "\"${name}\"")
      endif()
      set(bad "")
      foreach(outer IN LISTS refuses)
        string(FIND "${name}" "${outer}" at)
        if(at EQUAL 0)
          set(bad "the ${layer} layer must not include ${outer}")
          break()
        endif()
      endforeach()
      if(NOT bad AND quote STREQUAL "\"")
        # A folder of the tree it may see, or a file inside its own folder.
        set(allowed FALSE)
        foreach(folder IN LISTS sees)
          string(FIND "${name}" "${folder}/" at)
          if(at EQUAL 0)
            set(allowed TRUE)
            break()
          endif()
        endforeach()
        # A bare name ("variant_table.inc") names no folder: a file beside it or one the layer's
        # own build generates; it cannot reach another layer.
        if(NOT allowed AND NOT name MATCHES "/")
          set(allowed TRUE)
        endif()
        if(NOT allowed)
          get_filename_component(beside "${name}" ABSOLUTE BASE_DIR ${here})
          string(FIND "${beside}" "${home}/" at)
          if(EXISTS "${beside}" AND at EQUAL 0)
            set(allowed TRUE)
          endif()
        endif()
        if(NOT allowed)
          set(bad "the ${layer} layer sees only ${seen}/")
        endif()
      endif()
      if(bad)
        _madoguchi_line_number(${file} "${line}" number)
        list(APPEND found "${shown}:${number}: includes ${shown_name}: ${bad} (cmake/Layers.cmake)")
      endif()
    endforeach()
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

# madoguchi_guard_layers(): for each layer, a check that runs whenever one of its files changes,
# and that the layer's targets wait for (they do not compile when it fails).
set(MADOGUCHI_LAYERS_FILE ${CMAKE_CURRENT_LIST_FILE})
set(MADOGUCHI_LAYERS_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/check_layers.cmake)
function(madoguchi_guard_layers)
  foreach(layer IN LISTS MADOGUCHI_LAYERS)
    if(NOT IS_DIRECTORY ${CMAKE_SOURCE_DIR}/${MADOGUCHI_LAYER_${layer}_DIR})
      continue()
    endif()
    set(dir ${CMAKE_SOURCE_DIR}/${MADOGUCHI_LAYER_${layer}_DIR})
    # CONFIGURE_DEPENDS: a new file of the layer is checked without a manual re-run of cmake.
    file(GLOB_RECURSE files CONFIGURE_DEPENDS ${dir}/*.cpp ${dir}/*.hpp ${dir}/*.h)
    set(stamp ${CMAKE_BINARY_DIR}/layers/${layer}.checked)
    add_custom_command(
      OUTPUT ${stamp}
      COMMAND ${CMAKE_COMMAND} -DTOP=${CMAKE_SOURCE_DIR} -DLAYER=${layer} -DSTAMP=${stamp} -P ${MADOGUCHI_LAYERS_SCRIPT}
      DEPENDS ${files} ${MADOGUCHI_LAYERS_FILE} ${MADOGUCHI_LAYERS_SCRIPT}
      COMMENT "Checking the includes of the ${layer} layer"
      VERBATIM)
    add_custom_target(madoguchi_layer_${layer} ALL DEPENDS ${stamp})
    foreach(target IN LISTS MADOGUCHI_LAYER_${layer}_TARGETS)
      if(TARGET ${target})
        add_dependencies(${target} madoguchi_layer_${layer})
      endif()
    endforeach()
  endforeach()
endfunction()

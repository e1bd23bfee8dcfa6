# CPack: `cpack -G DEB` in a build configured with -DCMAKE_INSTALL_PREFIX=/usr makes
# madoguchi_<version>_<arch>.deb from the install() rules of the tree (the programs, the rules
# data, the translations, the desktop entry, the icons, the man page; never tests or benchmarks).
set(CPACK_PACKAGE_NAME madoguchi)
set(CPACK_PACKAGE_VENDOR "Madoguchi developers")
set(CPACK_PACKAGE_CONTACT "Madoguchi developers <dev@madoguchi.local>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "My Number card counter of a city hall (窓口)")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
  "Madoguchi records each resident's visit about the My Number card and its electronic\n"
  "certificates as a case: the counter window (madoguchi) fills it from the card through\n"
  "PC/SC, shows the documents, fees and deadlines, and prints the resident's checklist;\n"
  "madoguchi-cli does the same from scripts. The case book is an SQLite file, or\n"
  "PostgreSQL for offices with many windows.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY Madoguchi)
set(CPACK_PACKAGE_EXECUTABLES madoguchi "Madoguchi 窓口")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "\\\\.swp$")

# The package installs where the programs were told they are installed (data_paths.cpp looks in
# MADOGUCHI_INSTALLED_DATA_DIR), so the .deb takes the prefix of the build.
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr" AND UNIX AND NOT APPLE)
  message(STATUS "A .deb from this build would install under ${CMAKE_INSTALL_PREFIX}; "
                 "configure with -DCMAKE_INSTALL_PREFIX=/usr for the Debian package")
endif()

# Debian
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The shared libraries (wxWidgets, SQLite, ICU, Boost, libpq, OpenSSL...) come from
# dpkg-shlibdeps, so the versions are those of the Debian it was built on. What is not linked
# but needed at run time is named here: the font the handouts embed and the PC/SC daemon that
# talks to the card reader.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-ipaexfont-gothic, pcscd")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Windows: the same install() rules feed NSIS (an .exe installer) or WiX (an .msi). Not built
# here; see docs/admin-guide.md, "Installing".
if(WIN32)
  set(CPACK_GENERATOR "NSIS;WIX")
  set(CPACK_NSIS_DISPLAY_NAME "Madoguchi 窓口")
  set(CPACK_NSIS_MODIFY_PATH ON) # offers to put madoguchi-cli on PATH
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
  # Fixed for all versions, so that a new .msi replaces the installed one.
  set(CPACK_WIX_UPGRADE_GUID "6C1B7E0A-5E2D-4F7C-9A0B-2D5B3C8E41A7")
  set(CPACK_WIX_PROGRAM_MENU_FOLDER "Madoguchi")
  set(CPACK_WIX_CULTURES "ja-JP;en-US")
else()
  set(CPACK_GENERATOR DEB)
endif()

include(CPack)

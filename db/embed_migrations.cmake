# Writes a C++ file holding each migration file as (version, sql). The version is the number
# the file name starts with: 001_case_book.sql is version 1.
set(body "#include \"migrations.hpp\"\nnamespace madoguchi::db {\nconst std::vector<Migration>& ${SYMBOL}() {\n  static const std::vector<Migration> all{\n")
foreach(file ${FILES})
  get_filename_component(name ${file} NAME)
  string(REGEX MATCH "^[0-9]+" number ${name})
  math(EXPR version "${number}")
  file(READ ${file} sql)
  string(APPEND body "    {${version}, \"${name}\", R\"madoguchi_sql(${sql})madoguchi_sql\"},\n")
endforeach()
string(APPEND body "  };\n  return all;\n}\n}\n")
file(WRITE ${OUTPUT} "${body}")

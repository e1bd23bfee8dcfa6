# One place for the warning flags every target of ours gets.
add_library(madoguchi_warnings INTERFACE)
target_compile_options(madoguchi_warnings INTERFACE
  $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor>
  $<$<BOOL:${MADOGUCHI_WERROR}>:-Werror>)

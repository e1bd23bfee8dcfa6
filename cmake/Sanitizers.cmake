# MADOGUCHI_SANITIZE=ON (the "asan" preset): every target of the tree, tests included, built with
# AddressSanitizer and UndefinedBehaviorSanitizer. Undefined behaviour stops the program (no
# recovery), so a test that meets it fails instead of printing a line nobody reads.
if(MADOGUCHI_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -O1)
  add_link_options(-fsanitize=address,undefined)
endif()

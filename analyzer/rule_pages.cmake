# Writes OUTPUT, a C file holding the rule pages rules/<id>.md as byte arrays, for
# `leaklint --explain RULE`: the binary prints the same page the repository shows, with no file to
# find at run time. Run as `cmake -DOUTPUT=... -DPAGES="a.md;b.md" -P rule_pages.cmake`, from
# the build (CMakeLists.txt reruns it when a page changes).
set(body "// Generated from rules/*.md by analyzer/rule_pages.cmake: do not edit.\n")
string(APPEND body "#include \"analyzer/rule_pages.h\"\n\n")
set(table "")
set(index 0)
foreach(page IN LISTS PAGES)
  get_filename_component(id "${page}" NAME_WE)
  file(READ "${page}" hex HEX)
  # Two hex digits a byte: "0x23,0x20," ... and a final NUL, so that the page is a C string too.
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND body "static const char page_${index}[] = {${bytes}0x00};\n")
  string(APPEND table "    {\"${id}\", page_${index}, sizeof page_${index} - 1},\n")
  math(EXPR index "${index} + 1")
endforeach()
string(APPEND body "\nconst ll_rule_page ll_rule_pages[] = {\n${table}};\n")
string(APPEND body "const size_t ll_n_rule_pages = ${index};\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")

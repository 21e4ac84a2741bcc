# Turns INPUT (a file) into OUTPUT, a C file defining the bytes of INPUT.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hexlen)
math(EXPR len "${hexlen} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "/* Generated from data/builtin.json by cmake/embed.cmake; do not edit. */\n#include <stddef.h>\n#include \"builtin.h\"\nconst unsigned char ipf_builtin_json[] = {\n${bytes}0x00};\nconst size_t ipf_builtin_json_len = ${len};\n")

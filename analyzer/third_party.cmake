# Fetches the pinned tree-sitter C runtime and JavaScript grammar at configure time and builds them
# as static libraries. Nothing of tree-sitter is committed: the tarballs come from the npm registry
# through `npm pack` and are checked against pinned sha512 digests (the hex form of the registry's
# `integrity` field) before they are unpacked. A packager sets LEAKLINT_TARBALL_DIR to a folder that
# already holds the two .tgz files; then configure needs no network at all.
#
# The runtime's ABI must match the grammar's: tree-sitter 0.25.1 reads the LANGUAGE_VERSION 15
# tables that tree-sitter-javascript 0.25.0 generates.

set(LEAKLINT_TS_VERSION 0.25.1)
# integrity sha512-mrcEdkYtHfrK1A6fs3O6FxkBo0Qig5XUXqHhxUOQu0bmPo00QF4XaSx4edpazdHwxnSCjlGKGgIqWdaN4dvTLA==
set(LEAKLINT_TS_SHA512
    9ab70476462d1dfacad40e9fb373ba171901a344228395d45ea1e1c54390bb46e63e8d34405e17692c7879da5acdd1f0c674828e518a1a022a59d68de1dbd32c)
set(LEAKLINT_TSJS_VERSION 0.25.0)
# integrity sha512-1fCbmzAskZkxcZzN41sFZ2br2iqTYP3tKls1b/HKGNPQUVOpsUxpmGxdN/wMqAk3jYZnYBR1dd/y/0avMeU7dw==
set(LEAKLINT_TSJS_SHA512
    d5f09b9b302c919931719ccde35b056766ebda2a9360fded2a5b356ff1ca18d3d05153a9b14c69986c5d37fc0ca809378d866760147575dff2ff46af31e53b77)

set(LEAKLINT_TARBALL_DIR "${CMAKE_BINARY_DIR}/_deps/tarballs"
    CACHE PATH "Folder holding (or receiving) the pinned tree-sitter npm tarballs")

# leaklint_fetch_npm(<package> <version> <sha512> <out-var>): sets <out-var> to the folder the
# verified tarball was unpacked into.
function(leaklint_fetch_npm package version sha512 out_var)
  set(tarball "${LEAKLINT_TARBALL_DIR}/${package}-${version}.tgz")
  set(unpacked "${CMAKE_BINARY_DIR}/_deps/${package}-${version}")
  if(EXISTS "${unpacked}/.verified")
    set(${out_var} "${unpacked}" PARENT_SCOPE)
    return()
  endif()
  if(NOT EXISTS "${tarball}")
    find_program(LEAKLINT_NPM npm)
    if(NOT LEAKLINT_NPM)
      message(FATAL_ERROR "npm is needed to fetch ${package}@${version} (or set LEAKLINT_TARBALL_DIR "
                          "to a folder that holds ${package}-${version}.tgz)")
    endif()
    file(MAKE_DIRECTORY "${LEAKLINT_TARBALL_DIR}")
    message(STATUS "Fetching ${package}@${version} with npm pack")
    execute_process(
      COMMAND "${LEAKLINT_NPM}" pack --silent --pack-destination "${LEAKLINT_TARBALL_DIR}"
              "${package}@${version}"
      RESULT_VARIABLE npm_status OUTPUT_QUIET ERROR_VARIABLE npm_error)
    if(NOT npm_status EQUAL 0 OR NOT EXISTS "${tarball}")
      message(FATAL_ERROR "npm pack ${package}@${version} failed: ${npm_error}")
    endif()
  endif()
  file(SHA512 "${tarball}" actual)
  if(NOT actual STREQUAL sha512)
    file(REMOVE "${tarball}")
    message(FATAL_ERROR "${tarball}: sha512 is ${actual}, expected ${sha512}; removed it")
  endif()
  file(REMOVE_RECURSE "${unpacked}" "${unpacked}.tmp")
  file(ARCHIVE_EXTRACT INPUT "${tarball}" DESTINATION "${unpacked}.tmp")
  file(RENAME "${unpacked}.tmp/package" "${unpacked}")
  file(REMOVE_RECURSE "${unpacked}.tmp")
  file(TOUCH "${unpacked}/.verified")
  set(${out_var} "${unpacked}" PARENT_SCOPE)
endfunction()

leaklint_fetch_npm(tree-sitter ${LEAKLINT_TS_VERSION} ${LEAKLINT_TS_SHA512} ts_dir)
leaklint_fetch_npm(tree-sitter-javascript ${LEAKLINT_TSJS_VERSION} ${LEAKLINT_TSJS_SHA512} tsjs_dir)

# Third-party code is built with its own flags: our -Werror must not fail on its warnings.
set(ts_lib "${ts_dir}/vendor/tree-sitter/lib")
add_library(ts_runtime STATIC "${ts_lib}/src/lib.c")
target_include_directories(ts_runtime SYSTEM PUBLIC "${ts_lib}/include" PRIVATE "${ts_lib}/src")
target_compile_definitions(ts_runtime PRIVATE _DEFAULT_SOURCE _POSIX_C_SOURCE=200112L)
target_compile_options(ts_runtime PRIVATE -w)

add_library(ts_javascript STATIC "${tsjs_dir}/src/parser.c" "${tsjs_dir}/src/scanner.c")
target_include_directories(ts_javascript PRIVATE "${tsjs_dir}/src")
target_compile_options(ts_javascript PRIVATE -w)

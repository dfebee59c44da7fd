# `cmake --install` of the build installs the binary as bin/leaklint under the prefix, and the
# installed binary runs.
build=$(dirname "$leaklint")
expect "cmake --install puts the binary under the prefix" \
  cmake --install "$build" --prefix "$PWD/prefix"
expect "the installed binary is prefix/bin/leaklint" [ -x prefix/bin/leaklint ]
run_installed() { prefix/bin/leaklint --version >out 2>err; }
expect "the installed binary runs" run_installed
expect_match out '^leaklint [0-9]' "the installed binary prints its version"

# A file or directory that cannot be read exits 2, named on stderr with the reason; the other
# files of the same run are still analysed and reported.
printf '%s\n' "$leaky_js" >leaky.js

# A path through a regular file cannot be read by anyone, root included.
run leaky.js/inner.js leaky.js
expect_code 2 "a path through a regular file"
expect_stdout "a path through a regular file: the other file is still reported" <<END
$(ig leaky.js 1 16 leaked)
END
expect_stderr "a path through a regular file is named, with the reason" <<END
leaklint: error: leaky.js/inner.js: Not a directory
$(summary 1 1 1 1)
END

# Permissions: root reads anything, so as root leaklint runs as the unprivileged user 65534, from
# a copy in this directory (the build tree may be closed to that user).
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  if ! command -v setpriv >/dev/null; then
    fail "running as root without setpriv (util-linux): cannot test permissions"
    return
  fi
  cp "$leaklint" leaklint-copy && chmod 755 leaklint-copy
  leaklint=$PWD/leaklint-copy
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
fi
run_as_user() {
  timeout 20 "${as_user[@]}" "$leaklint" "$@" >out 2>err
  code=$?
}

printf '%s\n' "$clean_js" >secret.js
chmod 000 secret.js
mkdir -p tree/closed && printf '%s\n' "$leaky_js" >tree/closed/a.js && chmod 000 tree/closed
# The test means something only if this user really cannot read them.
if "${as_user[@]}" cat secret.js >probe 2>&1 || "${as_user[@]}" ls tree/closed >probe 2>&1; then
  fail "this user can read mode-000 files (a capability?): cannot test permissions"
  return
fi
expect "this user can run leaklint here" "${as_user[@]}" "$leaklint" --version >version.out

run_as_user secret.js leaky.js
expect_code 2 "an unreadable file"
expect_stdout "an unreadable file: the other file is still reported" <<END
$(ig leaky.js 1 16 leaked)
END
expect_stderr "an unreadable file is named, with the reason" <<END
leaklint: error: secret.js: cannot open: Permission denied
$(summary 1 1 1 2)
END

run_as_user tree leaky.js
expect_code 2 "an unreadable directory"
expect_stdout "an unreadable directory: the other file is still reported" <<END
$(ig leaky.js 1 16 leaked)
END
expect_stderr "an unreadable directory is named, with the reason" <<END
leaklint: error: tree/closed: cannot read directory: Permission denied
$(summary 1 1 1 1)
END
chmod 755 tree/closed

# -o FILE writes the report to FILE and nothing to stdout; FILE appears only once complete, so a
# report that cannot be written leaves no partial or temporary file behind.
printf '%s\n' "$leaky_js" >leaky.js

run -o report.txt leaky.js
expect_code 1 "-o FILE"
expect_no_stdout "-o FILE"
expect_file report.txt "-o FILE holds the report" <<END
$(ig leaky.js 1 16 leaked)
END
expect_stderr "-o FILE: the summary stays on stderr" <<END
$(summary 1 1 1 1)
END
expect_files "-o FILE leaves nothing else" <<END
leaky.js
report.txt
END
# The report is an ordinary file, made with the permissions the umask allows, like any other
# output a user asks for (it is read by CI uploaders and editors running as other users).
mode=$(umask 022 && run -o shared.txt leaky.js && stat -c %a shared.txt)
expect "-o FILE under umask 022 makes a file of mode 644 (it is $mode)" [ "$mode" = 644 ]
rm -f shared.txt

printf 'old report\n' >report.txt
run --output-file report.txt leaky.js
expect_file report.txt "--output-file replaces an existing report" <<END
$(ig leaky.js 1 16 leaked)
END

run -o nodir/report.txt leaky.js
expect_code 2 "-o into a directory that does not exist"
expect_no_stdout "-o into a directory that does not exist"
# Nothing is analysed when the report cannot be written: no summary of findings that were never
# looked for, only the error.
expect_stderr "-o into a directory that does not exist: the file is named, and no summary" <<END
leaklint: error: nodir/report.txt: cannot write the report: No such file or directory
END
expect_files "-o into a directory that does not exist leaves nothing" <<END
leaky.js
report.txt
END

mkdir taken
run -o taken leaky.js
expect_code 2 "-o naming a directory"
expect_line err "leaklint: error: taken: cannot write the report: Is a directory" \
  "-o naming a directory: the directory is named"
expect "-o naming a directory leaves it as it was" [ -z "$(ls -A taken)" ]
expect_files "-o naming a directory leaves no temporary file" <<END
leaky.js
report.txt
taken
END
rmdir taken

# A FIFO (or a device such as /dev/null) is written to, not replaced by a regular file.
mkfifo pipe
timeout 20 cat pipe >from-pipe &
reader=$!
run -o pipe leaky.js
expect_code 1 "-o FIFO"
expect "-o FIFO: the FIFO is still a FIFO" [ -p pipe ]
if [ -p pipe ]; then wait "$reader"; else kill "$reader"; wait "$reader"; fi 2>/dev/null
expect_file from-pipe "-o FIFO: the reader gets the report" <<END
$(ig leaky.js 1 16 leaked)
END

run -o '' leaky.js
expect_code 2 "-o with an empty path"
expect_no_stdout "-o with an empty path"
expect_line err "leaklint: error: --output-file: '' is not a path" "-o with an empty path is a usage error"

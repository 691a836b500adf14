# Exit status: the target's own, 128+N for a signal death, and the
# launcher's documented codes for its own failures.
. "$(dirname "$0")/lib.sh"

sb -- sh -c 'exit 0'; expect_eq "exit 0 passes through" 0 $?
sb -- sh -c 'exit 42'; expect_eq "exit 42 passes through" 42 $?
sb -- sh -c 'exit 255'; expect_eq "exit 255 passes through" 255 $?
sb -- sh -c 'kill -TERM $$'; expect_eq "death by SIGTERM is 143" 143 $?
sb -- sh -c 'kill -SEGV $$'; expect_eq "death by SIGSEGV is 139" 139 $?

err=$(sb -- no-such-command-xyz 2>&1); rc=$?
expect_eq "an unknown command exits 127" 127 $rc
expect_match "and says so" "cannot run 'no-such-command-xyz': No such file" "$err"
printf 'not a program\n' >"$WORK/data.txt"
chmod 644 "$WORK/data.txt"
# The host's /tmp is hidden by default: show $WORK, read-only.
seework=$(profile seework "filesystem = { mounts = ( { type = \"bind\"; source = \"$WORK\"; } ); };")
err=$(sb --profile="$seework" -- "$WORK/data.txt" 2>&1); rc=$?
expect_eq "a non-executable file exits 126" 126 $rc
expect_match "and says so" "Permission denied" "$err"

err=$(sb --bogus -- true 2>&1); rc=$?
expect_eq "an unknown option exits 123" 123 $rc
expect_match "and names it" "unknown option '--bogus'" "$err"
sb 2>/dev/null; expect_eq "no command exits 123" 123 $?
out=$(sb --help); rc=$?
expect_eq "--help exits 0" 0 $rc
expect_match "--help shows the usage" "^Usage: sandbox" "$out"
expect_match "--version prints it" "^sandbox [0-9]+\.[0-9]+" "$(sb --version)"

err=$(sb -xv true 2>&1); rc=$?
expect_match "an unknown short option in a bundle is named" "unknown option '-x'" "$err"
sb -- '' 2>/dev/null; expect_eq "an empty command name is not found (127)" 127 $?

# Closed stdio: the launcher keeps working and nothing goes astray.
sb -v -- true 2>&-; expect_eq "stderr closed: still runs" 0 $?
out=$(sb -- sh -c 'echo through' <&- 2>/dev/null)
expect_eq "stdin closed: output still reaches stdout" through "$out"
# A directory as stdin would be a handle on the host's tree: refused.
err=$(sb -- true </ 2>&1); rc=$?
expect_eq "a directory on stdin is refused (125)" 125 $rc
expect_match "and says why" "file descriptor 0 is a directory" "$err"

err=$(sb --profile=no-such-profile -- true 2>&1); rc=$?
expect_eq "a missing profile exits 124" 124 $rc
expect_match "and says which" "profile 'no-such-profile' not found" "$err"

done_testing

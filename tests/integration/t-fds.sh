# No file descriptor of the caller's reaches the sandbox.
. "$(dirname "$0")/lib.sh"

secret="$WORK/secret"
echo secret >"$secret"
chmod 644 "$secret"
# Open extra descriptors (one without CLOEXEC, as a careless caller would).
out=$(as_caller sh -c "exec 7<'$secret' 9<'$secret'; exec \"\$0\" -- ls /proc/self/fd" "$SB")
expect_eq "only stdio (and ls's own directory fd) is open inside" "0 1 2 3" "$(echo $out)"

out=$(as_caller sh -c "exec 7<'$secret'; exec \"\$0\" -- sh -c 'cat <&7' 2>&1" "$SB")
expect_match "fd 7 of the caller is not readable inside" "Bad file descriptor|bad file|can't|cannot" "$out"

done_testing

# rlimits from the profile are in force inside.
. "$(dirname "$0")/lib.sh"

p=$(profile limits 'rlimits = { nofile = [ 64, 128 ]; core = 0; fsize = "1M";
  nproc = 4000; stack = "8M"; cpu = "unlimited"; };')
limits=$(sb --profile="$p" -- cat /proc/self/limits)
# limit NAME: "soft hard" as the kernel reports them
limit() {
        printf '%s\n' "$limits" | grep "^$1 " | sed "s/^$1 *//" | awk '{print $1, $2}'
}
expect_eq "nofile [64, 128]" "64 128" "$(limit 'Max open files')"
expect_eq "core 0" "0 0" "$(limit 'Max core file size')"
expect_eq "fsize \"1M\"" "1048576 1048576" "$(limit 'Max file size')"
expect_eq "nproc 4000" "4000 4000" "$(limit 'Max processes')"
expect_eq "stack \"8M\"" "8388608 8388608" "$(limit 'Max stack size')"
expect_eq "cpu \"unlimited\"" "unlimited unlimited" "$(limit 'Max cpu time')"
expect_eq "the shell sees nofile too" 64 "$(sb --profile="$p" -- sh -c 'ulimit -n')"
p2=$(profile raise 'rlimits = { nofile = [ 64, 64 ]; };')
expect_eq "the target cannot raise its hard limit" refused \
        "$(sb --profile="$p2" -- sh -c 'ulimit -Hn 65 2>/dev/null && echo raised || echo refused')"

done_testing

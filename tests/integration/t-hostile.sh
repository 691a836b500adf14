# The hostile profile corpus (tests/data/profiles/hostile, issue 10): every
# profile, run through the real launcher, must give exit code 124, only
# FILE:LINE: diagnostics on stderr (the expected one among them), and
# neither start nor create anything: the target never runs, and no
# process, namespace, mount or file comes into being (checked with strace
# when it is installed).
. "$(dirname "$0")/lib.sh"

src=$(cd "$(dirname "$0")/../data/profiles/hostile" && pwd)
corpus="$WORK/hostile"
mkdir -p "$corpus" "$WORK/out" "$WORK/logs"
python3 "$src/generate.py" --out "$corpus" 2>/dev/null ||
        skip_all "cannot run the corpus generator"

# What git cannot hold, made here (generate.py's docstring lists them).
head -c $((1024 * 1024 + 1)) /dev/zero | tr '\0' '#' >"$corpus/huge.inc"
mkfifo "$corpus/fifo.inc"
ln -s loop.inc "$corpus/loop.inc"
mkdir "$corpus/dir.inc"
chmod -R a+rX "$corpus"
if [ "$TEST_AS" = user ]; then chown "$TEST_USER:" "$WORK/out" "$WORK/logs"; fi

# The committed files are what the generator makes (big ones excepted).
drift=
for f in "$src"/*.profile "$src"/inc/*.inc; do
        rel=${f#"$src"/}
        cmp -s "$f" "$corpus/$rel" || drift="$drift $rel"
done
expect_eq "the committed corpus is generate.py's output" "" "$drift"
n=$(find "$corpus" -maxdepth 1 -name '*.profile' | wc -l)
check "at least 100 hostile profiles ($n)" test "$n" -ge 100

tracer=
command -v strace >/dev/null && tracer=strace
[ -n "$tracer" ] || echo "# strace not installed: checking the marker and files only"

# Trace what would start or create something. A clone with CLONE_VM is a
# thread (the sanitizer runtime's leak checker uses one), not a process;
# an AF_UNIX socket is glibc asking nscd about users (getpwuid).
traced='execve,execveat,clone,clone3,fork,vfork,unshare,setns,mount,umount2,pivot_root,mkdir,mkdirat,mknod,mknodat,symlink,symlinkat,link,linkat,rename,renameat,renameat2,unlink,unlinkat,creat,open,openat,socket,socketpair'
bad_calls() {
        grep -vE '^[0-9]+ +execve\(' "$1" |
                grep -vE 'clone3?\(.*CLONE_VM' |
                awk '!/^[0-9]+ +open(at)?\(/ || /O_CREAT|O_WRONLY|O_RDWR|O_TRUNC/' |
                grep -vE '^[0-9]+ +socket\(AF_UNIX, ' |
                grep -vE '^[0-9]+ +(\+\+\+|---) ' |
                grep -E '^[0-9]+ +[a-z_0-9]+\(' || true
}
# One execve: the launcher's own.
n_execve() {
        grep -cE '^[0-9]+ +execve\(' "$1"
}

before=$(cd "$WORK" && find . -path ./logs -prune -o -print | sort)
for f in "$corpus"/*.profile; do
        name=$(basename "$f")
        expect=$(head -n1 "$f" | sed -n 's/^# expect: //p')
        log="$WORK/logs/${name%.profile}.strace"
        err=$(sb --profile="hostile/$name" -- \
                /bin/touch "$WORK/out/marker" 2>&1 </dev/null)
        rc=$?
        # Diagnostics name files as given: hostile/NAME, hostile/inc/x.inc.
        err=$(printf '%s\n' "$err" | sed 's|^sandbox: hostile/|sandbox: |')
        problems=
        [ "$rc" = 124 ] || problems="$problems exit=$rc"
        [ -n "$err" ] || problems="$problems no-diagnostic"
        stray=$(printf '%s\n' "$err" | grep -vE '^sandbox: [^ ]+:[0-9]+: ' |
                grep -vxF 'sandbox: too many problems; the rest are not shown')
        [ -z "$stray" ] || problems="$problems line-without-file:line"
        if [ "$expect" != "*" ] &&
                ! printf '%s\n' "$err" | grep -qF "sandbox: $expect: "; then
                problems="$problems expected-$expect"
        fi
        [ ! -e "$WORK/out/marker" ] || problems="$problems target-ran"
        rm -f "$WORK/out/marker"
        # Again under strace, for what the launcher asks of the kernel. A
        # second run, because LeakSanitizer (in a sanitizer build) cannot
        # work under ptrace: the first run is the one it checks.
        if [ -n "$tracer" ]; then
                as_caller strace -f -qq -o "$log" -e trace="$traced" \
                        -E ASAN_OPTIONS=detect_leaks=0 \
                        "$SB" --profile="hostile/$name" -- \
                        /bin/touch "$WORK/out/marker" >/dev/null 2>&1 </dev/null
                [ ! -e "$WORK/out/marker" ] || problems="$problems target-ran"
                rm -f "$WORK/out/marker"
                calls=$(bad_calls "$log")
                [ -z "$calls" ] || problems="$problems syscalls"
                [ "$(n_execve "$log")" = 1 ] || problems="$problems execve"
        fi
        if [ -z "$problems" ]; then
                ok "$name"
        else
                not_ok "$name:$problems"
                printf '%s\n' "$err" | head -n 5 | cut -c1-300 | sed 's/^/#   /'
                [ -z "${calls:-}" ] || printf '%s\n' "$calls" | head -n 5 | sed 's/^/#   call: /'
        fi
done
after=$(cd "$WORK" && find . -path ./logs -prune -o -print | sort)
expect_eq "no file appeared or went away in the test's directory" "$before" "$after"

done_testing

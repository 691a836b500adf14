# `meson install` into a DESTDIR lays out the binary, every shipped profile
# and fragment, the man pages and the bash completion where the build says
# (PREFIX, PROFILEDIR, MANDIR, COMPLETIONSDIR from meson), and the binary
# looks for profiles where they were installed. Needs no root: it writes
# only below a temporary DESTDIR.
set -u
n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $*"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }

D=$(mktemp -d /var/tmp/sandbox-install.XXXXXX)
trap 'rm -rf "$D"' EXIT
if ! out=$("$MESON" install -C "$MESON_BUILD_ROOT" --destdir "$D" --no-rebuild 2>&1); then
        echo "Bail out! meson install failed"
        printf '%s\n' "$out" | sed 's/^/# /'
        exit 1
fi

check "the binary: $PREFIX/bin/sandbox" test -x "$D$PREFIX/bin/sandbox"
missing=
for f in "$MESON_SOURCE_ROOT"/profiles/*.profile "$MESON_SOURCE_ROOT"/profiles/*.inc; do
        cmp -s "$f" "$D$PROFILEDIR/$(basename "$f")" || missing="$missing $(basename "$f")"
done
check "every shipped profile and fragment in $PROFILEDIR${missing:+ (missing:$missing)}" \
        test -z "$missing"
n_inst=$(find "$D$PROFILEDIR" -name '*.profile' | wc -l)
check "at least 25 profiles installed ($n_inst)" test "$n_inst" -ge 25
if [ "$MAN" = true ]; then
        check "sandbox(1): $MANDIR/man1/sandbox.1" test -s "$D$MANDIR/man1/sandbox.1"
        check "sandbox.profile(5): $MANDIR/man5/sandbox.profile.5" \
                test -s "$D$MANDIR/man5/sandbox.profile.5"
else
        ok "man pages # SKIP built with -Dman=disabled"
        ok "man pages # SKIP built with -Dman=disabled"
fi
comp="$D$COMPLETIONSDIR/sandbox"
check "bash completion: $COMPLETIONSDIR/sandbox" test -s "$comp"
check "the completion lists the installed profile directory" \
        grep -q "$PROFILEDIR" "$comp"
check "the completion loads in bash" bash -c ". '$comp' && complete -p sandbox >/dev/null"
# What it offers after "sandbox ": every verb of --help (doctor has no
# operand), from the binary on PATH.
words=$(PATH="$D$PREFIX/bin:$PATH" bash -c ". '$comp'
        COMP_WORDS=(sandbox ''); COMP_CWORD=1; COMP_LINE='sandbox '; COMP_POINT=8
        _sandbox sandbox '' sandbox; printf '%s\n' \"\${COMPREPLY[@]}\"" 2>/dev/null)
missing=
for v in $("$D$PREFIX/bin/sandbox" --help | sed -n 's/^Verbs://;/^  [a-z]/s/^  \([a-z-]*\) .*/\1/p'); do
        printf '%s\n' "$words" | grep -qx -- "$v" || missing="$missing $v"
done
check "the completion offers every verb${missing:+ (missing:$missing)}" test -z "$missing"
words=$(SANDBOX_PROFILEDIR="$D$PROFILEDIR" bash -c ". '$comp'
        COMP_WORDS=(sandbox --profile=fire); COMP_CWORD=1
        COMP_LINE='sandbox --profile=fire'; COMP_POINT=22
        _sandbox sandbox --profile=fire sandbox; printf '%s\n' \"\${COMPREPLY[@]}\"" 2>/dev/null)
check "the completion offers installed profile names (firefox)" \
        grep -q 'firefox' <<<"$words"
# The installed binary searches the directory the profiles went to.
check "the binary looks for profiles in $PROFILEDIR" \
        grep -qaF "$PROFILEDIR" "$D$PREFIX/bin/sandbox"
# And, pointed at the installed copy, it finds and validates them.
out=$(SANDBOX_PROFILEDIR="$D$PROFILEDIR" "$D$PREFIX/bin/sandbox" profile check \
        default firefox-esr chromium build untrusted 2>&1)
check "the installed binary checks the installed profiles" test $? -eq 0
echo "1..$n"
[ "$failed" -eq 0 ]

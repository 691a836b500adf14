# The environment policy: cleared by default, keep and set honoured.
. "$(dirname "$0")/lib.sh"

# as_caller starts from a clean environment, so pass the variable inside it.
out=$(as_caller env SECRET_TOKEN=abc LANG=C.UTF-8 "$SB" -- env)
expect_match "TERM is kept by default" "^TERM=dumb$" "$out"
expect_match "LANG is kept by default" "^LANG=C.UTF-8$" "$out"
if printf '%s\n' "$out" | grep -q SECRET_TOKEN; then
        not_ok "an unlisted variable is cleared"
else
        ok "an unlisted variable is cleared"
fi

p=$(profile env 'environment = { clear = true; keep = [ "KEEPME", "PATH" ];
  set = { FOO = "bar baz"; HOMEDIR = "${HOME}"; }; };')
out=$(as_caller env KEEPME=1 DROPME=2 "$SB" --profile="$p" -- env)
expect_match "keep lists what survives" "^KEEPME=1$" "$out"
expect_match "set adds a variable" "^FOO=bar baz$" "$out"
expect_match "set expands \${HOME}" "^HOMEDIR=$PASSWD_HOME$" "$out"
if printf '%s\n' "$out" | grep -Eq '^(DROPME|TERM)='; then
        not_ok "everything else is cleared"
else
        ok "everything else is cleared"
fi

p=$(profile noclear 'environment = { clear = false; };')
out=$(as_caller env OTHER=7 "$SB" --profile="$p" -- env)
expect_match "clear = false passes the caller's variables" "^OTHER=7$" "$out"

done_testing

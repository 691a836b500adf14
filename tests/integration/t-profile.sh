# Profile lookup and bad profiles, seen through the command.
. "$(dirname "$0")/lib.sh"

cfg="$CONFIG_DIR"
mkdir -p "$cfg"
if [ "$TEST_AS" = user ]; then chown -R "$TEST_USER:" "$TEST_HOME"; fi

# A name is looked up in the user's directory first.
printf 'hostname = "from-user-dir";\n' >"$cfg/mine.profile"
expect_eq "--profile=NAME finds it in the user's directory" from-user-dir \
        "$(sb --profile=mine -- hostname)"

# NAME.local applies on top of NAME.profile.
printf 'hostname = "from-local";\n' >"$cfg/mine.local"
expect_eq "NAME.local overrides NAME.profile" from-local \
        "$(sb --profile=mine -- hostname)"
rm "$cfg/mine.local"

# Without --profile the command's basename picks its profile.
printf 'hostname = "by-basename";\n' >"$cfg/hostname.profile"
expect_eq "the command's name picks a profile" by-basename "$(sb -- hostname)"
rm "$cfg/hostname.profile"
expect_eq "else the default profile applies" sandbox "$(sb -- hostname)"

# Includes, relative to the including file.
printf 'hostname = "included";\nrlimits = { nofile = 99; };\n' >"$cfg/base.inc"
printf 'include = [ "base.inc" ];\nrlimits = { core = 0; };\n' >"$cfg/top.profile"
expect_eq "an include applies" included "$(sb --profile=top -- hostname)"
expect_eq "groups merge with the include's" "99 0" \
        "$(sb --profile=top -- sh -c 'echo $(ulimit -n) $(ulimit -c)')"
if [ "$TEST_AS" = user ]; then chown -R "$TEST_USER:" "$TEST_HOME"; fi

# A malformed profile: exit 124, every error with file:line, nothing runs.
# The last line shows $WORK read-write, so that a program that did run
# would leave its marker where the host sees it.
marker="$WORK/started"
p=$(profile broken 'hostname = 5;
namespaces = [ "user", "bogus" ];
rlimits = { nofile = -3; };
hostnme = "x";
filesystem = { mounts = ( { type = "bind"; source = "'"$WORK"'"; readonly = false; } ); };')
err=$(sb --profile="$p" -- touch "$marker" 2>&1)
rc=$?
expect_eq "a malformed profile exits 124" 124 $rc
expect_match "the first error names file:line" "broken.profile:1: hostname" "$err"
expect_match "the second error is reported too" "broken.profile:2: namespaces" "$err"
expect_match "the third error is reported too" "broken.profile:3: rlimits.nofile" "$err"
expect_match "an unknown key suggests a name" "broken.profile:4: hostnme: unknown key \(did you mean 'hostname'\?\)" "$err"
check "nothing was started" test ! -e "$marker"

p=$(profile syntax 'hostname = "x"
namespaces = [ ;')
err=$(sb --profile="$p" -- true 2>&1)
rc=$?
expect_eq "a syntax error exits 124" 124 $rc
expect_match "and names file:line" "syntax.profile:[0-9]+: syntax error" "$err"
# Included by a profile that shows $WORK read-write: a program that ran
# despite the error would leave its marker.
top=$(profile withsyntax "include = [ \"$p\" ];
filesystem = { mounts = ( { type = \"bind\"; source = \"$WORK\"; readonly = false; } ); };")
err=$(sb --profile="$top" -- touch "$marker" 2>&1)
rc=$?
expect_eq "a syntax error in an include exits 124" 124 $rc
check "nothing was started" test ! -e "$marker"

done_testing

# capabilities.keep: exactly the kept capabilities remain, in every set
# they belong to, for a root and a non-root target.
. "$(dirname "$0")/lib.sh"

caps() { # caps PROFILE: the Cap* lines of the target
        sb --profile="$1" -- grep -E '^Cap(Inh|Prm|Eff|Bnd|Amb)' /proc/self/status |
                awk '{printf "%s=%s ", $1, $2}'
}

p=$(profile rootcaps 'process = { user = 0; group = 0; };
capabilities = { keep = [ "CAP_NET_BIND_SERVICE", "sys_chroot" ]; };')
# net_bind_service is bit 10, sys_chroot bit 18: 0x40400
got=$(caps "$p")
expect_match "root target: effective holds the kept caps" "CapEff:=0000000000040400" "$got"
expect_match "root target: permitted holds the kept caps" "CapPrm:=0000000000040400" "$got"
expect_match "root target: bounding holds only the kept caps" "CapBnd:=0000000000040400" "$got"
expect_match "root target: ambient carries them across exec" "CapAmb:=0000000000040400" "$got"
expect_match "root target: inheritable holds them" "CapInh:=0000000000040400" "$got"
expect_eq "root target: uid 0 inside" 0 "$(sb --profile="$p" -- id -u)"

p=$(profile usercaps 'process = { user = 1234; group = 1234; };
capabilities = { keep = [ "net_bind_service" ]; };')
got=$(caps "$p")
expect_match "non-root target: ambient carries the kept cap" "CapAmb:=0000000000000400" "$got"
expect_match "non-root target: effective holds it" "CapEff:=0000000000000400" "$got"
expect_match "non-root target: bounding holds only it" "CapBnd:=0000000000000400" "$got"
expect_match "non-root target: permitted holds it" "CapPrm:=0000000000000400" "$got"
expect_match "non-root target: inheritable holds it" "CapInh:=0000000000000400" "$got"
expect_eq "non-root target: uid 1234 inside" 1234 "$(sb --profile="$p" -- id -u)"

# Securebits: noroot is set and locked, so that uid 0 gains nothing from
# exec, and nobody inside can take it back.
if command -v setpriv >/dev/null; then
        got=$(sb --profile="$p" -- setpriv -d | grep '^Securebits:')
        expect_eq "securebits noroot, locked" "Securebits: noroot,noroot_locked" "$got"
        p0=$(profile rootnocaps 'process = { user = 0; };')
        sb --profile="$p0" -- setpriv --securebits=-noroot,-noroot_locked true 2>/dev/null
        check "uid 0 inside cannot clear the securebits" [ $? -ne 0 ]
else
        ok "securebits # SKIP no setpriv"
        ok "securebits locked # SKIP no setpriv"
fi

p=$(profile nocaps 'process = { user = 0; };')
got=$(caps "$p")
expect_match "uid 0 inside without keep has nothing" \
        "CapPrm:=0+ CapEff:=0+ CapBnd:=0+ CapAmb:=0+" "$got"
err=$(sb --profile="$(profile badcap 'capabilities = { keep = [ "net_bind_servce" ]; };')" -- true 2>&1)
rc=$?
expect_eq "an unknown capability is a profile error" 124 $rc
expect_match "with file:line" "badcap.profile:1: capabilities.keep" "$err"

done_testing

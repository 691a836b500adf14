# gpg: GnuPG. No network (key servers need a .local with
# network-host.inc); ~/.gnupg read-write (the keyring), the current
# directory read-write (files to sign, encrypt or decrypt); nothing else.
# gpg-agent is started inside the sandbox and ends with it.
description = "GnuPG: no network, ~/.gnupg and the current directory";
include = [ "base.inc", "home-private.inc", "cwd-writable.inc" ];
hostname = "gpg";
filesystem = {
  home = { writable = [ ".gnupg" ]; };
};
process = { new_session = false; };

# ssh: the SSH client. The network; ~/.ssh read-only (keys, config,
# known_hosts: new host keys are not saved, so a first connection asks
# every time); nothing else of the home. It keeps the terminal (it is
# interactive), so new_session is off; the filter still refuses TIOCSTI.
description = "SSH client: network, ~/.ssh read-only";
include = [ "base.inc", "home-private.inc", "network-host.inc" ];
hostname = "ssh";
filesystem = {
  home = { readonly = [ ".ssh" ]; };
};
process = { new_session = false; };

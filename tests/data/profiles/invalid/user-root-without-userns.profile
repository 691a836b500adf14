# expect: user-root-without-userns.profile:4: process.user: without the user namespace this is the host's root; write process.host_user = "root" to mean that
namespaces = [ "mount", "pid" ];
process = {
  user = "root";
};

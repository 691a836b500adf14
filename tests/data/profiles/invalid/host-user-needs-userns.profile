# expect: host-user-needs-userns.profile:4: process.host_user: needs the user namespace
namespaces = [ "mount", "pid" ];
process = {
  host_user = "root";
};

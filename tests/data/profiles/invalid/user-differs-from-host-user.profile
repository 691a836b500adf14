# expect: user-differs-from-host-user.profile:4: process.user: without the user namespace it must be the same user as process.host_user
namespaces = [ "mount", "pid" ];
process = {
  user = "nobody";
  host_user = "root";
};

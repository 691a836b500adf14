# expect: 062-host-user-without-userns.profile:3
namespaces = [ "mount" ];
process = { host_user = 0; };

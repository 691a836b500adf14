# expect: hostname-needs-uts.profile:3: hostname: needs the uts namespace
namespaces = [ "user", "mount" ];
hostname = "box";

# expect: 061-hostname-without-uts.profile:3
namespaces = [ "user" ];
hostname = "x";

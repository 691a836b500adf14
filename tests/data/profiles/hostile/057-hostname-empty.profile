# expect: 057-hostname-empty.profile:2
hostname = "";

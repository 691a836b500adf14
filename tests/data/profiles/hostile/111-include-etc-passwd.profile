# expect: *
hostname = "a";
include = [ "/etc/passwd" ];

# expect: 060-hostname-underscore.profile:2
hostname = "a_b";

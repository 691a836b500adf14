# expect: 084-cap-unknown.profile:2
capabilities = { keep = [ "cap_sys_admn" ]; };

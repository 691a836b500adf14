# expect: 038-uid-huge.profile:2
process = { user = "99999999999999999999999"; };

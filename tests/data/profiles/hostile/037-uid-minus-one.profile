# expect: 037-uid-minus-one.profile:2
process = { user = "4294967295"; };

# expect: 192-type-process-array.profile:2
process = [ "s" ];

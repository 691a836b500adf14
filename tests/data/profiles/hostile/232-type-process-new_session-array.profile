# expect: 232-type-process-new_session-array.profile:2
process = { new_session = [ "s" ]; };

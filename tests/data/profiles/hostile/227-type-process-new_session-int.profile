# expect: 227-type-process-new_session-int.profile:2
process = { new_session = 5; };

# expect: 229-type-process-new_session-float.profile:2
process = { new_session = 1.5; };

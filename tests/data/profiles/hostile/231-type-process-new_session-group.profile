# expect: 231-type-process-new_session-group.profile:2
process = { new_session = { }; };

# expect: 230-type-process-new_session-string.profile:2
process = { new_session = "s"; };

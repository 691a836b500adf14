# expect: namespaces-duplicate.profile:4: namespaces[3]: 'pid' listed twice
namespaces = [ "user",
  "mount", "pid",
  "pid" ];

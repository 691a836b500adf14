# expect: fs-unmask-duplicate.profile:2: filesystem.unmask[1]: '/proc/keys' listed twice
filesystem = { unmask = [ "/proc/keys", "/proc/keys" ]; };

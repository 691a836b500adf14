# expect: fs-unmask-unknown.profile:2: filesystem.unmask[0]: '/proc/kore' is not one of the default kernel masks (did you mean '/proc/kcore'?)
filesystem = { unmask = [ "/proc/kore" ]; };

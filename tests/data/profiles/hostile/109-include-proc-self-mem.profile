# expect: 109-include-proc-self-mem.profile:2
include = [ "/proc/self/mem" ];

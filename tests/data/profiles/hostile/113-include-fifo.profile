# expect: 113-include-fifo.profile:2
include = [ "fifo.inc" ];

# Every accepted spelling of a resource limit.
rlimits = {
  nofile = 1024;                      # an integer: soft = hard
  nproc = "512";                      # digits in a string
  core = "unlimited";
  as = "4G";                          # sizes only where the limit is bytes
  data = "512m";
  stack = [ "8M", "unlimited" ];      # [soft, hard]
  cpu = ( 10, 20 );                   # a list works like an array
  fsize = 5000000000L;                # a 64-bit integer
  RLIMIT_MEMLOCK = "64K";             # the RLIMIT_ name, any case
  msgqueue = 0;
};

# expect: 008-unterminated-group.profile:4
process = {
  umask = "022";

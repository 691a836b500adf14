# expect: 007-unterminated-comment.profile:3
hostname = "a";
/* no end


# expect: 024-only-comment-and-error.profile:5
# nothing
// still nothing
/* x */ oops

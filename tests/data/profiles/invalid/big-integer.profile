# expect: big-integer.profile:3: integer out of range; write a large value as a string ("5000000000", "5G")
rlimits = {
  as = 5000000000;
};

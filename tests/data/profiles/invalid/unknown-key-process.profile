# expect: unknown-key-process.profile:3: process.usr: unknown key (did you mean 'user'?)
process = {
  usr = "nobody";
};

# expect: 267-later-seccomp-266.profile:2
seccomp = 5;

#!/usr/bin/env python3
# pty-run.py COMMAND...: run COMMAND with a new pseudo-terminal as its
# controlling terminal and stdio, as an interactive shell would. Prints
# COMMAND's output, then one line "injected: <repr>" with whatever sits in
# the terminal's input queue once COMMAND is done: text pushed there with
# TIOCSTI would be read by the caller's shell next. Exits with COMMAND's
# status (128+N for a signal). The terminal is raw, so a pushed character
# is queued as is, without echo and without waiting for a newline.
import fcntl
import os
import select
import sys
import termios
import tty


def main():
    master, slave = os.openpty()
    tty.setraw(slave)
    pid = os.fork()
    if pid == 0:
        os.close(master)
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        if slave > 2:
            os.close(slave)
        try:
            os.execvp(sys.argv[1], sys.argv[1:])
        finally:
            os._exit(127)

    # Drain the output while the command runs, so that it never blocks on
    # a full terminal buffer.
    out = b""
    status = None
    while status is None:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                out += os.read(master, 65536)
            except OSError:
                pass
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
    while select.select([master], [], [], 0)[0]:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk

    # What the terminal would hand to the next reader: the injected text.
    os.set_blocking(slave, False)
    try:
        queued = os.read(slave, 65536)
    except BlockingIOError:
        queued = b""
    sys.stdout.write(out.decode(errors="replace").replace("\r\n", "\n"))
    sys.stdout.write("injected: %r\n" % queued.decode(errors="replace"))
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


if __name__ == "__main__":
    sys.exit(main())

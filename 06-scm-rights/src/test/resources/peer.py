"""The peers of lesson 06 in Python, which has descriptor passing built in
(socket.send_fds / socket.recv_fds, Python 3.9+). Partners: the Java opener and client.

  peer.py client SOCKET FILE          ask the opener for FILE, print it read through the descriptor
  peer.py server SOCKET FILE...       a minimal opener: hand out the listed files, one line per request
  peer.py flood SOCKET MESSAGES COUNT send MESSAGES messages, each with COUNT descriptors nobody asked for
  peer.py refused SOCKET FILE COUNT   ask COUNT times for a FILE not on the list, reading each refusal
  peer.py pipeline SOCKET FILE COUNT SECONDS  send COUNT requests without reading, wait, then count the replies
  peer.py handoff-take HANDOFF FILE   wait on HANDOFF for a connection handed over, then ask for FILE on it
  peer.py handoff-give SOCKET HANDOFF connect to the opener and hand the connection to HANDOFF's listener
"""
import os
import socket
import stat
import sys


def read_line(sock, maxfds):
    """One reply line and the descriptors that came with it."""
    data, fds = b"", []
    while not data.endswith(b"\n"):
        chunk, got, flags, _ = socket.recv_fds(sock, 8192, maxfds)
        fds += got
        if flags & socket.MSG_CTRUNC:
            raise SystemExit("error: MSG_CTRUNC: the kernel dropped descriptors")
        if not chunk:
            raise SystemExit("error: connection closed before a whole reply")
        data += chunk
    return data[:-1].decode(), fds


def ask(sock, path):
    sock.sendall(os.path.abspath(path).encode() + b"\n")
    line, fds = read_line(sock, 1)
    if not line.startswith("OK ") or len(fds) != 1:
        for fd in fds:
            os.close(fd)
        raise SystemExit("error: " + line)
    if not stat.S_ISREG(os.fstat(fds[0]).st_mode):
        raise SystemExit("error: not a regular file")
    with os.fdopen(fds[0], "rb") as f:
        sys.stdout.buffer.write(f.read())
    sys.stdout.flush()


def client(path, file):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(path)
        ask(sock, file)


def server(path, files):
    allowed = set(files)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(path)
        listener.listen()
        print("listening", flush=True)
        while True:
            conn, _ = listener.accept()
            with conn:
                request = conn.makefile("rb").readline(4097).rstrip(b"\n").decode()
                if request not in allowed:
                    conn.sendall(b"ERR not on the allow list\n")
                    continue
                fd = os.open(request, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
                try:
                    socket.send_fds(conn, [b"OK " + request.encode() + b"\n"], [fd])
                finally:
                    os.close(fd)
                print("handed " + request, flush=True)


def flood(path, messages, count):
    # Descriptors of this script's own file: no other process has it open, so the receiver's
    # /proc/PID/fd shows exactly how many of them it kept.
    null = os.open(__file__, os.O_RDONLY)
    refused = 0
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(path)
        for _ in range(messages):
            try:
                socket.send_fds(sock, [b"/"], [null] * count)
            except PermissionError:  # EPERM: the receiver has SO_PASSRIGHTS off
                refused += 1
                sock.sendall(b"/")
        sock.sendall(b"\n")
        line, fds = read_line(sock, 1)
    print("sent %d messages with %d descriptors each; refused by the kernel: %d; reply: %s"
          % (messages, count, refused, line), flush=True)


def refused(path, file, count):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(path)
        replies = sock.makefile("rb")
        request = os.path.abspath(file).encode() + b"\n"
        errors = 0
        for _ in range(count):
            sock.sendall(request)
            if replies.readline().startswith(b"ERR "):
                errors += 1
    print("asked %d times for %s; refused %d times" % (count, file, errors), flush=True)


def pipeline(path, file, count, seconds):
    """Sends count requests at once and reads nothing for seconds; then reads all that came.
    Every reply with a descriptor stays open in flight, at the opener's charge, until read."""
    import time
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(path)
        request = os.path.abspath(file).encode() + b"\n"
        sock.settimeout(5)
        sent = 0
        try:
            for _ in range(count):
                sock.sendall(request)
                sent += 1
        except OSError:
            pass
        time.sleep(seconds)
        replies = descriptors = 0
        sock.settimeout(5)
        try:
            while True:
                chunk, fds, _, _ = socket.recv_fds(sock, 65536, 1000)
                for fd in fds:
                    os.close(fd)
                descriptors += len(fds)
                if not chunk:
                    break
                replies += chunk.count(b"\n")
        except OSError:
            pass
    print("sent %d requests without reading for %g s; then read %d replies with %d descriptors"
          % (sent, seconds, replies, descriptors), flush=True)


def handoff_take(handoff, file):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(handoff)
        os.chmod(handoff, 0o666)
        listener.listen()
        print("ready", flush=True)
        conn, _ = listener.accept()
        with conn:
            _, fds, _, _ = socket.recv_fds(conn, 10, 1)
        with socket.socket(fileno=fds[0]) as opener:
            ask(opener, file)


def handoff_give(path, handoff):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as opener, \
            socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as taker:
        opener.connect(path)
        taker.connect(handoff)
        socket.send_fds(taker, [b"c"], [opener.fileno()])
    print("handed over my connection", flush=True)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "client":
        client(*args)
    elif command == "server":
        server(args[0], args[1:])
    elif command == "flood":
        flood(args[0], int(args[1]), int(args[2]))
    elif command == "refused":
        refused(args[0], args[1], int(args[2]))
    elif command == "pipeline":
        pipeline(args[0], args[1], int(args[2]), float(args[3]))
    elif command == "handoff-take":
        handoff_take(*args)
    elif command == "handoff-give":
        handoff_give(*args)
    else:
        raise SystemExit("unknown command " + command)

"""A hostile local user, for the attack tests: each command is one thing such a user can try.

Run as another user (setpriv); prints one summary line per attack, nothing the server sent raw.
An address starting with @ is an abstract name (lesson 02), anything else a socket file.
"""
import array
import errno
import os
import resource
import selectors
import socket
import struct
import sys
import time


def address(text):
    return "\0" + text[1:] if text.startswith("@") else text


def connect(text, kind=socket.SOCK_STREAM, wait=None):
    s = socket.socket(socket.AF_UNIX, kind)
    if wait is not None:
        # A full backlog makes connect wait, for as long as SO_SNDTIMEO allows (unix(7)); a
        # Python timeout would make the socket non-blocking, and such a connect fails at once.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", int(wait), 0))
    s.connect(address(text))
    return s


def first_reply(s, timeout=5.0):
    s.settimeout(timeout)
    try:
        data = s.recv(200)
        return repr(data.decode("utf-8", "replace")) if data else "end of stream"
    except socket.timeout:
        return "no reply"
    except OSError as e:
        return type(e).__name__


def hold(target, count, seconds, kind=socket.SOCK_STREAM, unanswered=None):
    """Opens count connections and keeps them open, sending nothing. With unanswered, first waits
    (30 s at most) until no more than that many are still waiting for the server's first word:
    a server refuses the connections over its cap one after another, as it accepts them."""
    held, failed = [], 0
    for _ in range(count):
        try:
            held.append(connect(target, kind, wait=1))
        except OSError:
            failed += 1
    refused = {}
    waiting = selectors.DefaultSelector()
    for s in held:
        s.setblocking(False)
        waiting.register(s, selectors.EVENT_READ)
    deadline = time.monotonic() + 30
    while True:
        for key, _ in waiting.select(timeout=0.05):
            try:
                data = key.fileobj.recv(200)
                reply = repr(data.decode("utf-8", "replace")) if data else "end of stream"
            except BlockingIOError:
                continue
            except OSError as e:
                reply = type(e).__name__
            refused[reply] = refused.get(reply, 0) + 1
            waiting.unregister(key.fileobj)
        if unanswered is None or len(waiting.get_map()) <= unanswered or time.monotonic() > deadline:
            break
    answered = sum(refused.values())
    answers = "; ".join(f"{n} answered {reply}" for reply, n in sorted(refused.items()))
    print(f"opened {len(held)} of {count} connections ({failed} connects failed); "
          f"{len(held) - answered} held open; {answers or 'none answered'}", flush=True)
    time.sleep(seconds)
    for s in held:
        s.close()


def line(target, size):
    """Sends size bytes with no newline and reports how the server answers."""
    s = connect(target)
    chunk = b"x" * 65536
    sent = 0
    try:
        s.settimeout(10)
        while sent < size:
            sent += s.send(chunk[: min(len(chunk), size - sent)])
    except OSError as e:
        print(f"sending stopped after {sent} bytes: {type(e).__name__}", flush=True)
    print(f"sent {sent} bytes without a newline; the server answered {first_reply(s)}", flush=True)


def silent(target, kind=socket.SOCK_STREAM):
    """Connects, sends nothing, reports what happens and when."""
    start = time.monotonic()
    s = connect(target, kind)
    reply = first_reply(s, 120)
    print(f"sent nothing; the server answered {reply} after {int(time.monotonic() - start)} s", flush=True)


def trickle(target, interval, count, kind=socket.SOCK_SEQPACKET):
    """Sends one byte every interval seconds; reports when the server hangs up."""
    start = time.monotonic()
    s = connect(target, kind)
    reply = first_reply(s, 5)
    for _ in range(count):
        try:
            s.send(b"x")
        except OSError as e:
            print(f"first reply {reply}; the server hung up after {time.monotonic() - start:.0f} s "
                  f"({type(e).__name__})", flush=True)
            return
        time.sleep(interval)
    print(f"first reply {reply}; still connected after {time.monotonic() - start:.0f} s", flush=True)


def hold_trickle(target, count, interval, seconds):
    """Opens count connections, then sends one byte on each every interval seconds (never a
    newline), for at most seconds: a read timeout restarts with every byte, so a server that
    counts idle time from the last byte keeps them all for ever. Reports, for each connection
    the server ended, the last thing it said (a greeting before it does not count)."""
    start = time.monotonic()
    held = []
    for _ in range(count):
        held.append(connect(target))
    for s in held:
        s.setblocking(False)
    answers, last, open_ = {}, {}, list(held)
    while open_ and time.monotonic() - start < seconds:
        for s in list(open_):
            try:
                s.send(b"x")
            except OSError:
                pass
            try:
                while True:
                    data = s.recv(200)
                    if not data:
                        break
                    last[s] = repr(data.decode("utf-8", "replace"))
            except BlockingIOError:
                continue
            except OSError as e:
                last.setdefault(s, type(e).__name__)
            answers.setdefault(last.get(s, "end of stream"), []).append(time.monotonic() - start)
            open_.remove(s)
        time.sleep(interval)
    told = "; ".join(f"{len(t)} answered {reply} after {min(t):.0f}-{max(t):.0f} s"
                     for reply, t in sorted(answers.items()))
    print(f"trickled a byte every {interval:g} s on {count} connections for up to {seconds:g} s: "
          f"{len(open_)} still open; {told or 'none answered'}", flush=True)
    for s in held:
        s.close()


def unread(target, request, count, seconds, kind=socket.SOCK_SEQPACKET):
    """Sends count requests on one connection (SOCK_SEQPACKET, or lines on a stream) and reads
    none of the replies for seconds: a server with no send timeout stays blocked in send once
    the replies fill the queue. Then reads what is there, and reports how the server ended the
    connection."""
    s = connect(target, kind)
    if kind == socket.SOCK_STREAM:
        request += "\n"
    s.settimeout(5)
    sent, stopped = 0, ""
    try:
        for _ in range(count):
            s.send(request.encode())
            sent += 1
    except OSError as e:
        stopped = f" (sending stopped: {type(e).__name__})"
    time.sleep(seconds)
    replies, end = 0, "still connected"
    s.settimeout(2)
    try:
        while True:
            if not s.recv(4096):
                end = "end of stream"
                break
            replies += 1
    except socket.timeout:
        pass
    except OSError as e:
        end = type(e).__name__
    print(f"sent {sent} requests{stopped} and read nothing for {seconds:g} s; then read {replies} replies, "
          f"then {end}", flush=True)


def handoff_take(handoff, request):
    """Waits on handoff for a connection someone hands over (SCM_RIGHTS), then sends request on
    it: the server sees whoever connected, not us."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(handoff)
        os.chmod(handoff, 0o666)
        listener.listen()
        print("ready", flush=True)
        conn, _ = listener.accept()
        with conn:
            _, fds, _, _ = socket.recv_fds(conn, 10, 1)
    with socket.socket(fileno=fds[0]) as handed:
        handed.settimeout(10)
        handed.send(request.encode())
        reply = handed.recv(4096).decode("utf-8", "replace")
    print(f"sent {request!r} on a connection handed to me; the server answered {reply!r}", flush=True)


def handoff_give(target, handoff):
    """Connects to target (SOCK_SEQPACKET) and hands the connection to handoff's listener."""
    with connect(target, socket.SOCK_SEQPACKET) as server, connect(handoff) as taker:
        socket.send_fds(taker, [b"c"], [server.fileno()])
    print("connected, and handed the connection over", flush=True)


def flood(target, count, kind=socket.SOCK_STREAM):
    """Connects and hangs up count times, as fast as it can."""
    ok = failed = 0
    for _ in range(count):
        try:
            connect(target, kind).close()
            ok += 1
        except OSError:
            failed += 1
    print(f"{ok + failed} connection attempts: {ok} connected, {failed} failed", flush=True)


def send_datagram(target, text, fds=0, kind=socket.SOCK_DGRAM, report=True):
    """Sends text as one datagram (or on a connection), with fds open descriptors attached."""
    s = socket.socket(socket.AF_UNIX, kind)
    if kind == socket.SOCK_STREAM:
        s.connect(address(target))
        to = None
    else:
        to = address(target)
    # Descriptors of this script's own file: no other process has it open, so the receiver's
    # /proc/PID/fd shows exactly how many of them it kept.
    opened = [os.open(__file__, os.O_RDONLY) for _ in range(fds)]
    ancillary = [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", opened))] if opened else []
    if to is None:
        s.sendmsg([text.encode()], ancillary)
    else:
        s.sendmsg([text.encode()], ancillary, 0, to)
    for fd in opened:
        os.close(fd)
    if report:
        print(f"sent {len(text.encode())} bytes with {fds} descriptors attached", flush=True)
    return s


def datagram_flood(target, seconds, size):
    """Sends datagrams of size bytes for seconds, as fast as the receiver's queue takes them."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    s.settimeout(1.0)  # a full queue blocks a sender: never longer than this at a time
    payload, sent = b"f" * size, 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            s.sendto(payload, address(target))
            sent += 1
        except socket.timeout:
            pass
    print(f"sent {sent} datagrams of {size} bytes in {seconds:g} s", flush=True)


def big_datagram(target, size):
    """Sends one datagram of size bytes; says whether the kernel took it."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        s.sendto(b"z" * size, address(target))
        print(f"sent one datagram of {size} bytes", flush=True)
    except OSError as e:
        print(f"a datagram of {size} bytes refused: {errno.errorcode.get(e.errno, e.errno)}", flush=True)


def squat_seqpacket(target, seconds):
    """Binds target before the real server does and records what clients send it."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    s.bind(address(target))
    os.chmod(target, 0o666)
    s.listen(16)
    s.settimeout(seconds)
    print("squatting " + target, flush=True)
    captured = []
    try:
        while True:
            c, _ = s.accept()
            c.settimeout(2)
            try:
                data = c.recv(4096)
                if data:
                    captured.append(data)
                    c.send(b"OK")
            except OSError:
                pass
            c.close()
    except socket.timeout:
        pass
    print(f"captured {len(captured)} requests: {[d.decode('utf-8', 'replace') for d in captured]}", flush=True)
    os.unlink(target)


def plant_file(target):
    """Creates target before the real server does (lesson 10: PostgreSQL's lock file), with this pid in it."""
    with open(target, "x") as f:
        f.write(f"{os.getpid()}\n")
    print("planted " + target, flush=True)


def squat_stream(target, seconds):
    """Binds a stream socket at target before the real server does, and keeps it for a while."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(address(target))
    s.listen(16)
    print("squatting " + target, flush=True)
    time.sleep(seconds)
    s.close()


def read_exactly(c, size):
    data = b""
    while len(data) < size:
        chunk = c.recv(size - len(data))
        if not chunk:
            raise EOFError()
        data += chunk
    return data


def pg_impostor(target, seconds):
    """Moves the real server's socket aside (a directory anyone may write lets anyone do so) and
    binds its own in its place; answers a PostgreSQL client's start-up by asking for a password
    in clear text, then says whether one came (never what it was)."""
    os.rename(target, target + ".moved")
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(target)
    os.chmod(target, 0o777)
    s.listen(1)
    s.settimeout(seconds)
    print("impersonating " + target, flush=True)
    try:
        c, _ = s.accept()
        c.settimeout(5)
        length, = struct.unpack("!i", read_exactly(c, 4))
        startup = read_exactly(c, min(length, 10000) - 4)[4:].split(b"\0")
        fields = dict(zip(startup[0::2], startup[1::2]))
        print("a client asked for role " + repr(fields.get(b"user", b"").decode("utf-8", "replace")), flush=True)
        c.sendall(b"R" + struct.pack("!ii", 8, 3))  # AuthenticationCleartextPassword
        try:
            kind = read_exactly(c, 1)
            print("it sent a password" if kind == b"p" else "it sent no password", flush=True)
        except (EOFError, OSError):
            print("it sent no password", flush=True)
        c.close()
    except socket.timeout:
        print("no client came", flush=True)
    s.close()
    os.unlink(target)
    os.rename(target + ".moved", target)


def main(argv):
    # Like any user may: as many descriptors as the hard limit allows.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    command, target, rest = argv[0], argv[1], argv[2:]
    seq = socket.SOCK_SEQPACKET
    if command in ("hold", "hold-seqpacket"):
        unanswered = int(rest[2]) if len(rest) > 2 else None
        hold(target, int(rest[0]), float(rest[1]), seq if command == "hold-seqpacket" else socket.SOCK_STREAM,
             unanswered)
    elif command == "line":
        line(target, int(rest[0]))
    elif command == "silent":
        silent(target)
    elif command == "trickle":
        trickle(target, float(rest[0]), int(rest[1]))
    elif command == "hold-trickle":
        hold_trickle(target, int(rest[0]), float(rest[1]), float(rest[2]))
    elif command in ("unread", "unread-stream"):
        unread(target, rest[0], int(rest[1]), float(rest[2]), seq if command == "unread" else socket.SOCK_STREAM)
    elif command == "handoff-take":
        handoff_take(target, rest[0])
    elif command == "handoff-give":
        handoff_give(target, rest[0])
    elif command == "flood":
        flood(target, int(rest[0]))
    elif command == "flood-seqpacket":
        flood(target, int(rest[0]), seq)
    elif command == "datagram":
        send_datagram(target, rest[0], int(rest[1]) if len(rest) > 1 else 0)
    elif command == "datagram-flood":
        datagram_flood(target, float(rest[0]), int(rest[1]))
    elif command == "big-datagram":
        big_datagram(target, int(rest[0]))
    elif command == "squat-seqpacket":
        squat_seqpacket(target, float(rest[0]))
    elif command == "plant-file":
        plant_file(target)
    elif command == "squat-stream":
        squat_stream(target, float(rest[0]))
    elif command == "pg-impostor":
        pg_impostor(target, float(rest[0]))
    elif command == "datagrams":
        for _ in range(int(rest[2])):
            send_datagram(target, rest[0], int(rest[1]), report=False).close()
        print(f"sent {rest[2]} datagrams of {len(rest[0].encode())} bytes, each with {rest[1]} descriptors attached",
              flush=True)
    elif command == "stream-silent-then":
        s = connect(target)
        time.sleep(float(rest[0]))
        s.close()
        print(f"held a silent connection for {rest[0]} s", flush=True)
    else:
        sys.exit("unknown command " + command)


if __name__ == "__main__":
    main(sys.argv[1:])

#!/usr/bin/env python3
"""A Python peer for lesson 05's interop test: Python's socket module knows SCM_CREDENTIALS.

  peer.py send PATH TEXT   send TEXT as one datagram to PATH, with our credentials
  peer.py receive PATH     bind PATH, receive one datagram, print "from pid= uid= gid=: TEXT"
"""
import os
import socket
import struct
import sys

UCRED = struct.Struct("iII")  # pid_t is signed, uid_t and gid_t are not


def send(path, text):
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as s:
        creds = UCRED.pack(os.getpid(), os.getuid(), os.getgid())
        s.sendmsg([text.encode()], [(socket.SOL_SOCKET, socket.SCM_CREDENTIALS, creds)], 0, path)


def receive(path):
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        s.bind(path)
        print("ready", flush=True)
        data, ancdata, flags, _ = s.recvmsg(65536, socket.CMSG_SPACE(UCRED.size))
        for level, kind, payload in ancdata:
            if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                pid, uid, gid = UCRED.unpack(payload)
                print(f"from pid={pid} uid={uid} gid={gid}: {data.decode()}", flush=True)
        os.unlink(path)


if __name__ == "__main__":
    {"send": lambda: send(sys.argv[2], sys.argv[3]), "receive": lambda: receive(sys.argv[2])}[sys.argv[1]]()

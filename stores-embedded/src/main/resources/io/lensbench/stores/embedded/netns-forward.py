"""Loopback forwarder into a store's private network namespace (stdlib only; LensBench starts it as root).

usage: python3 netns-forward.py PID UID GID HOST_PORT:NS_PORT [...]
Listens on 127.0.0.1:HOST_PORT in this (the host's) network namespace, then enters the network
namespace of PID, drops to UID:GID and forwards every connection to 127.0.0.1:NS_PORT there.
Exits when PID is gone. See docs/stores.md (Milvus server, loopback).
"""
import ctypes, os, socket, sys, threading, time

CLONE_NEWNET = 0x40000000
pid, uid, gid = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
pairs = [tuple(int(p) for p in a.split(":")) for a in sys.argv[4:]]
listeners = []
for host_port, ns_port in pairs:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", host_port))
    s.listen(128)
    listeners.append((s, ns_port))
fd = os.open("/proc/%d/ns/net" % pid, os.O_RDONLY)
if ctypes.CDLL("libc.so.6", use_errno=True).setns(fd, CLONE_NEWNET) != 0:
    sys.exit("setns into the network namespace of pid %d failed: errno %d" % (pid, ctypes.get_errno()))
os.close(fd)
os.setgroups([])
os.setgid(gid)
os.setuid(uid)


def pump(src, dst):
    try:
        while True:
            data = src.recv(262144)
            if not data:
                break
            dst.sendall(data)
    except OSError:
        pass
    for s, how in ((dst, socket.SHUT_WR), (src, socket.SHUT_RD)):
        try:
            s.shutdown(how)
        except OSError:
            pass


def serve(listener, ns_port):
    while True:
        client, _ = listener.accept()
        try:
            upstream = socket.create_connection(("127.0.0.1", ns_port), timeout=10)
        except OSError:
            client.close()
            continue
        upstream.settimeout(None)
        for s in (client, upstream):
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=pump, args=(client, upstream), daemon=True).start()
        threading.Thread(target=pump, args=(upstream, client), daemon=True).start()


for listener, ns_port in listeners:
    threading.Thread(target=serve, args=(listener, ns_port), daemon=True).start()
print("forwarding %s into the network namespace of pid %d" % (pairs, pid), flush=True)
while os.path.exists("/proc/%d" % pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                break
    except OSError:
        break
    time.sleep(0.5)

#!/usr/bin/env python3
"""Peak memory of `journey lsp` opening a document of many unused events.

A scripted session over stdio: initialize, open a generated file of N
`event` declarations (100,000 by default, 1.3 MB) and a journey that uses one
of them, wait for its diagnostics,
shut down; prints the server's peak resident memory (the kernel's account of
the child, as /usr/bin/time -v reports it).

    python3 benches/lsp_memory.py target/release/journey [EVENTS]

Figures in docs/performance.md, "Language server memory".
"""
import json
import resource
import subprocess
import sys

binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/journey"
events = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
# A journey, so that the events are unused: a file of declarations alone is a
# project's declarations file, of which nothing is reported unused.
text = "".join(f"event e{i}\n" for i in range(events))
text += "journey j {\n  entry on e0\n  stage s { after 1d: exit }\n}\n"

server = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def send(msg):
    body = json.dumps(msg).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()


def receive():
    length = 0
    while (line := server.stdout.readline().strip()):
        name, _, value = line.partition(b": ")
        if name.lower() == b"content-length":
            length = int(value)
    return json.loads(server.stdout.read(length))


def until(pred):
    while not pred(msg := receive()):
        pass
    return msg


send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"processId": None, "rootUri": None, "capabilities": {}}})
until(lambda m: m.get("id") == 1)
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
uri = "file:///events.journey"
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": uri, "languageId": "journey", "version": 1, "text": text}}})
published = until(lambda m: m.get("method") == "textDocument/publishDiagnostics")
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
until(lambda m: m.get("id") == 2)
send({"jsonrpc": "2.0", "method": "exit"})
server.stdin.close()
code = server.wait()
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e3
count = len(published["params"]["diagnostics"])
print(f"{len(text) / 1e6:.1f} MB document, {count} diagnostics, exit {code}: peak RSS {peak:.0f} MB")

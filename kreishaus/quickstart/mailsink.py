"""The quick start's mail server: accepts every mail over SMTP on the loopback and keeps it
as an .eml file (kreishaus.quickstart.mailbox); nothing leaves the machine.

    python -m kreishaus.quickstart.mailsink --dir var/mail --port 8025
    python -m kreishaus.quickstart.mailsink --dir var/mail --fd 3   # a socket it inherits

For fault drills: while the file `<dir>/.refuse` exists, every recipient is refused with
the transient code 451, as a mail server that is overloaded or in maintenance answers;
the outbox then retries with back-off. Remove the file and the next attempt is delivered.
"""

import argparse
import asyncio
import signal
import socket
import sys
from email.parser import BytesHeaderParser
from email.policy import default as default_policy
from pathlib import Path

from aiosmtpd.smtp import SMTP

from .mailbox import REFUSE_FLAG, mail_store


class SinkHandler:
    def __init__(self, directory: Path, out=sys.stdout):
        self.directory = directory
        self.out = out

    def refusing(self) -> bool:
        return (self.directory / REFUSE_FLAG).exists()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if self.refusing():
            return "451 4.3.2 Mail sink refuses for now (fault drill); try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        content = envelope.original_content or envelope.content
        path = mail_store(self.directory, content)
        headers = BytesHeaderParser(policy=default_policy).parsebytes(content)
        print(f"mail to {', '.join(envelope.rcpt_tos)}: {headers.get('Subject', '')} "
              f"-> {path.name}", file=self.out, flush=True)
        return "250 Message accepted"


async def serve(directory: Path, sock: socket.socket) -> None:
    """Serve on `sock` until SIGTERM or SIGINT."""
    loop = asyncio.get_running_loop()
    handler = SinkHandler(directory)
    server = await loop.create_server(
        lambda: SMTP(handler, enable_SMTPUTF8=True, hostname="kreishaus-mailsink"),
        sock=sock)
    stopped = asyncio.Event()
    for number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(number, stopped.set)
    async with server:
        await stopped.wait()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, required=True, help="folder for the .eml files")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--port", type=int, help="port on 127.0.0.1")
    where.add_argument("--fd", type=int, help="an inherited listening socket")
    args = parser.parse_args(argv)
    if args.fd is not None:
        sock = socket.socket(fileno=args.fd)
    else:
        sock = socket.create_server(("127.0.0.1", args.port))
    args.dir.mkdir(parents=True, exist_ok=True)
    print(f"SMTP on 127.0.0.1:{sock.getsockname()[1]}, mails kept in {args.dir}", flush=True)
    asyncio.run(serve(args.dir, sock))


if __name__ == "__main__":
    main()
